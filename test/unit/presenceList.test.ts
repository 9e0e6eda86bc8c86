import { describe, expect, it } from "vitest";
import { peopleHere } from "../../shared/presenceList";

const ada = { participantId: "p-ada", name: "Ada", role: "facilitator", color: "#1971c2" };
const bo = { participantId: "p-bo", name: "Bo", role: "expert", color: "#2b8a3e" };

describe("peopleHere", () => {
  it("lists each participant once, even with several tabs open", () => {
    expect(peopleHere([{ user: ada }, { user: bo }, { user: { ...ada, color: "#000000" } }])).toEqual([
      ada,
      bo,
    ]);
  });

  it("skips states without a complete, well-formed user", () => {
    const states = [
      {},
      null,
      { user: { color: "#123456" } },
      { user: { ...bo, role: "admin" } },
      { user: { ...bo, color: "red" } },
      { user: ada },
    ];
    expect(peopleHere(states)).toEqual([ada]);
  });
});
