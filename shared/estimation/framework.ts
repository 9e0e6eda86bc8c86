/**
 * The acceptance framework (Code of Practice Measures 3.4 and 4.1): the risk matrix's scales and
 * the per-risk tier ladders. Locked before any estimate is seen, so its validation is strict and
 * every problem carries the field path the room's editor highlights.
 */
import { z } from "zod";

export { canonicalJson } from "./canonicalJson";
export { DEFAULT_FRAMEWORK, defaultFramework } from "./defaults";

const id = z.string().min(1, "must not be empty").max(64);
const label = z.string().trim().min(1, "must not be empty").max(200);
const probabilityBound = z
  .number({ error: "must be a finite number" })
  .min(0, "must be ≥ 0")
  .max(1, "must be ≤ 1");

export const AGGREGATION_METHODS = ["geometric-mean-odds", "median", "linear-pool"] as const;
export type AggregationMethod = (typeof AGGREGATION_METHODS)[number];
export const ACCEPTABILITY = ["acceptable", "acceptable-with-mitigations", "unacceptable"] as const;
export type Acceptability = (typeof ACCEPTABILITY)[number];

/** A probability range over a stated period. Bands are listed from least to most likely. */
export const likelihoodBandSchema = z.strictObject({
  id,
  label,
  /** e.g. "per year of deployment"; every band of a framework states the same period. */
  period: label,
  lower: probabilityBound,
  upper: probabilityBound,
});
export type LikelihoodBand = z.infer<typeof likelihoodBandSchema>;

/** Listed from least to most severe; a level's position is its rank in the median. */
export const severityLevelSchema = z.strictObject({
  id,
  name: label,
  description: z.string().max(2000).default(""),
  /** The quantitative anchor in words, e.g. "1–9 deaths or €10 M–€1 B damage". */
  anchor: z.string().max(500).default(""),
  /** Where this level starts on the numeric scale, e.g. 10 (fatalities); numeric estimates map through it. */
  anchorValue: z.number({ error: "must be a finite number" }).min(0, "must be ≥ 0").optional(),
  anchorUnit: z.string().trim().min(1, "must not be empty").max(64).optional(),
});
export type SeverityLevel = z.infer<typeof severityLevelSchema>;

export const matrixTierSchema = z.strictObject({
  id,
  name: label,
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #1a9850"),
  acceptable: z.enum(ACCEPTABILITY),
});
export type MatrixTier = z.infer<typeof matrixTierSchema>;

/** One rung of a risk's ladder (Measure 4.1), defined by measurable capability indicators. */
export const ladderTierSchema = z.strictObject({
  id,
  name: label,
  indicators: z.array(z.string().trim().min(1, "must not be empty").max(1000)).max(20),
  mitigations: z.array(z.string().trim().min(1, "must not be empty").max(1000)).max(30),
  /** Whether the risk is acceptable once this tier is reached and `mitigations` are in place. */
  acceptableWithMitigations: z.boolean(),
});
export type LadderTier = z.infer<typeof ladderTierSchema>;

/** The shape alone; `frameworkSchema` adds the cross-field rules. */
export const frameworkShapeSchema = z.strictObject({
  likelihoodBands: z.array(likelihoodBandSchema).min(1, "needs at least one band").max(20),
  severityLevels: z.array(severityLevelSchema).min(1, "needs at least one level").max(20),
  tiers: z.array(matrixTierSchema).min(1, "needs at least one tier").max(20),
  /** band id → severity level id → tier id. */
  matrix: z.record(id, z.record(id, id)),
  aggregation: z.enum(AGGREGATION_METHODS).default("geometric-mean-odds"),
  /** risk id → tiers ordered from lowest to highest capability. */
  ladders: z.record(id, z.array(ladderTierSchema).max(20)).default({}),
});
export type Framework = z.infer<typeof frameworkShapeSchema>;

export interface Problem {
  path: Array<string | number>;
  message: string;
}

function duplicateIds(items: ReadonlyArray<{ id: string }>, at: Array<string | number>): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  items.forEach((item, i) => {
    if (seen.has(item.id)) problems.push({ path: [...at, i, "id"], message: `duplicate id "${item.id}"` });
    seen.add(item.id);
  });
  return problems;
}

function bandProblems(bands: readonly LikelihoodBand[]): Problem[] {
  const problems: Problem[] = duplicateIds(bands, ["likelihoodBands"]);
  const at = (i: number, field: string) => ["likelihoodBands", i, field];
  bands.forEach((band, i) => {
    if (band.lower >= band.upper) problems.push({ path: at(i, "upper"), message: "upper must be > lower" });
    if (band.period !== bands[0]!.period)
      problems.push({ path: at(i, "period"), message: `every band must state the same period as the first` });
    const prev = bands[i - 1];
    if (prev === undefined) {
      if (band.lower !== 0)
        problems.push({ path: at(i, "lower"), message: "the first band must start at 0" });
    } else if (band.lower > prev.upper) {
      problems.push({ path: at(i, "lower"), message: `gap: the previous band ends at ${prev.upper}` });
    } else if (band.lower < prev.upper) {
      problems.push({ path: at(i, "lower"), message: `overlap: the previous band ends at ${prev.upper}` });
    }
  });
  const last = bands.length - 1;
  if (last >= 0 && bands[last]!.upper !== 1)
    problems.push({ path: at(last, "upper"), message: "the last band must end at 1" });
  return problems;
}

function levelProblems(levels: readonly SeverityLevel[]): Problem[] {
  const problems: Problem[] = duplicateIds(levels, ["severityLevels"]);
  const anchored = levels.filter((l) => l.anchorValue !== undefined).length;
  if (anchored > 0 && anchored < levels.length) {
    levels.forEach((l, i) => {
      if (l.anchorValue === undefined)
        problems.push({
          path: ["severityLevels", i, "anchorValue"],
          message: "give every level a numeric anchor, or none",
        });
    });
  }
  levels.forEach((l, i) => {
    const at = (field: string) => ["severityLevels", i, field];
    if (l.anchorValue === undefined) return;
    if (l.anchorUnit === undefined)
      problems.push({ path: at("anchorUnit"), message: "a numeric anchor needs a unit" });
    else if (l.anchorUnit !== levels[0]!.anchorUnit)
      problems.push({ path: at("anchorUnit"), message: "every level's anchor must use the same unit" });
    const prev = levels[i - 1]?.anchorValue;
    if (prev !== undefined && l.anchorValue <= prev)
      problems.push({ path: at("anchorValue"), message: `must be > the previous level's anchor (${prev})` });
  });
  return problems;
}

function matrixProblems(f: Framework): Problem[] {
  const problems: Problem[] = [];
  const bandIds = new Set(f.likelihoodBands.map((b) => b.id));
  const levelIds = new Set(f.severityLevels.map((l) => l.id));
  const tierIds = new Set(f.tiers.map((t) => t.id));
  for (const band of f.likelihoodBands) {
    const row = f.matrix[band.id];
    for (const level of f.severityLevels) {
      const tier = row?.[level.id];
      const path = ["matrix", band.id, level.id];
      if (tier === undefined)
        problems.push({ path, message: `missing: the tier of "${band.label}" × "${level.name}"` });
      else if (!tierIds.has(tier)) problems.push({ path, message: `unknown tier "${tier}"` });
    }
  }
  for (const [bandId, row] of Object.entries(f.matrix)) {
    if (!bandIds.has(bandId)) {
      problems.push({ path: ["matrix", bandId], message: `no likelihood band "${bandId}"` });
      continue;
    }
    for (const levelId of Object.keys(row))
      if (!levelIds.has(levelId))
        problems.push({ path: ["matrix", bandId, levelId], message: `no severity level "${levelId}"` });
  }
  return problems;
}

/** The cross-field rules: contiguous ordered bands covering [0, 1], a complete matrix, unique ids. */
export function frameworkProblems(f: Framework): Problem[] {
  return [
    ...bandProblems(f.likelihoodBands),
    ...levelProblems(f.severityLevels),
    ...duplicateIds(f.tiers, ["tiers"]),
    ...matrixProblems(f),
    ...Object.entries(f.ladders).flatMap(([riskId, ladder]) => duplicateIds(ladder, ["ladders", riskId])),
  ];
}

/** Shape and cross-field rules in one schema, so a REST body check reports both as field errors. */
export const frameworkSchema = frameworkShapeSchema.superRefine((f, ctx) => {
  for (const p of frameworkProblems(f)) ctx.addIssue({ code: "custom", path: p.path, message: p.message });
});

export type FrameworkValidation = { ok: true; framework: Framework } | { ok: false; problems: Problem[] };

/** Parses and checks an edited framework; problems carry field paths. */
export function validateFramework(input: unknown): FrameworkValidation {
  const parsed = frameworkSchema.safeParse(input);
  if (parsed.success) return { ok: true, framework: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      path: issue.path.map((k) => (typeof k === "symbol" ? String(k) : k)),
      message: issue.message,
    })),
  };
}

/**
 * The lock-time rule of Measure 4.1: every specified risk needs a ladder of at least two tiers, so
 * that at least one tier is defined above the one reached.
 */
export function ladderProblems(f: Framework, specifiedRiskIds: readonly string[]): Problem[] {
  return specifiedRiskIds.flatMap((riskId) => {
    const n = f.ladders[riskId]?.length ?? 0;
    if (n >= 2) return [];
    return [
      {
        path: ["ladders", riskId],
        message: `a specified risk needs a ladder of at least two tiers (has ${n})`,
      },
    ];
  });
}

/** True when `tierId` is the highest rung of the risk's ladder: the determination then needs a higher tier defined. */
export function isTopLadderTier(f: Framework, riskId: string, tierId: string): boolean {
  const ladder = f.ladders[riskId];
  return ladder !== undefined && ladder.length > 0 && ladder[ladder.length - 1]!.id === tierId;
}

/** A severity level's rank (0 = least severe), or -1 when unknown. */
export function levelIndex(f: Framework, levelId: string): number {
  return f.severityLevels.findIndex((l) => l.id === levelId);
}
