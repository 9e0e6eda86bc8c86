/**
 * Combining a round's estimates of one scenario into the workshop's aggregate, and placing it in
 * the locked framework's matrix. Pure; hand-checked in test/unit/estimation-aggregate.test.ts.
 *
 * Conventions:
 * - quantiles (IQR, medians of numbers) are type 7, linear interpolation (see `quantile`);
 * - a likelihood band holds lower ≤ p < upper (a boundary value goes to the more likely band),
 *   except the last band, which also holds p = upper = 1;
 * - the median severity level is the upper median (the more severe of the two middle levels).
 */

import {
  type Estimate,
  isLevelSeverity,
  type ProbabilityRange,
  type Severity,
  type ValueSeverity,
} from "./estimate";
import type { AggregationMethod, Framework, LikelihoodBand, MatrixTier, SeverityLevel } from "./framework";
import { logistic, logit, mean, median, type Spread, spread } from "./stats";

/** The default pool: mean of log-odds, back to a probability; pools 1e-6 and 1e-2 near 1e-4, where a mean of probabilities gives 5e-3. */
export function geometricMeanOfOdds(ps: readonly number[]): number {
  return logistic(mean(ps.map(logit)));
}

/** Pools one number per expert (all their lows, or all bests, or all highs) by `method`. */
export function poolProbabilities(ps: readonly number[], method: AggregationMethod): number {
  switch (method) {
    case "geometric-mean-odds":
      return geometricMeanOfOdds(ps);
    case "median":
      return median(ps);
    case "linear-pool":
      return mean(ps);
  }
}

export interface ProbabilityAggregate {
  method: AggregationMethod;
  n: number;
  /** The pooled lows, bests and highs; each pool is monotone, so low ≤ best ≤ high holds. */
  low: number;
  best: number;
  high: number;
  /** The disagreement between the experts' best estimates. */
  spread: Spread;
}

export function aggregateProbability(
  ranges: readonly ProbabilityRange[],
  method: AggregationMethod = "geometric-mean-odds",
): ProbabilityAggregate {
  const bests = ranges.map((r) => r.best);
  return {
    method,
    n: ranges.length,
    low: poolProbabilities(
      ranges.map((r) => r.low),
      method,
    ),
    best: poolProbabilities(bests, method),
    high: poolProbabilities(
      ranges.map((r) => r.high),
      method,
    ),
    spread: spread(bests),
  };
}

/** The level a numeric severity falls in: the most severe level whose anchor value is ≤ value (the first level below all anchors). */
export function levelForValue(f: Framework, value: number): SeverityLevel | undefined {
  if (!f.severityLevels.every((l) => l.anchorValue !== undefined)) return undefined;
  let found = f.severityLevels[0];
  for (const level of f.severityLevels) if (level.anchorValue! <= value) found = level;
  return found;
}

/** An expert's severity as a level rank (0 = least severe), numeric values through their best; -1 when it cannot be placed. */
export function severityRank(f: Framework, s: Severity): number {
  const id = isLevelSeverity(s) ? s.levelId : levelForValue(f, s.best)?.id;
  return id === undefined ? -1 : f.severityLevels.findIndex((l) => l.id === id);
}

export interface SeverityAggregate {
  n: number;
  /** The median level: of the median value when every expert gave a number, else the upper median of ranks. */
  levelId: string | null;
  levelIndex: number | null;
  /** The disagreement in level ranks (0 = least severe). */
  levelSpread: Spread | null;
  /** Medians of the lows, bests and highs, when every expert gave a number in the anchors' unit. */
  value: { low: number; best: number; high: number } | null;
  /** The disagreement between the experts' best values, when every expert gave a number. */
  valueSpread: Spread | null;
}

export function aggregateSeverity(severities: readonly Severity[], f: Framework): SeverityAggregate {
  const ranks = severities.map((s) => severityRank(f, s)).filter((r) => r >= 0);
  const values = severities.filter((s): s is ValueSeverity => !isLevelSeverity(s));
  const allNumeric = severities.length > 0 && values.length === severities.length;
  const value = allNumeric
    ? {
        low: median(values.map((v) => v.low)),
        best: median(values.map((v) => v.best)),
        high: median(values.map((v) => v.high)),
      }
    : null;
  let levelIndex: number | null = null;
  if (value !== null) {
    const level = levelForValue(f, value.best);
    levelIndex = level === undefined ? null : f.severityLevels.indexOf(level);
  } else if (ranks.length > 0) {
    levelIndex = [...ranks].sort((a, b) => a - b)[Math.floor(ranks.length / 2)]!;
  }
  return {
    n: severities.length,
    levelId: levelIndex === null ? null : f.severityLevels[levelIndex]!.id,
    levelIndex,
    levelSpread: ranks.length > 0 ? spread(ranks) : null,
    value,
    valueSpread: allNumeric ? spread(values.map((v) => v.best)) : null,
  };
}

/** The band holding p: lower ≤ p < upper; the last band also holds its upper bound. */
export function bandFor(f: Framework, p: number): LikelihoodBand | undefined {
  const bands = f.likelihoodBands;
  return bands.find((b, i) => b.lower <= p && (p < b.upper || (i === bands.length - 1 && p <= b.upper)));
}

/** The matrix tier of (probability, severity level), or undefined outside the framework. */
export function tierFor(f: Framework, p: number, levelId: string): MatrixTier | undefined {
  const band = bandFor(f, p);
  const tierId = band === undefined ? undefined : f.matrix[band.id]?.[levelId];
  return tierId === undefined ? undefined : f.tiers.find((t) => t.id === tierId);
}

export interface ScenarioAggregate {
  probability: ProbabilityAggregate;
  severity: SeverityAggregate;
  /** The band and tier of the pooled best probability with the median severity level. */
  bandId: string | null;
  tier: MatrixTier | null;
}

/** A scenario's aggregate over one round; null when nobody estimated it. */
export function aggregateEstimates(
  estimates: ReadonlyArray<Pick<Estimate, "probability" | "severity">>,
  f: Framework,
  method: AggregationMethod = f.aggregation,
): ScenarioAggregate | null {
  if (estimates.length === 0) return null;
  const probability = aggregateProbability(
    estimates.map((e) => e.probability),
    method,
  );
  const severity = aggregateSeverity(
    estimates.map((e) => e.severity),
    f,
  );
  const band = bandFor(f, probability.best);
  const tier = severity.levelId === null ? undefined : tierFor(f, probability.best, severity.levelId);
  return { probability, severity, bandId: band?.id ?? null, tier: tier ?? null };
}
