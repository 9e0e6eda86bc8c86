import { describe, expect, it } from "vitest";
import {
  describePath,
  hasProblemsUnder,
  indexProblems,
  messagesAt,
  serverProblems,
} from "../../client/framework/problems";
import { defaultFramework } from "../../shared/estimation/framework";

describe("framework problems by field", () => {
  it("indexes problems by dotted path without repeating a message", () => {
    const index = indexProblems([
      { path: ["likelihoodBands", 2, "upper"], message: "upper must be > lower" },
      { path: ["likelihoodBands", 2, "upper"], message: "upper must be > lower" },
      { path: ["likelihoodBands", 2, "upper"], message: "must be ≤ 1" },
    ]);
    expect(messagesAt(index, ["likelihoodBands", 2, "upper"])).toEqual([
      "upper must be > lower",
      "must be ≤ 1",
    ]);
    expect(messagesAt(index, ["likelihoodBands", 2, "lower"])).toEqual([]);
    expect(hasProblemsUnder(index, ["likelihoodBands"])).toBe(true);
    expect(hasProblemsUnder(index, ["likelihood"])).toBe(false);
  });

  it("lines the server's PUT field errors up with the draft's paths", () => {
    const problems = serverProblems({ "framework.likelihoodBands.2.upper": ["must be ≤ 1"] });
    expect(problems).toEqual([{ path: ["likelihoodBands", 2, "upper"], message: "must be ≤ 1" }]);
    const index = indexProblems(problems);
    expect(messagesAt(index, ["likelihoodBands", 2, "upper"])).toEqual(["must be ≤ 1"]);
  });

  it("keeps the lock's ladder errors, which carry no prefix", () => {
    const problems = serverProblems({
      "ladders.cbrn": ["a specified risk needs a ladder of at least two tiers (has 1)"],
    });
    expect(problems[0]?.path).toEqual(["ladders", "cbrn"]);
    expect(serverProblems(undefined)).toEqual([]);
  });

  it("says where a problem is in words", () => {
    const f = defaultFramework();
    const band = f.likelihoodBands[1];
    expect(describePath(["likelihoodBands", 1, "upper"], f)).toBe(
      `Likelihood band 2 (${band?.label}) · upper`,
    );
    const level = f.severityLevels[0];
    expect(describePath(["matrix", band?.id ?? "", level?.id ?? ""], f)).toBe(
      `Matrix · ${band?.label} × ${level?.name}`,
    );
    expect(describePath(["ladders", "cbrn", 0, "indicators", 1], f, () => "CBRN")).toBe(
      "Ladder of CBRN · tier 1 · indicators 1",
    );
    expect(describePath([], f)).toBe("Framework");
  });
});
