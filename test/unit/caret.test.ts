import { describe, expect, it } from "vitest";
import { mapPosition } from "../../client/fields/caret";

describe("mapPosition", () => {
  const before = "CBRN weapons";
  it("moves a caret after an insertion by its length, and leaves one before it", () => {
    expect(mapPosition(before, `Novel ${before}`, 4)).toBe(10);
    expect(mapPosition(before, `${before} uplift`, 4)).toBe(4);
  });
  it("puts a caret inside a replaced stretch at the end of what replaced it", () => {
    // "weapon" became "arm" (the final "s" is shared): a caret after "wea" goes after "arm".
    expect(mapPosition("CBRN weapons", "CBRN arms", 8)).toBe(8);
  });
  it("moves a caret after a deletion back by its length", () => {
    expect(mapPosition("CBRN weapons", "weapons", 12)).toBe(7);
  });
});
