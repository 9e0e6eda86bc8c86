import { describe, expect, it } from "vitest";
import {
  type ConditionFacts,
  conditionStates,
  firstNumber,
  withConditionIds,
} from "../../shared/watchedConditions";

const facts = (over: Partial<ConditionFacts> = {}): ConditionFacts => ({
  riskId: "cbrn",
  determinedAt: "2026-06-01T00:00:00Z",
  scenarios: [
    {
      id: "s1",
      riskId: "cbrn",
      title: "Synthesis",
      evidence: [{ title: "Refusal eval", result: "refuses 1,250 of 1,300" }],
    },
    { id: "s2", riskId: "cyber", title: "Intrusion", evidence: [{ title: "Refusal eval", result: "10" }] },
  ],
  incidents: [],
  ...over,
});

describe("watched conditions", () => {
  it("reads the first number of a result, thousands separators included", () => {
    expect(firstNumber("refuses 1,250 of 1,300")).toBe(1250);
    expect(firstNumber("-0.5 drop")).toBe(-0.5);
    expect(firstNumber("none")).toBeNull();
  });

  it("meets an evaluation only past its value, on the risk's own scenarios", () => {
    const below = withConditionIds([
      {
        kind: "evaluation",
        description: "refusals fall",
        metric: "refusal",
        direction: "below",
        value: 1250,
      },
    ]);
    expect(conditionStates(below, facts(), new Date())[0]!.met).toBe(false); // equal is not past
    const above = withConditionIds([
      { kind: "evaluation", description: "refusals", metric: "REFUSAL", direction: "above", value: 1249 },
    ]);
    expect(conditionStates(above, facts(), new Date())[0]).toMatchObject({
      met: true,
      reason: "evidence “Refusal eval” on “Synthesis” records 1250, above 1249",
    });
  });

  it("meets a date once it has passed, and an incident linked after the determination", () => {
    const list = withConditionIds([
      { kind: "date", description: "review", date: "2026-07-01" },
      { kind: "incident", description: "any incident" },
    ]);
    const incident = { title: "Leak", riskIds: [], scenarioIds: ["s1"], createdAt: "2026-06-02T00:00:00Z" };
    const early = conditionStates(
      list,
      facts({ incidents: [{ ...incident, createdAt: "2026-05-01T00:00:00Z" }] }),
      new Date("2026-06-30T23:59:59Z"),
    );
    expect(early.map((c) => c.met)).toEqual([false, false]);
    const later = conditionStates(list, facts({ incidents: [incident] }), new Date("2026-07-01T00:00:00Z"));
    expect(later.map((c) => c.reason)).toEqual([
      "the date 2026-07-01 has passed",
      "serious incident “Leak” is linked to the risk",
    ]);
  });

  it("meets any kind a facilitator marked", () => {
    const [c] = withConditionIds([{ kind: "affordance", description: "tools" }]);
    const marked = {
      ...c!,
      markedMet: { at: "2026-06-03T10:00:00Z", by: "Fran", note: "Browser tool shipped" },
    };
    expect(conditionStates([c!], facts(), new Date())[0]!.met).toBe(false);
    expect(conditionStates([marked], facts(), new Date())[0]!.reason).toBe(
      "marked by Fran on 2026-06-03: Browser tool shipped",
    );
  });

  it("keeps a facilitator's mark on a condition restated exactly, and only there", () => {
    const [c1] = withConditionIds([{ kind: "affordance", description: "tools" }]);
    const marked = { ...c1!, markedMet: { at: "2026-06-03T10:00:00Z", by: "Fran", note: "shipped" } };
    const next = withConditionIds(
      [
        { kind: "date", description: "review", date: "2027-01-01" },
        { kind: "affordance", description: "tools" },
        { kind: "affordance", description: "tools, reworded" },
      ],
      [marked],
    );
    expect(next.map((c) => [c.id, c.markedMet?.note ?? null])).toEqual([
      ["c1", null],
      ["c2", "shipped"],
      ["c3", null],
    ]);
  });
});
