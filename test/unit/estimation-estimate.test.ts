import { describe, expect, it } from "vitest";
import { defaultFramework } from "../../shared/estimation/defaults";
import { type Estimate, estimateFrameworkProblems, estimateSchema } from "../../shared/estimation/estimate";

const valid = {
  probability: { low: 0.001, best: 0.01, high: 0.05 },
  severity: { levelId: "severe" },
  confidence: "medium",
  rationale: "Uplift study arm B.",
};

type Input = Record<string, unknown>;
const withProbability = (p: Input): Input => ({ ...valid, probability: { ...valid.probability, ...p } });
const withSeverity = (severity: unknown): Input => ({ ...valid, severity });

/** The issues as [path joined by ".", message]. */
function issues(input: unknown): Array<[string, string]> {
  const parsed = estimateSchema.safeParse(input);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => [i.path.join("."), i.message]);
}

describe("estimate schema", () => {
  it("accepts a valid estimate, a numeric severity, and defaults the rationale", () => {
    expect(issues(valid)).toEqual([]);
    expect(issues(withSeverity({ low: 0, best: 10, high: 100 }))).toEqual([]);
    expect(issues(withProbability({ low: 0.2, best: 0.2, high: 0.2 }))).toEqual([]);
    expect(issues(withProbability({ low: 1e-6, best: 1e-6, high: 0.999 }))).toEqual([]);
    const { rationale: _, ...noRationale } = valid;
    expect(estimateSchema.parse(noRationale).rationale).toBe("");
  });
  it("refuses NaN and infinities at the field", () => {
    expect(issues(withProbability({ low: Number.NaN }))).toEqual([
      ["probability.low", "must be a finite number"],
    ]);
    expect(issues(withProbability({ high: Number.POSITIVE_INFINITY }))).toEqual([
      ["probability.high", "must be a finite number"],
    ]);
    expect(issues(withProbability({ best: "0.01" }))).toEqual([
      ["probability.best", "must be a finite number"],
    ]);
    expect(issues(withSeverity({ low: 0, best: Number.NaN, high: 1 }))).toEqual([
      ["severity.best", "must be a finite number"],
    ]);
  });
  it("names a missing field", () => {
    const { best: _, ...noBest } = valid.probability;
    expect(issues({ ...valid, probability: noBest })).toEqual([["probability.best", "required"]]);
  });
  it("refuses probabilities outside (0, 1)", () => {
    expect(issues(withProbability({ low: 0 }))).toEqual([["probability.low", "must be > 0"]]);
    expect(issues(withProbability({ low: -0.1 }))).toEqual([["probability.low", "must be > 0"]]);
    expect(issues(withProbability({ high: 1 }))).toEqual([["probability.high", "must be < 1"]]);
    // best = 1.5 is out of range and also above high
    expect(issues(withProbability({ best: 1.5 }))).toEqual([
      ["probability.best", "must be < 1"],
      ["probability.high", "high must be ≥ best"],
    ]);
  });
  it("refuses an unordered range, at the field that breaks the order", () => {
    expect(issues(withProbability({ low: 0.02 }))).toEqual([["probability.low", "low must be ≤ best"]]);
    expect(issues(withProbability({ high: 0.005 }))).toEqual([["probability.high", "high must be ≥ best"]]);
    expect(issues(withProbability({ low: 0.5, high: 0.001 }))).toEqual([
      ["probability.low", "low must be ≤ best"],
      ["probability.high", "high must be ≥ best"],
    ]);
  });
  it("refuses a negative or unordered numeric severity", () => {
    expect(issues(withSeverity({ low: -1, best: 2, high: 3 }))).toEqual([["severity.low", "must be ≥ 0"]]);
    expect(issues(withSeverity({ low: 5, best: 2, high: 10 }))).toEqual([
      ["severity.low", "low must be ≤ best"],
    ]);
    expect(issues(withSeverity({ low: 0, best: 2, high: 1 }))).toEqual([
      ["severity.high", "high must be ≥ best"],
    ]);
  });
  it("refuses an empty level id, a malformed severity, a bad confidence, a long rationale, unknown keys", () => {
    expect(issues(withSeverity({ levelId: "" }))).toEqual([["severity.levelId", "must not be empty"]]);
    // without a levelId a severity is read as a range, so an empty one names the missing numbers
    expect(issues(withSeverity({}))).toEqual([
      ["severity.low", "required"],
      ["severity.best", "required"],
      ["severity.high", "required"],
    ]);
    expect(issues(withSeverity("severe")).map(([path]) => path)).toEqual(["severity"]);
    expect(issues(withSeverity({ levelId: "severe", best: 3 })).map(([path]) => path)).toEqual(["severity"]);
    expect(issues({ ...valid, confidence: "certain" }).map(([path]) => path)).toEqual(["confidence"]);
    expect(issues({ ...valid, rationale: "x".repeat(4001) })).toEqual([
      ["rationale", "must be at most 4000 characters"],
    ]);
    expect(issues({ ...valid, rationale: "x".repeat(4000) })).toEqual([]);
    expect(issues({ ...valid, probabilty: 1 }).map(([path]) => path)).toEqual([""]);
  });
});

describe("estimate against the framework", () => {
  const f = defaultFramework();
  const parse = (input: Input): Estimate => estimateSchema.parse(input);

  it("accepts a known level and a numeric severity when levels have anchors", () => {
    expect(estimateFrameworkProblems(parse(valid), f)).toEqual([]);
    expect(estimateFrameworkProblems(parse(withSeverity({ low: 0, best: 1, high: 2 })), f)).toEqual([]);
  });
  it("refuses an unknown level, and a number when levels have no anchors", () => {
    expect(estimateFrameworkProblems(parse(withSeverity({ levelId: "apocalyptic" })), f)).toEqual([
      { path: ["severity", "levelId"], message: 'no severity level "apocalyptic" in the framework' },
    ]);
    const bare = defaultFramework();
    for (const l of bare.severityLevels) delete l.anchorValue;
    expect(
      estimateFrameworkProblems(parse(withSeverity({ low: 0, best: 1, high: 2 })), bare).map((p) => p.path),
    ).toEqual([["severity"]]);
  });
});
