/**
 * A seeded workshop as data: people, content, and the estimation process in the order it happens.
 * A seed file (aurora.json) is checked by `seedFileSchema`: its content and framework by the export
 * schema (so they are what an export of the workshop would hold), the rest by the schemas of the
 * REST bodies the seeder sends, and the people and dissent notes by the few lines below.
 */
import { z } from "zod";
import type { Evidence, RichTextNode, Step } from "../../shared/content";
import { estimateSchema } from "../../shared/estimation/estimate";
import type { Framework } from "../../shared/estimation/framework";
import { determinationBody, openRoundBody, unlockBody, verdictBody } from "../../shared/estimationView";
import { MAX_NAME_LENGTH } from "../../shared/limits";
import { type ExportScenario, workshopExportSchema } from "../../shared/workshopExport";

const name = z.string().trim().min(1).max(MAX_NAME_LENGTH);
const id = z.string().min(1).max(64);
/** A note written by one of the experts (by index in `experts`), when the seeder runs. */
const byExpert = z.strictObject({ expert: z.int().min(0), text: z.string().min(1).max(4000) });

/** One expert's estimate: probability as [low, best, high], severity as a level id. */
const seedEstimateSchema = z.strictObject({
  p: z.tuple([z.number(), z.number(), z.number()]),
  level: id,
  confidence: estimateSchema.shape.confidence,
  rationale: estimateSchema.shape.rationale,
});

export const seedFileSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    subject: z.string().max(200),
    facilitator: name,
    experts: z.array(name).min(1),
    observers: z.array(name),
    /** Everything in it but the mitigations is written first; the mitigations before the residual round. */
    content: workshopExportSchema.shape.content,
    /** Scenario id → dissent notes on it. */
    scenarioDissent: z.record(id, z.array(byExpert)).default({}),
    /** The framework the estimates are made against, locked before the first round. */
    framework: workshopExportSchema.shape.framework,
    /** Lock the server's default framework, then unlock with this justification, put `framework` and lock again. */
    relock: unlockBody.optional(),
    rounds: z.array(
      openRoundBody.pick({ kind: true, anonymous: true }).extend({
        /** Scenario id → one estimate per expert, in the order of `experts`. */
        estimates: z.record(id, z.array(seedEstimateSchema)),
      }),
    ),
    determinations: z.array(determinationBody.extend({ riskId: id, dissent: byExpert.optional() })),
    verdict: verdictBody,
    finalSnapshot: name,
  })
  .superRefine((file, ctx) => {
    const experts = file.experts.length;
    const notes = [
      ...Object.values(file.scenarioDissent).flat(),
      ...file.determinations.flatMap((d) => (d.dissent ? [d.dissent] : [])),
    ];
    for (const [i, s] of file.content.scenarios.entries())
      if (s.dissent.length > 0)
        ctx.addIssue({
          code: "custom",
          path: ["content", "scenarios", i, "dissent"],
          message: "dissent is written by the experts when seeding: put it in scenarioDissent",
        });
    if (notes.some((n) => n.expert >= experts))
      ctx.addIssue({
        code: "custom",
        path: ["experts"],
        message: "a dissent note names an expert not listed",
      });
    for (const [i, round] of file.rounds.entries())
      for (const [scenarioId, list] of Object.entries(round.estimates))
        if (list.length > experts)
          ctx.addIssue({
            code: "custom",
            path: ["rounds", i, "estimates", scenarioId],
            message: "more estimates than experts",
          });
  });
export type SeedFile = z.infer<typeof seedFileSchema>;

export type SeedEstimate = z.infer<typeof seedEstimateSchema>;
export type SeedRound = SeedFile["rounds"][number];
export type SeedDetermination = z.input<typeof determinationBody> & {
  riskId: string;
  dissent?: { expert: number; text: string } | undefined;
};

/** A scenario as the seeder writes it: items may come without ids (fresh ones are made), dissent by expert. */
export interface SeedScenario extends Omit<Partial<ExportScenario>, "steps" | "evidence" | "dissent"> {
  id: string;
  riskId: string;
  title: string;
  steps: Array<Partial<Step>>;
  evidence: Array<Partial<Evidence> & { title: string }>;
  dissent: Array<{ expert: number; text: string }>;
}

type Content = SeedFile["content"];

/** What `seedWorkshop` takes: a seed file with its content laid out by kind, scenarios with their dissent. */
export interface SeedSpec
  extends Omit<SeedFile, "content" | "scenarioDissent" | "framework" | "determinations"> {
  risks: Content["risks"];
  actors: Content["actors"];
  sources: Content["sources"];
  safeguards: Content["safeguards"];
  scenarios: SeedScenario[];
  mitigations: Content["mitigations"];
  framework?: Framework;
  determinations: SeedDetermination[];
}

/** A seed file, checked, as the seeder's spec. */
export function seedSpec(json: unknown): SeedSpec {
  const { content, scenarioDissent, ...rest } = seedFileSchema.parse(json);
  return {
    ...rest,
    ...content,
    scenarios: content.scenarios.map((s) => ({ ...s, dissent: scenarioDissent[s.id] ?? [] })),
  };
}

/** A paragraph node from plain text and marked runs, for specs written in code (tests). */
export function para(
  ...runs: Array<string | { text: string; marks: string[]; href?: string }>
): RichTextNode {
  return {
    type: "paragraph",
    content: runs.map((run) =>
      typeof run === "string"
        ? { type: "text", text: run }
        : {
            type: "text",
            text: run.text,
            marks: run.marks.map((type) =>
              type === "link" ? { type, attrs: { href: run.href ?? "" } } : { type },
            ),
          },
    ),
  };
}

export const doc = (...content: RichTextNode[]): RichTextNode => ({ type: "doc", content });
