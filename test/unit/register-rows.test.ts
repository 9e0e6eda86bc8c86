import { describe, expect, it } from "vitest";
import { nextSort, registerRows, sortRows } from "../../client/register/registerRows";
import { aggregateEstimates, type ScenarioAggregate } from "../../shared/estimation/aggregate";
import { defaultFramework } from "../../shared/estimation/defaults";
import type { ScenarioStanding } from "../../shared/snapshot";

const f = defaultFramework();

function agg(best: number, levelId: string, bests: number[] = [best]): ScenarioAggregate {
  const a = aggregateEstimates(
    bests.map((b) => ({
      probability: { low: b / 2, best: b, high: Math.min(0.99, b * 2) },
      severity: { levelId },
    })),
    f,
  );
  if (!a) throw new Error("no aggregate");
  return a;
}
const standing = (
  pre: ScenarioAggregate | null,
  residual: ScenarioAggregate | null = null,
): ScenarioStanding => ({
  pre: pre && { ...pre, roundNumber: 1 },
  residual: residual && { ...residual, roundNumber: 2 },
});

const risks = [
  { id: "bio", title: "CBRN", archived: false },
  { id: "old", title: "Archived risk", archived: true },
  { id: "cyber", title: "Cyber offence", archived: false },
];
const scenarios = [
  { id: "c1", riskId: "cyber", title: "Ransomware", status: "agreed" },
  { id: "b1", riskId: "bio", title: "Pathogen uplift", status: "draft" },
  { id: "o1", riskId: "old", title: "Gone", status: "draft" },
  { id: "b2", riskId: "bio", title: "Acquisition help", status: "in-review" },
];
const standings: Record<string, ScenarioStanding> = {
  b1: standing(agg(0.2, "catastrophic", [0.05, 0.2, 0.5]), agg(0.001, "catastrophic")),
  c1: standing(agg(0.0001, "limited")),
};

describe("register rows", () => {
  const rows = registerRows(risks, scenarios, standings, f);

  it("numbers scenarios by risk order then scenario order, leaving out archived risks", () => {
    expect(rows.map((r) => [r.number, r.scenarioId])).toEqual([
      [1, "b1"],
      [2, "b2"],
      [3, "c1"],
    ]);
    expect(rows[0]?.riskTitle).toBe("CBRN");
  });

  it("ranks tiers by their place in the framework", () => {
    const b1 = rows[0];
    expect(b1?.pre?.tier?.id).toBe("unacceptable");
    expect(b1?.tierRank).toBe(f.tiers.findIndex((t) => t.id === "unacceptable"));
    expect(rows[1]?.tierRank).toBe(-1);
  });

  it("sorts by probability, unestimated last in either direction", () => {
    expect(sortRows(rows, "probability", "descending").map((r) => r.scenarioId)).toEqual(["b1", "c1", "b2"]);
    expect(sortRows(rows, "probability", "ascending").map((r) => r.scenarioId)).toEqual(["c1", "b1", "b2"]);
  });

  it("sorts by scenario title, status, risk, tier and spread", () => {
    expect(sortRows(rows, "scenario", "ascending").map((r) => r.title)).toEqual([
      "Acquisition help",
      "Pathogen uplift",
      "Ransomware",
    ]);
    expect(sortRows(rows, "status", "descending").map((r) => r.status)).toEqual([
      "agreed",
      "in-review",
      "draft",
    ]);
    expect(sortRows(rows, "risk", "descending").map((r) => r.scenarioId)).toEqual(["c1", "b1", "b2"]);
    expect(sortRows(rows, "tier", "descending").map((r) => r.scenarioId)).toEqual(["b1", "c1", "b2"]);
    expect(sortRows(rows, "residualTier", "ascending").map((r) => r.scenarioId)).toEqual(["b1", "b2", "c1"]);
    // b1's experts span a decade; c1 has one expert, so no spread at all.
    expect(sortRows(rows, "spread", "descending").map((r) => r.scenarioId)).toEqual(["b1", "c1", "b2"]);
  });

  it("does not change the input", () => {
    const before = rows.map((r) => r.scenarioId);
    sortRows(rows, "scenario", "descending");
    expect(rows.map((r) => r.scenarioId)).toEqual(before);
  });

  it("flips the sorted column; a new risk column starts with the worst first", () => {
    expect(nextSort({ key: "number", direction: "ascending" }, "number")).toEqual({
      key: "number",
      direction: "descending",
    });
    expect(nextSort({ key: "number", direction: "ascending" }, "tier")).toEqual({
      key: "tier",
      direction: "descending",
    });
    expect(nextSort({ key: "tier", direction: "descending" }, "scenario")).toEqual({
      key: "scenario",
      direction: "ascending",
    });
  });
});
