import { describe, expect, it } from "vitest";
import { matchRoute, type RoomBase, type RoomPlace, roomPath } from "../../client/router";
import { placeFromKey, placeKey } from "../../client/snapshots/snapshotNav";

const SNAPSHOT: RoomBase = { workshopId: "ws1", snapshotId: "snap 1" };
const LIVE: RoomBase = { workshopId: "ws1", snapshotId: null };

describe("snapshot room navigation", () => {
  it("keeps links to places of this workshop inside the snapshot", () => {
    const places: RoomPlace[] = [
      { kind: "overview" },
      { kind: "threatModel" },
      { kind: "register" },
      { kind: "framework" },
      { kind: "rounds" },
      { kind: "acceptance" },
      { kind: "incidents" },
      { kind: "risk", riskId: "cbrn" },
      { kind: "scenario", scenarioId: "s 1" },
    ];
    for (const place of places)
      expect(matchRoute(roomPath(SNAPSHOT, place))).toEqual({
        page: "room",
        workshopId: "ws1",
        view: { kind: "snapshot", snapshotId: "snap 1", place },
      });
    // The snapshot list opens a snapshot at its overview, by the path it always had.
    expect(roomPath(SNAPSHOT, { kind: "overview" })).toBe("/w/ws1/snapshots/snap%201");
    expect(roomPath(SNAPSHOT, { kind: "threatModel" })).toBe("/w/ws1/snapshots/snap%201/threat-model");
    expect(roomPath(SNAPSHOT, { kind: "scenario", scenarioId: "s 1" })).toBe(
      "/w/ws1/snapshots/snap%201/scenarios/s%201",
    );
  });
  it("lets every other link leave the snapshot", () => {
    expect(roomPath(SNAPSHOT, { kind: "snapshots" })).toBe("/w/ws1/snapshots");
    expect(roomPath(SNAPSHOT, { kind: "compare", from: "a", to: "now" })).toBe("/w/ws1/compare/a/now");
    expect(roomPath(LIVE, { kind: "risk", riskId: "cbrn" })).toBe("/w/ws1/risks/cbrn");
    expect(roomPath(LIVE, { kind: "overview" })).toBe("/w/ws1");
    expect(matchRoute("/w/ws1/snapshots")).toEqual({
      page: "room",
      workshopId: "ws1",
      view: { kind: "snapshots" },
    });
    // Only places of the room live inside a snapshot.
    expect(matchRoute("/w/ws1/snapshots/snap/snapshots")).toEqual({ page: "notFound" });
    expect(matchRoute("/w/ws1/snapshots/snap/compare/a/b")).toEqual({ page: "notFound" });
    expect(matchRoute("/w/ws1/snapshots/snap/elsewhere")).toEqual({ page: "notFound" });
  });
  it("round-trips places through select keys", () => {
    for (const p of [
      { kind: "overview" },
      { kind: "threatModel" },
      { kind: "register" },
      { kind: "framework" },
      { kind: "rounds" },
      { kind: "acceptance" },
      { kind: "incidents" },
      { kind: "risk", riskId: "a:b" },
      { kind: "scenario", scenarioId: "x" },
    ] as const)
      expect(placeFromKey(placeKey(p))).toEqual(p);
  });
});
