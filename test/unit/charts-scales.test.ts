import { describe, expect, it } from "vitest";
import { relativeLuminance, textColourOn } from "../../client/charts/colour";
import { logDomain, logPosition, logTicks } from "../../client/charts/logScale";

describe("text on tier colours", () => {
  it("computes WCAG luminance", () => {
    expect(relativeLuminance("#000000")).toBe(0);
    expect(relativeLuminance("#ffffff")).toBeCloseTo(1);
    expect(relativeLuminance("red")).toBeNaN();
  });
  it("picks black on light colours and white on dark ones", () => {
    expect(textColourOn("#ffffff")).toBe("#000000");
    expect(textColourOn("#fee08b")).toBe("#000000");
    expect(textColourOn("#1a9850")).toBe("#000000");
    expect(textColourOn("#a50026")).toBe("#ffffff");
    expect(textColourOn("#1d2330")).toBe("#ffffff");
    expect(textColourOn("nonsense")).toBe("#000000");
  });
});

describe("log probability axis", () => {
  it("spans the decades around the data, at least two wide, never above 100%", () => {
    expect(logDomain([0.003, 0.04])).toEqual({ min: -3, max: -1 });
    expect(logDomain([1e-6, 0.5])).toEqual({ min: -6, max: 0 });
    expect(logDomain([0.5, 0.9])).toEqual({ min: -2, max: 0 });
    expect(logDomain([0.01])).toEqual({ min: -2, max: 0 });
    expect(logDomain([])).toEqual({ min: -2, max: 0 });
    expect(logDomain([0, Number.NaN, 1e-12])).toEqual({ min: -8, max: -6 });
  });
  it("places values proportionally to their logarithm, clamped to the axis", () => {
    const d = { min: -4, max: 0 };
    expect(logPosition(1e-4, d, 0, 400)).toBe(0);
    expect(logPosition(1e-2, d, 0, 400)).toBeCloseTo(200);
    expect(logPosition(1, d, 0, 400)).toBe(400);
    expect(logPosition(0, d, 0, 400)).toBe(0);
    expect(logPosition(1e-9, d, 0, 400)).toBe(0);
    // Reversed ranges work for a y axis (most likely at the top).
    expect(logPosition(1, d, 300, 20)).toBe(20);
  });
  it("labels one tick per decade as a percentage, thinned when crowded", () => {
    expect(logTicks({ min: -6, max: -3 }).map((t) => t.label)).toEqual([
      "0.0001%",
      "0.001%",
      "0.01%",
      "0.1%",
    ]);
    expect(logTicks({ min: -2, max: 0 }).map((t) => t.label)).toEqual(["1%", "10%", "100%"]);
    const thin = logTicks({ min: -8, max: 0 }, 5);
    expect(thin.length).toBeLessThanOrEqual(5);
    expect(thin.at(-1)?.label).toBe("100%");
  });
});
