import { describe, expect, it } from "vitest";
import { SPECIFIED_RISK_IDS } from "../../shared/content/schema";
import { canonicalJson } from "../../shared/estimation/canonicalJson";
import { DEFAULT_FRAMEWORK, defaultFramework } from "../../shared/estimation/defaults";
import {
  type Framework,
  frameworkSchema,
  isTopLadderTier,
  ladderProblems,
  type Problem,
  validateFramework,
} from "../../shared/estimation/framework";

/** The same value with the keys of every object in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  );
}

function problems(edit: (f: Framework) => void): Problem[] {
  const f = defaultFramework();
  edit(f);
  const result = validateFramework(f);
  return result.ok ? [] : result.problems;
}

describe("default framework", () => {
  it("is valid, with ladders of three tiers for the four specified risks", () => {
    expect(validateFramework(DEFAULT_FRAMEWORK)).toEqual({ ok: true, framework: DEFAULT_FRAMEWORK });
    expect(ladderProblems(DEFAULT_FRAMEWORK, SPECIFIED_RISK_IDS)).toEqual([]);
    for (const riskId of SPECIFIED_RISK_IDS) {
      const ladder = DEFAULT_FRAMEWORK.ladders[riskId]!;
      expect(ladder).toHaveLength(3);
      for (const tier of ladder) expect(tier.indicators.length).toBeGreaterThan(0);
      expect(ladder[ladder.length - 1]!.acceptableWithMitigations).toBe(false);
    }
    expect(DEFAULT_FRAMEWORK.likelihoodBands.map((b) => [b.lower, b.upper])).toEqual([
      [0, 1e-4],
      [1e-4, 1e-3],
      [1e-3, 1e-2],
      [1e-2, 1e-1],
      [1e-1, 1],
    ]);
    expect(DEFAULT_FRAMEWORK.aggregation).toBe("geometric-mean-odds");
  });
  it("is frozen; defaultFramework() gives an editable copy", () => {
    expect(Object.isFrozen(DEFAULT_FRAMEWORK.likelihoodBands[0])).toBe(true);
    const copy = defaultFramework();
    copy.likelihoodBands[0]!.label = "edited";
    expect(DEFAULT_FRAMEWORK.likelihoodBands[0]!.label).not.toBe("edited");
    expect(defaultFramework()).toEqual(DEFAULT_FRAMEWORK);
  });
});

describe("framework validation", () => {
  it("names a missing matrix cell and an unknown tier", () => {
    expect(problems((f) => delete f.matrix.likely!.catastrophic)).toEqual([
      {
        path: ["matrix", "likely", "catastrophic"],
        message: 'missing: the tier of "Likely (1 in 10 or more)" × "Catastrophic"',
      },
    ]);
    expect(problems((f) => (f.matrix.remote!.limited = "green"))).toEqual([
      { path: ["matrix", "remote", "limited"], message: 'unknown tier "green"' },
    ]);
    expect(problems((f) => (f.matrix.nonsense = {})).map((p) => p.path)).toEqual([["matrix", "nonsense"]]);
    expect(problems((f) => (f.matrix.remote!.apocalyptic = "acceptable")).map((p) => p.path)).toEqual([
      ["matrix", "remote", "apocalyptic"],
    ]);
  });
  it("refuses overlapping bands, gaps, and bands not covering [0, 1]", () => {
    expect(problems((f) => (f.likelihoodBands[2]!.lower = 5e-4))).toEqual([
      { path: ["likelihoodBands", 2, "lower"], message: "overlap: the previous band ends at 0.001" },
    ]);
    expect(problems((f) => (f.likelihoodBands[2]!.lower = 2e-3))).toEqual([
      { path: ["likelihoodBands", 2, "lower"], message: "gap: the previous band ends at 0.001" },
    ]);
    expect(problems((f) => (f.likelihoodBands[0]!.lower = 1e-9))).toEqual([
      { path: ["likelihoodBands", 0, "lower"], message: "the first band must start at 0" },
    ]);
    expect(problems((f) => (f.likelihoodBands[4]!.upper = 0.5))).toEqual([
      { path: ["likelihoodBands", 4, "upper"], message: "the last band must end at 1" },
    ]);
    // out of range, and so also not ending at 1: both are reported at the field
    expect(problems((f) => (f.likelihoodBands[4]!.upper = 1.5))).toEqual([
      { path: ["likelihoodBands", 4, "upper"], message: "must be ≤ 1" },
      { path: ["likelihoodBands", 4, "upper"], message: "the last band must end at 1" },
    ]);
  });
  it("refuses an empty band, bands out of order, a different period and duplicate ids", () => {
    // swapping two bands: each is then out of place relative to its neighbours
    const swapped = problems((f) => {
      const [b1, b2] = [f.likelihoodBands[1]!, f.likelihoodBands[2]!];
      f.likelihoodBands[1] = b2;
      f.likelihoodBands[2] = b1;
    });
    expect(swapped.map((p) => p.path)).toEqual([
      ["likelihoodBands", 1, "lower"],
      ["likelihoodBands", 2, "lower"],
      ["likelihoodBands", 3, "lower"],
    ]);
    expect(
      problems((f) => {
        f.likelihoodBands[1]!.upper = 1e-4;
        f.likelihoodBands[2]!.lower = 1e-4;
      }),
    ).toEqual([{ path: ["likelihoodBands", 1, "upper"], message: "upper must be > lower" }]);
    expect(problems((f) => (f.likelihoodBands[3]!.period = "per month"))).toEqual([
      {
        path: ["likelihoodBands", 3, "period"],
        message: "every band must state the same period as the first",
      },
    ]);
    expect(problems((f) => (f.tiers[1]!.id = f.tiers[0]!.id)).map((p) => p.path)).toContainEqual([
      "tiers",
      1,
      "id",
    ]);
    expect(problems((f) => (f.likelihoodBands[1]!.id = "remote")).map((p) => p.path)).toContainEqual([
      "likelihoodBands",
      1,
      "id",
    ]);
  });
  it("checks severity anchors: all or none, one unit, increasing", () => {
    expect(problems((f) => (f.severityLevels[2]!.anchorValue = 1))).toEqual([
      { path: ["severityLevels", 2, "anchorValue"], message: "must be > the previous level's anchor (1)" },
    ]);
    expect(problems((f) => delete f.severityLevels[4]!.anchorValue)).toEqual([
      { path: ["severityLevels", 4, "anchorValue"], message: "give every level a numeric anchor, or none" },
    ]);
    expect(problems((f) => (f.severityLevels[3]!.anchorUnit = "EUR"))).toEqual([
      { path: ["severityLevels", 3, "anchorUnit"], message: "every level's anchor must use the same unit" },
    ]);
    expect(problems((f) => delete f.severityLevels[0]!.anchorUnit)).toContainEqual({
      path: ["severityLevels", 0, "anchorUnit"],
      message: "a numeric anchor needs a unit",
    });
    expect(
      problems((f) => {
        for (const l of f.severityLevels) delete l.anchorValue;
      }),
    ).toEqual([]);
  });
  it("checks tiers, the aggregation method and ladder tier ids", () => {
    expect(problems((f) => (f.tiers[0]!.colour = "green"))).toEqual([
      { path: ["tiers", 0, "colour"], message: "must be a colour like #1a9850" },
    ]);
    expect(problems((f) => (f.aggregation = "mean" as Framework["aggregation"])).map((p) => p.path)).toEqual([
      ["aggregation"],
    ]);
    expect(problems((f) => (f.ladders.cbrn![1]!.id = "cbrn-1"))).toEqual([
      { path: ["ladders", "cbrn", 1, "id"], message: 'duplicate id "cbrn-1"' },
    ]);
  });
  it("defaults the aggregation method and ladders; refuses unknown keys", () => {
    const { aggregation: _a, ladders: _l, ...rest } = defaultFramework();
    const result = validateFramework(rest);
    expect(result.ok && result.framework.aggregation).toBe("geometric-mean-odds");
    expect(result.ok && result.framework.ladders).toEqual({});
    expect(validateFramework({ ...defaultFramework(), extra: 1 }).ok).toBe(false);
  });
  it("reports the cross-field rules through frameworkSchema too, for REST bodies", () => {
    const f = defaultFramework();
    delete f.matrix.remote!.limited;
    const parsed = frameworkSchema.safeParse(f);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path)).toEqual([["matrix", "remote", "limited"]]);
  });
});

describe("ladders (Measure 4.1)", () => {
  it("refuses a specified risk's ladder of fewer than two tiers, or none", () => {
    const f = defaultFramework();
    f.ladders.cbrn = f.ladders.cbrn!.slice(0, 1);
    delete f.ladders["cyber-offence"];
    f.ladders["other-risk"] = f.ladders["loss-of-control"]!.slice(0, 1);
    expect(ladderProblems(f, SPECIFIED_RISK_IDS)).toEqual([
      { path: ["ladders", "cbrn"], message: "a specified risk needs a ladder of at least two tiers (has 1)" },
      {
        path: ["ladders", "cyber-offence"],
        message: "a specified risk needs a ladder of at least two tiers (has 0)",
      },
    ]);
    f.ladders.cbrn = f.ladders.cbrn.concat(DEFAULT_FRAMEWORK.ladders.cbrn![1]!);
    expect(ladderProblems(f, ["cbrn"])).toEqual([]);
  });
  it("knows the top tier", () => {
    expect(isTopLadderTier(DEFAULT_FRAMEWORK, "cbrn", "cbrn-3")).toBe(true);
    expect(isTopLadderTier(DEFAULT_FRAMEWORK, "cbrn", "cbrn-2")).toBe(false);
    expect(isTopLadderTier(DEFAULT_FRAMEWORK, "unknown", "cbrn-3")).toBe(false);
  });
});

describe("canonicalJson", () => {
  it("sorts keys at every depth, keeps array order, has no whitespace", () => {
    expect(canonicalJson({ b: 1, a: [3, { d: 1, c: "x y" }], e: {} })).toBe(
      '{"a":[3,{"c":"x y","d":1}],"b":1,"e":{}}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson([1, "é\n\u2028", true, null])).toBe('[1,"é\\n\u2028",true,null]');
  });
  it("drops undefined members like JSON, refuses non-finite numbers and bigint", () => {
    expect(canonicalJson({ a: undefined, b: [undefined] })).toBe('{"b":[null]}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow(TypeError);
    expect(() => canonicalJson(1n)).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
  it("is stable for a framework whatever its key order, and round-trips", () => {
    const text = canonicalJson(DEFAULT_FRAMEWORK);
    const reversed = reverseKeys(DEFAULT_FRAMEWORK) as Framework;
    expect(JSON.stringify(reversed)).not.toBe(JSON.stringify(DEFAULT_FRAMEWORK));
    expect(canonicalJson(reversed)).toBe(text);
    expect(JSON.parse(text)).toEqual(DEFAULT_FRAMEWORK);
    expect(text).not.toMatch(/\s"|":\s|,\s"/);
    const reparsed = validateFramework(JSON.parse(text));
    expect(reparsed.ok && canonicalJson(reparsed.framework)).toBe(text);
  });
});
