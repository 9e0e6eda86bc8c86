import { describe, expect, it } from "vitest";
import { acceptanceCounts, acceptanceRows } from "../../client/acceptance/acceptanceRows";
import {
  bodyFrom,
  currentStanding,
  draftFrom,
  fieldProblems,
  toggleId,
} from "../../client/acceptance/determinationForm";
import type { Risk } from "../../shared/content";
import { defaultFramework, type Framework, type LadderTier } from "../../shared/estimation/framework";
import type { Determination } from "../../shared/estimationView";
import type { ScenarioStanding } from "../../shared/snapshot";

const tier = (id: string): LadderTier => ({
  id,
  name: `Tier ${id}`,
  indicators: [],
  mitigations: [],
  acceptableWithMitigations: true,
});
const ladder = [tier("t1"), tier("t2"), tier("t3")];

const determination = (over: Partial<Determination> = {}): Determination => ({
  riskId: "cbrn",
  tierId: "t2",
  safetyMargin: "one tier",
  marginReasons: "elicitation",
  conditions: "new evals",
  verdict: "acceptable",
  evidenceScenarioIds: ["s1", "gone"],
  needsHigherTier: false,
  by: "Fay",
  at: "2026-01-01T00:00:00.000Z",
  dissent: [],
  ...over,
});

describe("the determination form", () => {
  it("starts from the ladder's first tier with no verdict chosen", () => {
    expect(draftFrom(null, ladder, ["s1"])).toEqual({
      tierId: "t1",
      safetyMargin: "",
      marginReasons: "",
      conditions: "",
      verdict: null,
      evidenceScenarioIds: [],
    });
  });

  it("revises from the recorded determination, dropping scenarios that are gone", () => {
    const draft = draftFrom(determination(), ladder, ["s1", "s2"]);
    expect(draft.tierId).toBe("t2");
    expect(draft.verdict).toBe("acceptable");
    expect(draft.evidenceScenarioIds).toEqual(["s1"]);
  });

  it("falls back to the first tier when the recorded one left the ladder", () => {
    expect(draftFrom(determination({ tierId: "old" }), ladder, []).tierId).toBe("t1");
  });

  it("refuses to send without a verdict or a tier", () => {
    const draft = draftFrom(null, [], []);
    const result = bodyFrom(draft);
    expect(result.body).toBeUndefined();
    expect(result.problems).toEqual({
      tierId: "Choose the tier reached.",
      verdict: "Choose acceptable or not acceptable.",
    });
  });

  it("trims the texts and drops duplicate scenarios in the body", () => {
    const draft = { ...draftFrom(null, ladder, []), verdict: "not-acceptable" as const };
    const result = bodyFrom({ ...draft, conditions: "  if X  ", evidenceScenarioIds: ["a", "a", "b"] });
    expect(result.body).toEqual({
      tierId: "t1",
      safetyMargin: "",
      marginReasons: "",
      conditions: "if X",
      verdict: "not-acceptable",
      evidenceScenarioIds: ["a", "b"],
    });
  });

  it("maps server field paths onto the inputs", () => {
    expect(
      fieldProblems({
        tierId: ["not on this risk's ladder"],
        "evidenceScenarioIds.0": ["no such scenario"],
        "evidenceScenarioIds.2": ["no such scenario"],
        "(body)": ["bad"],
        extra: ["unknown key"],
      }),
    ).toEqual({
      tierId: "not on this risk's ladder",
      evidenceScenarioIds: "no such scenario; no such scenario",
      form: "bad; extra: unknown key",
    });
    expect(fieldProblems(undefined)).toEqual({});
  });

  it("toggles evidence scenarios in the order chosen", () => {
    expect(toggleId(["a"], "b", true)).toEqual(["a", "b"]);
    expect(toggleId(["a", "b"], "a", false)).toEqual(["b"]);
    expect(toggleId(["a"], "a", true)).toEqual(["a"]);
  });
});

describe("a scenario's current tier", () => {
  const agg = (name: string, roundNumber: number) => ({
    probability: { best: 0.1, low: 0.05, high: 0.2, spread: 0, n: 1 },
    severity: { levelId: "l", counts: {} },
    bandId: "b",
    tier: { id: name, name, colour: "#123456", acceptable: "acceptable" as const },
    roundNumber,
  });
  it("prefers the residual aggregate, then the pre-mitigation one", () => {
    const both = { pre: agg("High", 1), residual: agg("Low", 3) } as unknown as ScenarioStanding;
    expect(currentStanding(both)).toEqual({
      name: "Low",
      colour: "#123456",
      kind: "residual",
      roundNumber: 3,
    });
    const pre = { pre: agg("High", 1), residual: null } as unknown as ScenarioStanding;
    expect(currentStanding(pre)?.kind).toBe("pre");
    expect(currentStanding(undefined)).toBeNull();
  });
});

describe("the acceptance table", () => {
  const risk = (id: string, archived = false): Risk => ({
    id,
    title: id.toUpperCase(),
    description: "",
    specified: true,
    order: 1,
    archived,
  });
  const framework: Framework = { ...defaultFramework(), ladders: { cbrn: ladder } };

  it("lists every risk in play with its determination, tier name and dissent", () => {
    const rows = acceptanceRows(
      [risk("cbrn"), risk("cyber"), risk("old", true)],
      [
        determination({
          tierId: "t3",
          needsHigherTier: true,
          dissent: [{ participantId: "p", name: "E", at: "x", text: "no" }],
        }),
      ],
      framework,
    );
    expect(rows.map((r) => r.riskId)).toEqual(["cbrn", "cyber"]);
    expect(rows[0]).toMatchObject({
      tierName: "Tier t3",
      verdict: "acceptable",
      needsHigherTier: true,
      dissentCount: 1,
    });
    expect(rows[1]).toMatchObject({ hasLadder: false, determination: null, verdict: null });
    expect(acceptanceCounts(rows)).toEqual({
      risks: 2,
      undetermined: 1,
      acceptable: 1,
      notAcceptable: 0,
      topTier: 1,
      dissents: 1,
    });
  });

  it("names a tier that left the ladder by its id", () => {
    const rows = acceptanceRows([risk("cbrn")], [determination({ tierId: "gone" })], framework);
    expect(rows[0]?.tierName).toBe("gone");
  });
});
