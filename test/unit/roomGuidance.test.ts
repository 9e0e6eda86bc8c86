import { describe, expect, it } from "vitest";
import { plural } from "../../client/format";
import { colourOf, PRESENCE_PALETTE } from "../../client/room/presenceColours";
import { medianBetween, waitingFor } from "../../client/rounds/roundsModel";
import { DEFAULT_FRAMEWORK } from "../../shared/estimation/defaults";
import type { RoundView } from "../../shared/estimationView";

const round = (over: Partial<RoundView>): RoundView => ({
  id: "r1",
  number: 1,
  kind: "pre",
  scenarioIds: ["a", "b", "c"],
  anonymous: false,
  state: "open",
  openedAt: "2026-11-30T10:00:00.000Z",
  submitted: {},
  ...over,
});
const level = (levelId: string) => ({ levelId });

describe("presence colours", () => {
  it("gives the first twelve people to join twelve different colours, and keeps each one's", () => {
    const ids = Array.from({ length: 12 }, (_, i) => `participant-${i}`);
    expect(new Set(ids.map((id) => colourOf(id, ids))).size).toBe(12);
    expect(colourOf("participant-3", ids)).toBe(colourOf("participant-3", [...ids, "later"]));
  });
  it("gives someone not yet listed a colour of the palette, the same every time", () => {
    expect(PRESENCE_PALETTE).toContain(colourOf("unknown", []));
    expect(colourOf("unknown", [])).toBe(colourOf("unknown", ["someone"]));
  });
});

describe("what waits for an expert", () => {
  it("counts the open round's scenarios without this expert's estimate", () => {
    const open = round({ submitted: { a: ["eli"], b: ["ada"] } });
    expect(waitingFor([open], "eli")).toEqual({ round: open, count: 2 });
    expect(waitingFor([open], "ada")?.count).toBe(2);
  });
  it("is nothing when no round is open", () => {
    expect(waitingFor([round({ state: "revealed" })], "eli")).toBeNull();
  });
});

describe("a median severity between two levels", () => {
  it("names both levels when an even number of experts split around the middle", () => {
    const split = [level("serious"), level("severe"), level("serious"), level("critical")];
    expect(medianBetween(DEFAULT_FRAMEWORK, split)).toEqual({ lower: "Serious", upper: "Severe" });
  });
  it("says nothing when the middle is one level, or the count is odd", () => {
    expect(medianBetween(DEFAULT_FRAMEWORK, [level("severe"), level("severe")])).toBeNull();
    expect(
      medianBetween(DEFAULT_FRAMEWORK, [level("limited"), level("severe"), level("critical")]),
    ).toBeNull();
  });
});

describe("counts in words", () => {
  it("uses the singular for one and the plural otherwise", () => {
    expect(plural(1, "scenario")).toBe("1 scenario");
    expect(plural(0, "step")).toBe("0 steps");
    expect(plural(2, "entry", "entries")).toBe("2 entries");
  });
});
