/**
 * The chance that the true risk falls in each tier of the matrix, from the experts' ranges read as
 * distributions rather than points.
 *
 * Model: each expert's probability is a split normal on log-odds x = logit(p) with its median at
 * logit(best), its 5th percentile at logit(low) and its 95th at logit(high); each side has its own
 * σ = (distance to best) / 1.6449, so an asymmetric range keeps both quantiles exactly. (This is a
 * log-normal on the odds, two-piece when the range is asymmetric; low = best gives no spread below.)
 * Severity is the expert's level (a numeric severity is placed by its best value). The experts are
 * pooled as an equal-weight mixture: each contributes ⌈samples / n⌉ draws, weighted 1/n.
 */
import { severityRank, tierFor } from "./aggregate";
import type { Estimate } from "./estimate";
import type { Framework } from "./framework";
import { mulberry32, normalSampler } from "./random";
import { logistic, logit } from "./stats";

/** The standard normal's 95th percentile: a 90% interval spans ±Z90 standard deviations. */
export const Z90 = 1.6448536269514722;

export interface TierSamplingOptions {
  /** Total draws across experts (default 10,000). */
  samples?: number;
  /** 32-bit seed of the generator (default 1). */
  seed?: number;
}

/** tier id → probability, over every tier of the framework, summing to 1; null when no estimate can be placed. */
export function tierProbabilities(
  estimates: ReadonlyArray<Pick<Estimate, "probability" | "severity">>,
  f: Framework,
  { samples = 10_000, seed = 1 }: TierSamplingOptions = {},
): Record<string, number> | null {
  const placed = estimates.flatMap((e) => {
    const rank = severityRank(f, e.severity);
    return rank < 0 ? [] : [{ probability: e.probability, levelId: f.severityLevels[rank]!.id }];
  });
  if (placed.length === 0) return null;
  const result: Record<string, number> = Object.fromEntries(f.tiers.map((t) => [t.id, 0]));
  const normal = normalSampler(mulberry32(seed));
  const draws = Math.max(1, Math.ceil(samples / placed.length));
  const weight = 1 / (draws * placed.length);
  for (const { probability, levelId } of placed) {
    const centre = logit(probability.best);
    const below = (centre - logit(probability.low)) / Z90;
    const above = (logit(probability.high) - centre) / Z90;
    for (let i = 0; i < draws; i++) {
      const z = normal();
      const tier = tierFor(f, logistic(centre + z * (z < 0 ? below : above)), levelId);
      if (tier !== undefined) result[tier.id] = (result[tier.id] ?? 0) + weight;
    }
  }
  return result;
}
