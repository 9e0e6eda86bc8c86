import { describe, expect, it } from "vitest";
import {
  aggregateEstimates,
  aggregateProbability,
  aggregateSeverity,
  bandFor,
  geometricMeanOfOdds,
  levelForValue,
  poolProbabilities,
  tierFor,
} from "../../shared/estimation/aggregate";
import { defaultFramework } from "../../shared/estimation/defaults";
import type { Estimate, Severity } from "../../shared/estimation/estimate";
import { AGGREGATION_METHODS } from "../../shared/estimation/framework";
import { logistic, logit, mean, median, quantile, spread } from "../../shared/estimation/stats";

const f = defaultFramework();
const level = (levelId: string): Severity => ({ levelId });

describe("quantiles (type 7, linear interpolation)", () => {
  it("interpolates between order statistics", () => {
    // [1,2,3,4]: q=0.25 → h = 3·0.25 = 0.75 → 1 + 0.75·(2−1) = 1.75; q=0.75 → h = 2.25 → 3 + 0.25·1 = 3.25
    expect(quantile([4, 1, 3, 2], 0.25)).toBeCloseTo(1.75, 12);
    expect(quantile([4, 1, 3, 2], 0.75)).toBeCloseTo(3.25, 12);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(spread([4, 1, 3, 2])).toEqual({ min: 1, max: 4, q1: 1.75, q3: 3.25, iqr: 1.5 });
    // [1,3,5,7,100]: h = 1 and 3 fall on order statistics → q1 = 3, q3 = 7, median = 5
    expect(spread([100, 1, 7, 3, 5])).toEqual({ min: 1, max: 100, q1: 3, q3: 7, iqr: 4 });
  });
  it("gives a single value and zero spread for one expert", () => {
    expect(spread([0.2])).toEqual({ min: 0.2, max: 0.2, q1: 0.2, q3: 0.2, iqr: 0 });
  });
  it("refuses an empty or non-finite sample", () => {
    expect(() => median([])).toThrow(RangeError);
    expect(() => mean([Number.NaN])).toThrow(RangeError);
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });
  it("logit and logistic are inverse, also far in the tails", () => {
    expect(logistic(logit(1e-6))).toBeCloseTo(1e-6, 18);
    expect(logistic(logit(0.999))).toBeCloseTo(0.999, 12);
    expect(logistic(-800)).toBe(0);
    expect(logistic(800)).toBe(1);
  });
});

describe("probability pools", () => {
  it("one expert: every method returns the expert's value", () => {
    for (const method of AGGREGATION_METHODS) expect(poolProbabilities([0.2], method)).toBeCloseTo(0.2, 14);
  });
  it("identical experts: every method returns the shared value", () => {
    for (const method of AGGREGATION_METHODS) {
      expect(poolProbabilities([0.05, 0.05, 0.05], method)).toBeCloseTo(0.05, 14);
      expect(poolProbabilities([1e-6, 1e-6, 1e-6], method)).toBeCloseTo(1e-6, 18);
      expect(poolProbabilities([0.999, 0.999, 0.999], method)).toBeCloseTo(0.999, 12);
    }
  });
  it("geometric mean of odds, two experts", () => {
    // 0.1 → odds 1/9; 0.5 → odds 1; √(1/9 · 1) = 1/3 → p = (1/3) / (1 + 1/3) = 0.25
    expect(geometricMeanOfOdds([0.1, 0.5])).toBeCloseTo(0.25, 14);
  });
  it("geometric mean of odds, three experts", () => {
    // 1/28 → odds 1/27; 1/4 → 1/3; 3/4 → 3; ∛(1/27 · 1/3 · 3) = ∛(1/27) = 1/3 → p = 1/4
    expect(geometricMeanOfOdds([1 / 28, 1 / 4, 3 / 4])).toBeCloseTo(0.25, 14);
    // median: the middle value 1/4; linear pool: (1/28 + 1/4 + 3/4) / 3 = (29/28) / 3 = 29/84
    expect(poolProbabilities([3 / 4, 1 / 28, 1 / 4], "median")).toBeCloseTo(0.25, 14);
    expect(poolProbabilities([1 / 28, 1 / 4, 3 / 4], "linear-pool")).toBeCloseTo(29 / 84, 14);
  });
  it("extreme probabilities: 1e-6 with 0.999", () => {
    // odds 1e-6/(1−1e-6) = 1/999999 and 0.999/0.001 = 999; √(999/999999) = √0.000999000999… = 0.0316069771
    // → p = 0.0316069771 / 1.0316069771 = 0.0306385840
    expect(geometricMeanOfOdds([1e-6, 0.999])).toBeCloseTo(0.030638584, 9);
    // median of two = mean = (0.000001 + 0.999) / 2 = 0.4995005
    expect(poolProbabilities([1e-6, 0.999], "median")).toBeCloseTo(0.4995005, 12);
    expect(poolProbabilities([1e-6, 0.999], "linear-pool")).toBeCloseTo(0.4995005, 12);
  });
  it("extreme probabilities: 1e-6 with 1e-2 pool near 1e-4 in odds, near 5e-3 linearly", () => {
    // odds 1/999999 and 1/99 → √(1/(99 · 999999)) = 1/√98999901 = 1/9949.8694 → p = 1/9950.8694 = 1.00494e-4
    expect(geometricMeanOfOdds([1e-6, 1e-2])).toBeCloseTo(1.0049373e-4, 10);
    // (0.000001 + 0.01) / 2 = 0.0050005
    expect(poolProbabilities([1e-6, 1e-2], "linear-pool")).toBeCloseTo(0.0050005, 14);
  });
  it("aggregates low, best and high separately, with the spread of the bests", () => {
    const ranges = [
      { low: 1 / 28, best: 0.1, high: 0.5 },
      { low: 0.25, best: 0.5, high: 0.9 },
    ];
    // lows: odds 1/27, 1/3 → √(1/81) = 1/9 → 0.1; bests → 0.25 (above); highs: odds 1, 9 → 3 → 0.75
    const g = aggregateProbability(ranges);
    expect(g.method).toBe("geometric-mean-odds");
    expect(g.n).toBe(2);
    expect(g.low).toBeCloseTo(0.1, 14);
    expect(g.best).toBeCloseTo(0.25, 14);
    expect(g.high).toBeCloseTo(0.75, 14);
    // bests [0.1, 0.5]: q1 = 0.1 + 0.25·0.4 = 0.2, q3 = 0.1 + 0.75·0.4 = 0.4, IQR 0.2
    expect(g.spread.min).toBe(0.1);
    expect(g.spread.max).toBe(0.5);
    expect(g.spread.q1).toBeCloseTo(0.2, 14);
    expect(g.spread.q3).toBeCloseTo(0.4, 14);
    expect(g.spread.iqr).toBeCloseTo(0.2, 14);
    // linear pool: lows (1/28 + 7/28) / 2 = 1/7; bests 0.3; highs 0.7. The median of two is the same.
    for (const method of ["linear-pool", "median"] as const) {
      const l = aggregateProbability(ranges, method);
      expect(l.low).toBeCloseTo(1 / 7, 14);
      expect(l.best).toBeCloseTo(0.3, 14);
      expect(l.high).toBeCloseTo(0.7, 14);
    }
  });
});

describe("severity", () => {
  it("median level is the upper median of ranks, with the spread of ranks", () => {
    // serious, severe, catastrophic → ranks 1, 2, 4 → middle 2 = severe
    const s = aggregateSeverity([level("catastrophic"), level("serious"), level("severe")], f);
    expect(s.levelId).toBe("severe");
    expect(s.levelIndex).toBe(2);
    // ranks [1,2,4]: q1 h = 0.5 → 1.5; q3 h = 1.5 → 2 + 0.5·2 = 3
    expect(s.levelSpread).toEqual({ min: 1, max: 4, q1: 1.5, q3: 3, iqr: 1.5 });
    expect(s.value).toBeNull();
    // two experts, serious (1) and critical (3): the more severe middle → critical
    expect(aggregateSeverity([level("serious"), level("critical")], f).levelId).toBe("critical");
    // one expert
    const one = aggregateSeverity([level("limited")], f);
    expect(one.levelId).toBe("limited");
    expect(one.levelSpread).toEqual({ min: 0, max: 0, q1: 0, q3: 0, iqr: 0 });
  });
  it("numeric severities: medians of low, best, high; level of the median best", () => {
    const s = aggregateSeverity(
      [
        { low: 0, best: 5, high: 20 },
        { low: 2, best: 50, high: 500 },
        { low: 1, best: 8, high: 30 },
      ],
      f,
    );
    // lows [0,1,2] → 1; bests [5,8,50] → 8; highs [20,30,500] → 30; 8 fatalities ≥ anchor 1, < 10 → serious
    expect(s.value).toEqual({ low: 1, best: 8, high: 30 });
    expect(s.levelId).toBe("serious");
    // bests [5,8,50]: q1 h = 0.5 → 6.5; q3 h = 1.5 → 8 + 0.5·42 = 29
    expect(s.valueSpread).toEqual({ min: 5, max: 50, q1: 6.5, q3: 29, iqr: 22.5 });
    // per-expert levels: 5 → serious (1), 50 → severe (2), 8 → serious (1) → [1,1,2]: q1 1, q3 1.5
    expect(s.levelSpread).toEqual({ min: 1, max: 2, q1: 1, q3: 1.5, iqr: 0.5 });
  });
  it("places values by anchors: the most severe level whose anchor is ≤ the value", () => {
    expect(levelForValue(f, 0)?.id).toBe("limited");
    expect(levelForValue(f, 0.5)?.id).toBe("limited");
    expect(levelForValue(f, 1)?.id).toBe("serious");
    expect(levelForValue(f, 9.99)?.id).toBe("serious");
    expect(levelForValue(f, 10)?.id).toBe("severe");
    expect(levelForValue(f, 99_999)?.id).toBe("critical");
    expect(levelForValue(f, 100_000)?.id).toBe("catastrophic");
    expect(levelForValue(f, 1e12)?.id).toBe("catastrophic");
  });
  it("mixes levels and values by rank; without anchors a value cannot be placed", () => {
    // critical (3) and 10 fatalities → severe (2): upper median of [2,3] → critical
    const mixed = aggregateSeverity([level("critical"), { low: 0, best: 10, high: 100 }], f);
    expect(mixed.levelId).toBe("critical");
    expect(mixed.value).toBeNull();
    const bare = defaultFramework();
    for (const l of bare.severityLevels) delete l.anchorValue;
    expect(levelForValue(bare, 5)).toBeUndefined();
    const s = aggregateSeverity([{ low: 0, best: 5, high: 9 }], bare);
    expect(s.levelId).toBeNull();
    expect(s.value).toEqual({ low: 0, best: 5, high: 9 });
  });
});

describe("band and tier lookup (lower ≤ p < upper; the last band also holds 1)", () => {
  it("puts boundary values in the more likely band", () => {
    expect(bandFor(f, 0)?.id).toBe("remote");
    expect(bandFor(f, 1e-6)?.id).toBe("remote");
    expect(bandFor(f, 0.99e-4)?.id).toBe("remote");
    expect(bandFor(f, 1e-4)?.id).toBe("very-unlikely");
    expect(bandFor(f, 0.999e-3)?.id).toBe("very-unlikely");
    expect(bandFor(f, 1e-3)?.id).toBe("unlikely");
    expect(bandFor(f, 1e-2)?.id).toBe("possible");
    expect(bandFor(f, 0.0999)?.id).toBe("possible");
    expect(bandFor(f, 0.1)?.id).toBe("likely");
    expect(bandFor(f, 0.999)?.id).toBe("likely");
    expect(bandFor(f, 1)?.id).toBe("likely");
  });
  it("finds no band outside [0, 1]", () => {
    expect(bandFor(f, -0.1)).toBeUndefined();
    expect(bandFor(f, 1.1)).toBeUndefined();
    expect(bandFor(f, Number.NaN)).toBeUndefined();
  });
  it("reads the tier from the matrix", () => {
    // default matrix column "severe": remote A, very-unlikely M, unlikely M, possible U, likely U
    expect(tierFor(f, 0.9999e-4, "severe")?.id).toBe("acceptable");
    expect(tierFor(f, 1e-4, "severe")?.id).toBe("acceptable-with-mitigations");
    expect(tierFor(f, 0.00999, "severe")?.id).toBe("acceptable-with-mitigations");
    expect(tierFor(f, 1e-2, "severe")?.id).toBe("unacceptable");
    expect(tierFor(f, 1e-6, "catastrophic")?.id).toBe("acceptable-with-mitigations");
    expect(tierFor(f, 0.999, "limited")?.id).toBe("acceptable-with-mitigations");
    expect(tierFor(f, 5e-4, "serious")?.id).toBe("acceptable");
    expect(tierFor(f, 0.5, "nonsense")).toBeUndefined();
    expect(tierFor(f, 2, "limited")).toBeUndefined();
  });
});

describe("scenario aggregate", () => {
  const estimate = (low: number, best: number, high: number, levelId: string): Estimate => ({
    probability: { low, best, high },
    severity: { levelId },
    confidence: "medium",
    rationale: "",
  });
  const estimates = [estimate(1e-7, 1e-6, 1e-5, "critical"), estimate(1e-3, 1e-2, 5e-2, "critical")];

  it("uses the framework's method: the pool can change the tier", () => {
    // geometric mean of odds of 1e-6 and 1e-2 = 1.00494e-4 → very-unlikely × critical → mitigations
    const g = aggregateEstimates(estimates, f);
    expect(g?.probability.best).toBeCloseTo(1.0049373e-4, 10);
    expect(g?.bandId).toBe("very-unlikely");
    expect(g?.severity.levelId).toBe("critical");
    expect(g?.tier?.id).toBe("acceptable-with-mitigations");
    // linear pool 0.0050005 → unlikely × critical → unacceptable
    const l = aggregateEstimates(estimates, f, "linear-pool");
    expect(l?.bandId).toBe("unlikely");
    expect(l?.tier?.id).toBe("unacceptable");
  });
  it("is null for no estimates", () => {
    expect(aggregateEstimates([], f)).toBeNull();
  });
});
