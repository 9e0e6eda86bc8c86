import { describe, expect, it } from "vitest";
import { colorFor, isHexColor } from "../../shared/presence";

describe("presence colours", () => {
  it("gives a participant the same colour every time", () => {
    expect(colorFor("participant-a")).toBe(colorFor("participant-a"));
    expect(isHexColor(colorFor("participant-b"))).toBe(true);
  });

  it("accepts only six-digit hex colours from clients", () => {
    expect(isHexColor("#a1B2c3")).toBe(true);
    for (const bad of ["red", "#fff", "#12345g", "url(javascript:x)", 42, null, undefined]) {
      expect(isHexColor(bad)).toBe(false);
    }
  });
});
