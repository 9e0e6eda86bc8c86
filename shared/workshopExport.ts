/**
 * The JSON export of a workshop (`"schema": "riskroom.workshop/v1"`): one plain document with the
 * content, the framework and its lock history, every round's revealed values, the determinations,
 * the snapshot index and the risk history. The server validates what it writes with this schema and
 * what it imports with the same one, so a document that leaves one Riskroom enters another as is.
 *
 * The content part reuses the content document's own schemas (shared/content/schema.ts): fields
 * that gained a default there stay optional here, so an older export still imports.
 */
import { z } from "zod";
import type { CreateWorkshopResponse } from "./api";
import { auditEntryViewSchema } from "./auditSchema";
import { contentSchema, scenarioSchema } from "./content/schema";
import type { ScenarioAggregate } from "./estimation/aggregate";
import { estimateSchema } from "./estimation/estimate";
import { AGGREGATION_METHODS, frameworkSchema, matrixTierSchema } from "./estimation/framework";
import { ROUND_KINDS, VERDICTS } from "./estimationView";
import { incidentReportSchema, incidentSchema } from "./incidents/model";
import { MAX_NAME_LENGTH } from "./limits";
import { ROLES } from "./roles";
import { watchedConditionSchema } from "./watchedConditions";

export const WORKSHOP_EXPORT_SCHEMA = "riskroom.workshop/v1";
export const EXPORT_FORMATS = ["json", "md", "csv", "html"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** An import carries a whole workshop, narratives included: more than the 1 MiB of other REST bodies. */
export const MAX_IMPORT_BODY_BYTES = 8 * 1024 * 1024;

const id = z.string().min(1).max(64);
const time = z.iso.datetime({ offset: true });
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "must be a SHA-256 in hex");
const probability = z.number().min(0).max(1);

const spreadSchema = z.object({
  min: z.number(),
  max: z.number(),
  q1: z.number(),
  q3: z.number(),
  iqr: z.number(),
});

export const scenarioAggregateSchema: z.ZodType<ScenarioAggregate> = z.object({
  probability: z.object({
    method: z.enum(AGGREGATION_METHODS),
    n: z.int().min(1),
    low: probability,
    best: probability,
    high: probability,
    spread: spreadSchema,
  }),
  severity: z.object({
    n: z.int().min(0),
    levelId: id.nullable(),
    levelIndex: z.int().min(0).nullable(),
    levelSpread: spreadSchema.nullable(),
    value: z.object({ low: z.number(), best: z.number(), high: z.number() }).nullable(),
    valueSpread: spreadSchema.nullable(),
  }),
  bandId: id.nullable(),
  tier: matrixTierSchema.nullable(),
});

export const revealedEstimateSchema = estimateSchema.extend({
  who: z.string().min(1).max(200),
  participantId: id.optional(),
});

/** A round as the export shows it: how many experts submitted, never who in an anonymous round. */
export const exportRoundSchema = z.object({
  id,
  number: z.int().min(1),
  kind: z.enum(ROUND_KINDS),
  anonymous: z.boolean(),
  state: z.enum(["open", "revealed", "closed"]),
  openedAt: time,
  revealedAt: time.optional(),
  closedAt: time.optional(),
  scenarioIds: z.array(id),
  /** scenario id → number of experts who submitted. */
  submissions: z.record(id, z.int().min(0)),
  /** Null until the facilitator reveals the round: blind values never leave the server. */
  revealed: z
    .object({
      estimates: z.record(id, z.array(revealedEstimateSchema)),
      aggregates: z.record(id, scenarioAggregateSchema.nullable()),
    })
    .nullable(),
});
export type ExportRound = z.infer<typeof exportRoundSchema>;

const dissentNoteSchema = z.object({ participantId: id, name: z.string(), at: time, text: z.string() });

export const determinationSchema = z.object({
  riskId: id,
  /** Null for a risk judged under other criteria (no ladder): `criterion` and `justification` say how. */
  tierId: id.nullable(),
  criterion: z.string().optional(),
  justification: z.string().optional(),
  safetyMargin: z.string(),
  marginReasons: z.string(),
  conditions: z.string(),
  watched: z.array(watchedConditionSchema).optional(),
  verdict: z.enum(VERDICTS),
  evidenceScenarioIds: z.array(id),
  needsHigherTier: z.boolean(),
  by: z.string(),
  at: time,
  dissent: z.array(dissentNoteSchema),
});

const standingPointSchema = z.object({
  roundNumber: z.int().min(1),
  n: z.int().min(1),
  low: probability,
  best: probability,
  high: probability,
  levelId: id.nullable(),
  tier: matrixTierSchema.nullable(),
});
export type StandingPoint = z.infer<typeof standingPointSchema>;

export const historyPointSchema = z.object({
  snapshotId: id,
  label: z.string(),
  takenAt: time,
  pre: standingPointSchema.nullable(),
  residual: standingPointSchema.nullable(),
});
export type HistoryPoint = z.infer<typeof historyPointSchema>;

export const exportScenarioSchema = scenarioSchema.extend({
  /** The narrative as Markdown, for readers without a ProseMirror; ignored on import. */
  narrativeMarkdown: z.string().default(""),
});
export type ExportScenario = z.infer<typeof exportScenarioSchema>;

const contentShape = contentSchema.extend({ scenarios: z.array(exportScenarioSchema) });

/** Record ids are keys in the content document: two records with one id would silently become one. */
function duplicateIdIssues(content: z.infer<typeof contentShape>, ctx: z.core.$RefinementCtx): void {
  const check = (items: ReadonlyArray<{ id: string }>, path: Array<string | number>) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id))
        ctx.addIssue({ code: "custom", path: [...path, i, "id"], message: `duplicate id "${item.id}"` });
      seen.add(item.id);
    });
  };
  const { risks, actors, sources, safeguards, scenarios, mitigations } = content;
  const lists = { risks, actors, sources, safeguards, scenarios, mitigations };
  for (const [key, items] of Object.entries(lists)) check(items, [key]);
  scenarios.forEach((s, i) => {
    check(s.steps, ["scenarios", i, "steps"]);
    check(s.evidence, ["scenarios", i, "evidence"]);
    check(s.dissent, ["scenarios", i, "dissent"]);
  });
}

export const exportContentSchema = contentShape.superRefine(duplicateIdIssues);
export type ExportContent = z.infer<typeof exportContentSchema>;

export const snapshotIndexEntrySchema = z.object({
  id,
  label: z.string(),
  takenAt: time,
  takenBy: z.string(),
  auto: z.boolean(),
  sha256,
  bytes: z.int().min(0),
  /** False when the blob no longer matched its SHA-256 (or was missing) at export: left out of the history. */
  verified: z.boolean(),
});
export type SnapshotIndexEntry = z.infer<typeof snapshotIndexEntrySchema>;

export const exportSourceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("live") }),
  z.object({
    kind: z.literal("snapshot"),
    snapshotId: id,
    label: z.string(),
    takenAt: time,
    takenBy: z.string(),
    auto: z.boolean(),
    sha256,
  }),
]);

export const workshopExportSchema = z.object({
  schema: z.literal(WORKSHOP_EXPORT_SCHEMA, {
    error: `must be "${WORKSHOP_EXPORT_SCHEMA}": this server reads version 1 exports only`,
  }),
  exportedAt: time,
  /** Where the state came from: the live workshop, or one snapshot of it. */
  source: exportSourceSchema,
  workshop: z.object({
    id,
    title: z.string().trim().min(1).max(200),
    subject: z.string().max(200).optional(),
    createdAt: time,
  }),
  participants: z.array(
    z.object({
      id,
      displayName: z.string().min(1).max(MAX_NAME_LENGTH),
      role: z.enum(ROLES),
      joinedAt: time,
      revokedAt: time.optional(),
    }),
  ),
  framework: frameworkSchema,
  lock: z.object({ lockedAt: time, lockedBy: z.string(), hash: sha256 }).nullable(),
  unlocks: z.array(
    z.object({
      at: time,
      by: z.string(),
      justification: z.string(),
      hashBefore: sha256,
      hashAfter: sha256.nullable(),
    }),
  ),
  content: exportContentSchema,
  rounds: z.array(exportRoundSchema),
  determinations: z.array(determinationSchema),
  verdict: z
    .object({
      verdict: z.enum(VERDICTS),
      justification: z.string(),
      by: z.string(),
      at: time,
      conflicts: z.array(id).optional(),
      conflictJustification: z.string().optional(),
    })
    .nullable(),
  snapshots: z.array(snapshotIndexEntrySchema),
  /** Per scenario, its standing in each verified snapshot, in the order they were taken. */
  history: z.array(z.object({ scenarioId: id, points: z.array(historyPointSchema) })),
  /** Serious incidents and the reports sent about them; absent from exports made before they were kept. */
  incidents: z.array(incidentSchema).default([]),
  incidentReports: z.array(incidentReportSchema).default([]),
  /**
   * The audit chain (shared/audit.ts), for facilitators' and observers' exports; re-verifiable
   * offline. An import ignores it: the new workshop starts its own chain.
   */
  audit: z.array(auditEntryViewSchema).optional(),
});
export type WorkshopExport = z.infer<typeof workshopExportSchema>;

/**
 * `POST /api/workshops/import`: the export under `export`, so options sit beside it rather than
 * inside a document that must stay byte-for-byte what was downloaded.
 */
export const importWorkshopBody = z.strictObject({
  export: workshopExportSchema,
  /** The importer's display name in the new workshop; "Facilitator" when omitted. */
  displayName: z.string().trim().min(1).max(MAX_NAME_LENGTH).optional(),
  /** A title for the new workshop; the exported one when omitted. */
  title: z.string().trim().min(1).max(200).optional(),
});
export type ImportWorkshopBody = z.infer<typeof importWorkshopBody>;

export const exportQuery = z.strictObject({
  format: z.enum(EXPORT_FORMATS).default("json"),
  snapshot: id.optional(),
});

/** What an import answers: the new workshop and the importer's facilitator session, as creating one does. */
export interface ImportWorkshopResponse extends CreateWorkshopResponse {
  imported: {
    from: { workshopId: string; exportedAt: string; source: "live" | "snapshot" };
    risks: number;
    actors: number;
    sources: number;
    safeguards: number;
    scenarios: number;
    mitigations: number;
    /** Always false: the new workshop's facilitator locks the criteria again. */
    frameworkLocked: false;
  };
}
