import { describe, expect, it } from "vitest";
import { newestFirst, olderFirst, toggleChoice } from "../../client/snapshots/snapshotList";

const s = (id: string, takenAt: string) => ({ id, takenAt });
const list = [
  s("a", "2026-01-01T10:00:00.000Z"),
  s("b", "2026-01-02T10:00:00.000Z"),
  s("c", "2026-01-02T10:00:00.000Z"),
  s("d", "2026-01-01T12:00:00.000Z"),
];

describe("snapshot list", () => {
  it("lists newest first, later-taken first on a tie", () => {
    expect(newestFirst(list).map((x) => x.id)).toEqual(["c", "b", "d", "a"]);
  });
  it("puts the older of two first, whichever was chosen first", () => {
    expect(olderFirst(list, "b", "a")).toEqual(["a", "b"]);
    expect(olderFirst(list, "a", "d")).toEqual(["a", "d"]);
    expect(olderFirst(list, "c", "b")).toEqual(["b", "c"]);
    expect(olderFirst(list, "x", "a")).toEqual(["x", "a"]);
  });
  it("keeps at most two choices, dropping the earliest", () => {
    expect(toggleChoice([], "a")).toEqual(["a"]);
    expect(toggleChoice(["a"], "b")).toEqual(["a", "b"]);
    expect(toggleChoice(["a", "b"], "c")).toEqual(["b", "c"]);
    expect(toggleChoice(["a", "b"], "a")).toEqual(["b"]);
  });
});
