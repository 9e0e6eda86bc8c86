/**
 * The content document's data as plain JSON, validated with zod. Exports and imports use these
 * schemas; the Y accessors read through them so a stray or missing field never reaches a view.
 */
import { z } from "zod";

const text = (max: number) => z.string().max(max).default("");
const id = z.string().min(1).max(64);
const order = z.number().default(0);

export const SPECIFIED_RISK_IDS = [
  "cbrn",
  "loss-of-control",
  "cyber-offence",
  "harmful-manipulation",
] as const;

export const ACTOR_TYPES = [
  "state-programme",
  "organised-group",
  "individual",
  "insider",
  "model-itself",
  "other",
] as const;
export const CAPABILITY_LEVELS = ["low", "moderate", "high", "very-high"] as const;
export const SOURCE_KINDS = ["capability", "propensity", "affordance"] as const;
export const EVIDENCE_KINDS = [
  "benchmark",
  "red-team",
  "uplift-study",
  "incident",
  "literature",
  "expert-judgement",
  "other",
] as const;
export const SCENARIO_STATUSES = ["draft", "in-review", "agreed"] as const;
/** The nature of a systemic risk, after the Code of Practice's Appendix 1.2. */
export const NATURE_FLAGS = [
  "irreversible",
  "high-velocity",
  "cascading",
  "asymmetric",
  "reach-dependent",
  "capability-dependent",
] as const;

export const riskSchema = z.object({
  id,
  title: z.string().min(1).max(200),
  description: text(2000),
  /** One of the four systemic risks the Code always requires; these cannot be removed, only reworded. */
  specified: z.boolean().default(false),
  order,
  archived: z.boolean().default(false),
});
export type Risk = z.infer<typeof riskSchema>;

export const actorSchema = z.object({
  id,
  name: z.string().min(1).max(200),
  type: z.enum(ACTOR_TYPES).default("other"),
  capabilityLevel: z.enum(CAPABILITY_LEVELS).default("moderate"),
  resources: text(2000),
  intent: text(2000),
  order,
});
export type Actor = z.infer<typeof actorSchema>;

export const sourceSchema = z.object({
  id,
  name: z.string().min(1).max(200),
  kind: z.enum(SOURCE_KINDS).default("capability"),
  description: text(2000),
  order,
});
export type Source = z.infer<typeof sourceSchema>;

export const safeguardSchema = z.object({
  id,
  name: z.string().min(1).max(200),
  description: text(2000),
  order,
});
export type Safeguard = z.infer<typeof safeguardSchema>;

export const stepSchema = z.object({
  id,
  text: text(2000),
  actorId: id.nullable().default(null),
  sourceId: id.nullable().default(null),
  /** The model gives meaningful uplift at this step. */
  uplift: z.boolean().default(false),
  safeguardIds: z.array(id).default([]),
});
export type Step = z.infer<typeof stepSchema>;

export const evidenceSchema = z.object({
  id,
  kind: z.enum(EVIDENCE_KINDS).default("other"),
  title: z.string().min(1).max(300),
  link: z.union([z.url({ protocol: /^https?$/ }), z.literal("")]).default(""),
  result: text(2000),
  note: text(4000),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const dissentSchema = z.object({
  id,
  participantId: id,
  name: z.string().min(1).max(80),
  at: z.iso.datetime({ offset: true }),
  text: z.string().min(1).max(4000),
});
export type Dissent = z.infer<typeof dissentSchema>;

/** A ProseMirror node as JSON (the narrative's exchange format). */
export interface RichTextNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichTextNode[];
  text?: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
}
export const richTextSchema: z.ZodType<RichTextNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1).max(64),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(richTextSchema).optional(),
    text: z.string().optional(),
    marks: z
      .array(
        z.object({ type: z.string().min(1).max(64), attrs: z.record(z.string(), z.unknown()).optional() }),
      )
      .optional(),
  }),
);

export const scenarioSchema = z.object({
  id,
  riskId: id,
  title: z.string().min(1).max(300),
  status: z.enum(SCENARIO_STATUSES).default("draft"),
  nature: z.array(z.enum(NATURE_FLAGS)).default([]),
  actorIds: z.array(id).default([]),
  sourceIds: z.array(id).default([]),
  steps: z.array(stepSchema).default([]),
  evidence: z.array(evidenceSchema).default([]),
  dissent: z.array(dissentSchema).default([]),
  narrative: richTextSchema.default({ type: "doc", content: [] }),
  order,
});
export type Scenario = z.infer<typeof scenarioSchema>;

export const MITIGATION_KINDS = ["safety", "security"] as const;
export const MITIGATION_STATUSES = ["planned", "in-place", "verified"] as const;

/** A safety or security mitigation, linked to the scenarios whose residual risk it lowers. */
export const mitigationSchema = z.object({
  id,
  title: z.string().min(1).max(300),
  kind: z.enum(MITIGATION_KINDS).default("safety"),
  owner: text(200),
  status: z.enum(MITIGATION_STATUSES).default("planned"),
  description: text(4000),
  scenarioIds: z.array(id).default([]),
  order,
});
export type Mitigation = z.infer<typeof mitigationSchema>;

export const contentSchema = z.object({
  risks: z.array(riskSchema),
  actors: z.array(actorSchema),
  sources: z.array(sourceSchema),
  safeguards: z.array(safeguardSchema),
  scenarios: z.array(scenarioSchema),
  mitigations: z.array(mitigationSchema).default([]),
});
export type Content = z.infer<typeof contentSchema>;
