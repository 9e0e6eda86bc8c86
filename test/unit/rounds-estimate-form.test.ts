import { describe, expect, it } from "vitest";
import {
  checkDraft,
  draftFromEstimate,
  EMPTY_DRAFT,
  type EstimateDraft,
  firstInvalidFieldId,
  parseNumber,
  percentToProbability,
  probabilityToPercent,
  REQUIRED,
  sameDraftText,
  sameEstimate,
  splitServerErrors,
  visibleErrors,
} from "../../client/rounds/estimateForm";

const filled: EstimateDraft = {
  ...EMPTY_DRAFT,
  low: "0.1",
  best: "0.5",
  high: "2",
  levelId: "major",
  confidence: "medium",
  rationale: "  analogies  ",
};

describe("percent text", () => {
  it("parses numbers people type", () => {
    expect(parseNumber("0.5")).toBe(0.5);
    expect(parseNumber(" 0,5 % ")).toBe(0.5);
    expect(parseNumber(".25")).toBe(0.25);
    expect(parseNumber("1e-3")).toBe(0.001);
    expect(parseNumber("")).toBeNull();
    expect(parseNumber("abc")).toBeNaN();
    expect(parseNumber("1.2.3")).toBeNaN();
  });
  it("converts percentages to probabilities without binary noise", () => {
    expect(percentToProbability("0.5")).toBe(0.005);
    expect(percentToProbability("0.07")).toBe(0.0007);
    expect(percentToProbability("")).toBeNull();
    expect(percentToProbability("x")).toBeNaN();
    expect(probabilityToPercent(0.0007)).toBe("0.07");
    expect(probabilityToPercent(0.005)).toBe("0.5");
  });
});

describe("checkDraft", () => {
  it("builds the estimate with probabilities and a level", () => {
    const { errors, estimate } = checkDraft(filled, false);
    expect(errors).toEqual({});
    expect(estimate).toEqual({
      probability: { low: 0.001, best: 0.005, high: 0.02 },
      severity: { levelId: "major" },
      confidence: "medium",
      rationale: "analogies",
    });
  });
  it("enforces 0 < low ≤ best ≤ high < 100 %", () => {
    expect(checkDraft({ ...filled, low: "1" }, false).errors).toEqual({
      "probability.low": "low must be ≤ best",
    });
    expect(checkDraft({ ...filled, high: "0.2" }, false).errors).toEqual({
      "probability.high": "high must be ≥ best",
    });
    expect(checkDraft({ ...filled, low: "0" }, false).errors["probability.low"]).toBe("must be > 0 %");
    expect(checkDraft({ ...filled, high: "100" }, false).errors["probability.high"]).toBe("must be < 100 %");
    expect(checkDraft({ ...filled, best: "x" }, false).errors["probability.best"]).toBe("must be a number");
    expect(checkDraft({ ...filled, low: "0.5", high: "0.5" }, false).estimate).not.toBeNull();
  });
  it("marks missing fields as required", () => {
    const { errors, estimate } = checkDraft(EMPTY_DRAFT, false);
    expect(estimate).toBeNull();
    expect(errors).toMatchObject({
      "probability.low": REQUIRED,
      "severity.levelId": REQUIRED,
      confidence: REQUIRED,
    });
    expect(visibleErrors(errors, false)).toEqual({});
    expect(visibleErrors(errors, true)).toBe(errors);
  });
  it("takes a numeric severity only when the framework allows it", () => {
    const byValue = { ...filled, severityMode: "value" as const, sevLow: "1", sevBest: "10", sevHigh: "100" };
    expect(checkDraft(byValue, true).estimate?.severity).toEqual({ low: 1, best: 10, high: 100 });
    expect(checkDraft(byValue, false).estimate?.severity).toEqual({ levelId: "major" });
    expect(checkDraft({ ...byValue, sevLow: "20" }, true).errors).toEqual({
      "severity.low": "low must be ≤ best",
    });
    expect(checkDraft({ ...byValue, sevLow: "-1" }, true).errors).toEqual({ "severity.low": "must be ≥ 0" });
  });
});

describe("round trip and server errors", () => {
  it("pre-fills the form from a submitted estimate", () => {
    const estimate = checkDraft(filled, false).estimate;
    expect(estimate).not.toBeNull();
    if (estimate) expect(draftFromEstimate(estimate)).toEqual({ ...filled, rationale: "analogies" });
    const numeric = draftFromEstimate({
      probability: { low: 0.01, best: 0.02, high: 0.03 },
      severity: { low: 1, best: 2, high: 3 },
      confidence: "high",
      rationale: "",
    });
    expect(numeric).toMatchObject({
      severityMode: "value",
      sevLow: "1",
      sevBest: "2",
      sevHigh: "3",
      low: "1",
    });
  });
  it("puts known server paths next to inputs and the rest on the form", () => {
    expect(
      splitServerErrors({
        "probability.low": ["must be > 0"],
        "severity.levelId": ['no severity level "x" in the framework'],
        roundId: ["round is revealed"],
        "(body)": ["bad"],
      }),
    ).toEqual({
      byField: {
        "probability.low": "must be > 0",
        "severity.levelId": 'no severity level "x" in the framework',
      },
      other: ["roundId: round is revealed", "bad"],
    });
    expect(splitServerErrors(undefined)).toEqual({ byField: {}, other: [] });
  });
});

describe("the field that takes the keyboard after a refused submit", () => {
  it("is the first invalid one in the form's order", () => {
    const { errors } = checkDraft({ ...filled, high: "", confidence: "" }, false);
    expect(firstInvalidFieldId(errors, "est")).toBe("est-probability-high");
    expect(firstInvalidFieldId({ confidence: REQUIRED, rationale: "too long" }, "est")).toBe(
      "est-confidence-low",
    );
    expect(firstInvalidFieldId({ "severity.levelId": REQUIRED }, "est")).toBe("est-severity-level");
    expect(firstInvalidFieldId({ "severity.best": "must be ≥ 0" }, "est")).toBe("est-severity-best");
  });
  it("is none when nothing is wrong", () => {
    expect(firstInvalidFieldId(checkDraft(filled, false).errors, "est")).toBeNull();
  });
});

describe("whether a revision differs from the recorded estimate", () => {
  const recorded = checkDraft(filled, false).estimate;
  if (!recorded) throw new Error("the filled draft should check");
  it("ignores how the numbers and the rationale were typed", () => {
    const retyped = checkDraft({ ...filled, low: "0.10", best: "0,5 %", rationale: "analogies" }, false);
    expect(retyped.estimate && sameEstimate(retyped.estimate, recorded)).toBe(true);
  });
  it("sees a changed value, level, confidence or rationale", () => {
    for (const patch of [
      { high: "3" },
      { levelId: "minor" },
      { confidence: "high" as const },
      { rationale: "new" },
    ]) {
      const changed = checkDraft({ ...filled, ...patch }, false).estimate;
      expect(changed && sameEstimate(changed, recorded)).toBe(false);
    }
  });
});

describe("drafts compared as typed", () => {
  it("tells an untouched form from one with anything typed", () => {
    expect(sameDraftText(EMPTY_DRAFT, { ...EMPTY_DRAFT })).toBe(true);
    expect(sameDraftText(EMPTY_DRAFT, { ...EMPTY_DRAFT, low: "2" })).toBe(false);
  });
});
