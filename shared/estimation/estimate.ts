/**
 * One expert's estimate of one scenario in one round. Validation is field by field so the form
 * can point at the exact input (e.g. ["probability", "low"]: "low must be ≤ best").
 */
import { z } from "zod";
import type { Framework, Problem } from "./framework";

const finite = z.number({
  error: (issue) => (issue.input === undefined ? "required" : "must be a finite number"),
});
const probability = finite.gt(0, "must be > 0").lt(1, "must be < 1");
const magnitude = finite.min(0, "must be ≥ 0");

interface Range {
  low: number;
  best: number;
  high: number;
}

function ordered(range: Range, ctx: z.core.$RefinementCtx<Range>): void {
  if (range.low > range.best) ctx.addIssue({ code: "custom", path: ["low"], message: "low must be ≤ best" });
  if (range.high < range.best)
    ctx.addIssue({ code: "custom", path: ["high"], message: "high must be ≥ best" });
}

/** 0 < low ≤ best ≤ high < 1, over the framework's likelihood period. */
export const probabilityRangeSchema = z
  .strictObject({ low: probability, best: probability, high: probability })
  .superRefine(ordered);
export type ProbabilityRange = z.infer<typeof probabilityRangeSchema>;

export const levelSeveritySchema = z.strictObject({
  levelId: z.string().min(1, "must not be empty").max(64),
});
export type LevelSeverity = z.infer<typeof levelSeveritySchema>;

/** 0 ≤ low ≤ best ≤ high, in the unit of the framework's severity anchors. */
export const valueSeveritySchema = z
  .strictObject({ low: magnitude, best: magnitude, high: magnitude })
  .superRefine(ordered);
export type ValueSeverity = z.infer<typeof valueSeveritySchema>;

export type Severity = LevelSeverity | ValueSeverity;

/**
 * A level or a range, chosen by the presence of `levelId`. Not a z.union: a union reports only
 * "Invalid input" when both branches fail on type (e.g. a NaN), where this names the field.
 */
export const severitySchema = z.unknown().transform((input, ctx): Severity => {
  const byLevel = typeof input === "object" && input !== null && "levelId" in input;
  const parsed = (byLevel ? levelSeveritySchema : valueSeveritySchema).safeParse(input);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ ...issue });
  return z.NEVER;
});

export const CONFIDENCE_LEVELS = ["low", "medium", "high"] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

export const estimateSchema = z.strictObject({
  probability: probabilityRangeSchema,
  severity: severitySchema,
  confidence: z.enum(CONFIDENCE_LEVELS),
  rationale: z.string().max(4000, "must be at most 4000 characters").default(""),
});
export type Estimate = z.infer<typeof estimateSchema>;

export function isLevelSeverity(s: Severity): s is LevelSeverity {
  return "levelId" in s;
}

/** Checks an estimate against the locked framework: a known level, or numeric anchors to map a value. */
export function estimateFrameworkProblems(estimate: Estimate, framework: Framework): Problem[] {
  const s = estimate.severity;
  if (isLevelSeverity(s)) {
    if (framework.severityLevels.some((l) => l.id === s.levelId)) return [];
    return [{ path: ["severity", "levelId"], message: `no severity level "${s.levelId}" in the framework` }];
  }
  if (framework.severityLevels.every((l) => l.anchorValue !== undefined)) return [];
  return [
    {
      path: ["severity"],
      message: "the framework's severity levels have no numeric anchors: choose a level",
    },
  ];
}
