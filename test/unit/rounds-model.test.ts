import { describe, expect, it } from "vitest";
import {
  expertsOf,
  formatSeverity,
  newestFirst,
  previousRoundFor,
  progressOf,
} from "../../client/rounds/roundsModel";
import type { ParticipantView } from "../../shared/api";
import { defaultFramework } from "../../shared/estimation/framework";
import type { RoundView } from "../../shared/estimationView";

const round = (number: number, over: Partial<RoundView> = {}): RoundView => ({
  id: `r${number}`,
  number,
  kind: "pre",
  scenarioIds: ["s1"],
  anonymous: false,
  state: "revealed",
  openedAt: "2026-01-01T00:00:00Z",
  submitted: {},
  ...over,
});

const person = (id: string, role: ParticipantView["role"], revokedAt?: string): ParticipantView => ({
  id,
  displayName: id,
  role,
  joinedAt: "2026-01-01T00:00:00Z",
  ...(revokedAt ? { revokedAt } : {}),
});

describe("rounds", () => {
  it("orders newest first", () => {
    expect(newestFirst([round(1), round(3), round(2)]).map((r) => r.number)).toEqual([3, 2, 1]);
  });
  it("finds the latest earlier revealed round of the same kind with the scenario", () => {
    const rounds = [
      round(1),
      round(2, { scenarioIds: ["s2"] }),
      round(3, { kind: "residual" }),
      round(4, { state: "closed" }),
      round(5, { state: "open" }),
    ];
    const current = rounds[4] as RoundView;
    expect(previousRoundFor(rounds, current, "s1")?.number).toBe(4);
    expect(previousRoundFor(rounds, current, "s2")?.number).toBe(2);
    expect(previousRoundFor(rounds, current, "s3")).toBeUndefined();
    expect(previousRoundFor(rounds, rounds[0] as RoundView, "s1")).toBeUndefined();
  });
  it("counts experts who submitted, ignoring others", () => {
    const people = [
      person("a", "expert"),
      person("b", "expert"),
      person("f", "facilitator"),
      person("x", "expert", "t"),
    ];
    const experts = expertsOf(people, ["a", "f"]);
    expect(experts.map((p) => p.id)).toEqual(["a", "b"]);
    expect(progressOf(experts, ["a", "f", "a"])).toEqual({ done: 1, total: 2, label: "1 of 2 experts" });
    expect(expertsOf(people, ["x"]).map((p) => p.id)).toEqual(["a", "b", "x"]);
  });
  it("names severities", () => {
    const f = defaultFramework();
    const level = f.severityLevels[0];
    expect(level).toBeDefined();
    if (level) expect(formatSeverity(f, { levelId: level.id })).toBe(level.name);
    expect(formatSeverity(null, { low: 1, best: 1500, high: 20000 })).toBe("1,500 (1–20,000)");
  });
});
