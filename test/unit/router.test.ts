import { describe, expect, it } from "vitest";
import { matchRoute, type RoomView, roomPath } from "../../client/router";

const ID = "AbCdEfGhIjKlMnOp";

describe("room routes", () => {
  it("reads each view of a room from its path, and writes the same path back", () => {
    const views: RoomView[] = [
      { kind: "overview" },
      { kind: "threatModel" },
      { kind: "risk", riskId: "cbrn" },
      { kind: "scenario", scenarioId: "s-1_x" },
      { kind: "audit" },
    ];
    for (const view of views)
      expect(matchRoute(roomPath(ID, view))).toEqual({ page: "room", workshopId: ID, view });
  });

  it("keeps the old room path and its trailing slash, and refuses anything else under a room", () => {
    expect(matchRoute(`/w/${ID}/`)).toEqual({ page: "room", workshopId: ID, view: { kind: "overview" } });
    expect(matchRoute(`/w/${ID}/scenarios`)).toEqual({ page: "notFound" });
    expect(matchRoute(`/w/${ID}/scenarios/a/b`)).toEqual({ page: "notFound" });
    expect(matchRoute(`/w/${ID}/elsewhere`)).toEqual({ page: "notFound" });
  });

  it("encodes ids that are not path-safe", () => {
    const path = roomPath(ID, { kind: "scenario", scenarioId: "a/b c" });
    expect(path).toBe(`/w/${ID}/scenarios/a%2Fb%20c`);
    expect(matchRoute(path)).toEqual({
      page: "room",
      workshopId: ID,
      view: { kind: "scenario", scenarioId: "a/b c" },
    });
  });
});
