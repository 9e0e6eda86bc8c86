import { describe, expect, it } from "vitest";
import { placeForHref, placeFromKey, placeKey } from "../../client/snapshots/snapshotNav";

describe("snapshot room navigation", () => {
  it("keeps links to places of this workshop inside the snapshot", () => {
    expect(placeForHref("/w/ws1", "ws1")).toEqual({ kind: "overview" });
    expect(placeForHref("/w/ws1/threat-model", "ws1")).toEqual({ kind: "threatModel" });
    expect(placeForHref("/w/ws1/register", "ws1")).toEqual({ kind: "register" });
    expect(placeForHref("/w/ws1/framework", "ws1")).toEqual({ kind: "framework" });
    expect(placeForHref("/w/ws1/rounds", "ws1")).toEqual({ kind: "rounds" });
    expect(placeForHref("/w/ws1/acceptance", "ws1")).toEqual({ kind: "acceptance" });
    expect(placeForHref("/w/ws1/risks/cbrn", "ws1")).toEqual({ kind: "risk", riskId: "cbrn" });
    expect(placeForHref("/w/ws1/scenarios/s%201", "ws1")).toEqual({ kind: "scenario", scenarioId: "s 1" });
  });
  it("lets every other link navigate", () => {
    expect(placeForHref("/w/ws1/snapshots", "ws1")).toBeNull();
    expect(placeForHref("/w/other/risks/cbrn", "ws1")).toBeNull();
    expect(placeForHref("https://example.org/paper", "ws1")).toBeNull();
    expect(placeForHref("/", "ws1")).toBeNull();
    expect(placeForHref("https://elsewhere.example/w/ws1", "ws1")).toBeNull();
    expect(placeForHref("//elsewhere.example/w/ws1", "ws1")).toBeNull();
  });
  it("round-trips places through select keys", () => {
    for (const p of [
      { kind: "overview" },
      { kind: "threatModel" },
      { kind: "register" },
      { kind: "framework" },
      { kind: "rounds" },
      { kind: "acceptance" },
      { kind: "risk", riskId: "a:b" },
      { kind: "scenario", scenarioId: "x" },
    ] as const)
      expect(placeFromKey(placeKey(p))).toEqual(p);
  });
});
