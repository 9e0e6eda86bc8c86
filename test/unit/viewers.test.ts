import { describe, expect, it } from "vitest";
import { viewersByScenario } from "../../shared/viewers";

const user = (participantId: string, name: string) => ({
  participantId,
  name,
  role: "expert" as const,
  color: "#1971c2",
});

describe("viewersByScenario", () => {
  it("groups stamped states by the scenario they view, one entry per participant", () => {
    const states: Array<[number, unknown]> = [
      [1, { user: user("p1", "Ada"), viewing: "s1", editing: false }],
      [2, { user: user("p2", "Bo"), viewing: "s1", editing: true }],
      [3, { user: user("p1", "Ada"), viewing: "s1", editing: true }],
      [4, { user: user("p3", "Cy"), viewing: "s2", editing: false }],
    ];
    expect(viewersByScenario(states, { clientId: 99, participantId: "me" })).toEqual({
      s1: [
        { ...user("p1", "Ada"), editing: true },
        { ...user("p2", "Bo"), editing: true },
      ],
      s2: [{ ...user("p3", "Cy"), editing: false }],
    });
  });

  it("leaves out this client, the same person's other tabs, unstamped states and no scenario", () => {
    const states: Array<[number, unknown]> = [
      [1, { user: { color: "#1971c2" }, viewing: "s1" }],
      [2, { user: user("me", "Me"), viewing: "s1" }],
      [3, { user: user("p2", "Bo"), viewing: null }],
      [4, { user: user("p3", "Cy"), viewing: "" }],
      [5, null],
      [7, { user: user("p4", "Di"), viewing: "s1", editing: "yes" }],
    ];
    expect(viewersByScenario(states, { clientId: 1, participantId: "me" })).toEqual({
      s1: [{ ...user("p4", "Di"), editing: false }],
    });
  });
});
