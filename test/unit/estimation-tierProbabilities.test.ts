import { describe, expect, it } from "vitest";
import { defaultFramework } from "../../shared/estimation/defaults";
import type { Estimate } from "../../shared/estimation/estimate";
import { type Framework, validateFramework } from "../../shared/estimation/framework";
import { mulberry32, normalSampler } from "../../shared/estimation/random";
import { mean } from "../../shared/estimation/stats";
import { tierProbabilities } from "../../shared/estimation/tierProbabilities";

const f = defaultFramework();
const estimate = (low: number, best: number, high: number, levelId: string): Estimate => ({
  probability: { low, best, high },
  severity: { levelId },
  confidence: "medium",
  rationale: "",
});
const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

/** Three bands cut exactly at an expert's low (0.01) and high (0.5), one tier each, one severity level. */
function cutAt(low: number, high: number): Framework {
  const band = (id: string, lower: number, upper: number) => ({
    id,
    label: id,
    period: "per year",
    lower,
    upper,
  });
  const tier = (id: string) => ({ id, name: id, colour: "#000000", acceptable: "acceptable" as const });
  const result = validateFramework({
    likelihoodBands: [band("below", 0, low), band("inside", low, high), band("above", high, 1)],
    severityLevels: [{ id: "any", name: "Any" }],
    tiers: [tier("t-below"), tier("t-inside"), tier("t-above")],
    matrix: { below: { any: "t-below" }, inside: { any: "t-inside" }, above: { any: "t-above" } },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.framework;
}

describe("seeded generator", () => {
  it("is deterministic, uniform in [0, 1), and seeds differ", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(Array.from({ length: 10_000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mean(xs)).toBeCloseTo(0.5, 1.5);
    expect(mulberry32(43)()).not.toBe(mulberry32(42)());
  });
  it("Box–Muller gives standard normals: mean 0, sd 1, 90% within ±1.645", () => {
    const normal = normalSampler(mulberry32(7));
    const zs = Array.from({ length: 40_000 }, () => normal());
    const m = mean(zs);
    const sd = Math.sqrt(mean(zs.map((z) => (z - m) ** 2)));
    expect(Math.abs(m)).toBeLessThan(0.02);
    expect(Math.abs(sd - 1)).toBeLessThan(0.02);
    expect(zs.filter((z) => Math.abs(z) < 1.6448536).length / zs.length).toBeCloseTo(0.9, 2);
  });
});

describe("tierProbabilities", () => {
  const wide = [
    estimate(1e-4, 1e-2, 0.3, "severe"),
    estimate(1e-3, 0.05, 0.5, "critical"),
    estimate(1e-6, 1e-4, 1e-2, "severe"),
  ];

  it("covers every tier, sums to 1, and is deterministic for a seed", () => {
    const r = tierProbabilities(wide, f, { samples: 6000, seed: 12345 })!;
    expect(Object.keys(r).sort()).toEqual(f.tiers.map((t) => t.id).sort());
    expect(sum(r)).toBeCloseTo(1, 12);
    expect(tierProbabilities(wide, f, { samples: 6000, seed: 12345 })).toEqual(r);
    expect(tierProbabilities(wide, f, { samples: 6000, seed: 999 })).not.toEqual(r);
    for (const p of Object.values(r)) expect(p).toBeGreaterThan(0);
  });
  it("puts all the mass of three identical tight estimates in their tier", () => {
    // 0.05 is in "possible"; possible × severe is unacceptable. ±0.001 is about 0.02 in log-odds,
    // σ ≈ 0.013, while the band edges are ≥ 0.7 away in log-odds: > 50σ.
    const tight = Array.from({ length: 3 }, () => estimate(0.049, 0.05, 0.051, "severe"));
    const r = tierProbabilities(tight, f, { samples: 3000, seed: 1 })!;
    expect(r.unacceptable).toBeCloseTo(1, 12);
    expect(r.acceptable).toBe(0);
    expect(r["acceptable-with-mitigations"]).toBe(0);
  });
  it("a point estimate (low = best = high) is all in its tier", () => {
    const r = tierProbabilities([estimate(5e-4, 5e-4, 5e-4, "serious")], f, { samples: 100, seed: 3 })!;
    expect(r.acceptable).toBeCloseTo(1, 12);
  });
  it("fits low and high as the 5th and 95th percentiles, also for an asymmetric range", () => {
    // logit(0.01) = −4.595, logit(0.02) = −3.892, logit(0.5) = 0, so σ below = 0.703/1.645 = 0.427 and
    // σ above = 3.892/1.645 = 2.366: P(p < 0.01) = P(z < −1.645) = 5%, P(p > 0.5) = P(z > 1.645) = 5%.
    const g = cutAt(0.01, 0.5);
    const r = tierProbabilities([estimate(0.01, 0.02, 0.5, "any")], g, { samples: 40_000, seed: 5 })!;
    // binomial standard error at 40,000 draws: √(0.05·0.95/40000) = 0.0011
    expect(Math.abs(r["t-below"]! - 0.05)).toBeLessThan(0.005);
    expect(Math.abs(r["t-above"]! - 0.05)).toBeLessThan(0.005);
    expect(Math.abs(r["t-inside"]! - 0.9)).toBeLessThan(0.007);
  });
  it("a median on a band boundary splits the mass evenly", () => {
    // best = 0.01 is the boundary unlikely | possible (severe: mitigations | unacceptable). The remote
    // band (< 1e-4) is z = (logit(1e-4) − logit(0.01)) / σ = (−9.210 + 4.595) / 1.406 = −3.28 below: 0.05%.
    const r = tierProbabilities([estimate(0.001, 0.01, 0.1, "severe")], f, { samples: 20_000, seed: 11 })!;
    expect(Math.abs(r.unacceptable! - 0.5)).toBeLessThan(0.015);
    expect(Math.abs(r["acceptable-with-mitigations"]! - 0.5)).toBeLessThan(0.015);
    expect(r.acceptable).toBeLessThan(0.003);
  });
  it("pools experts with equal weight, whatever the sample count", () => {
    // one expert tightly unacceptable, one tightly acceptable: 1001 samples → 501 draws each, weight 1/1002
    const r = tierProbabilities(
      [estimate(0.19, 0.2, 0.21, "catastrophic"), estimate(1e-6, 1.1e-6, 1.2e-6, "limited")],
      f,
      { samples: 1001, seed: 2 },
    )!;
    expect(r.unacceptable).toBeCloseTo(0.5, 12);
    expect(r.acceptable).toBeCloseTo(0.5, 12);
  });
  it("handles extreme probabilities and numeric severities", () => {
    // 0.999 in "likely" with 100 fatalities (severe) → unacceptable; 1e-6 in "remote" × severe → acceptable
    const extreme: Estimate[] = [
      { ...estimate(0.998, 0.999, 0.9995, "x"), severity: { low: 50, best: 100, high: 200 } },
      { ...estimate(5e-7, 1e-6, 2e-6, "x"), severity: { low: 50, best: 100, high: 200 } },
    ];
    const r = tierProbabilities(extreme, f, { samples: 2000, seed: 9 })!;
    expect(r.unacceptable).toBeCloseTo(0.5, 12);
    expect(r.acceptable).toBeCloseTo(0.5, 12);
  });
  it("is null when no estimate can be placed", () => {
    expect(tierProbabilities([], f)).toBeNull();
    expect(tierProbabilities([estimate(0.1, 0.2, 0.3, "unknown-level")], f)).toBeNull();
  });
  it("uses defaults of 10,000 samples and seed 1", () => {
    expect(tierProbabilities(wide, f)).toEqual(tierProbabilities(wide, f, { samples: 10_000, seed: 1 }));
  });
});
