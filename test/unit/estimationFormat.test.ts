import { describe, expect, it } from "vitest";
import { formatProbability, formatRange } from "../../client/estimationFormat";

describe("formatProbability", () => {
  it("keeps two significant digits for small values and drops trailing zeros", () => {
    expect(formatProbability(0.0123)).toBe("1.2%");
    expect(formatProbability(0.000012)).toBe("0.0012%");
    expect(formatProbability(1e-6)).toBe("0.0001%");
    expect(formatProbability(0.05)).toBe("5%");
  });
  it("shows enough digits near certainty to tell 99.9% from 99.95%", () => {
    expect(formatProbability(0.999)).toBe("99.9%");
    expect(formatProbability(0.9995)).toBe("99.95%");
  });
  it("says nothing for a value that is not a number", () => {
    expect(formatProbability(Number.NaN)).toBe("—");
  });
  it("formats a range with its best guess first", () => {
    expect(formatRange({ low: 0.001, best: 0.01, high: 0.05 })).toBe("1% (0.1%–5%)");
  });
});
