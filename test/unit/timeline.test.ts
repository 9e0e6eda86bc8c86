import { describe, expect, it } from "vitest";
import { aggregateTimeline, timelineForecastBody } from "../../shared/timeline";

describe("tier-timeline aggregation (quantile averaging)", () => {
  it("averages each quantile across experts in days, rounded to the day, against hand-computed dates", () => {
    // By hand, in days after 2027-01-01 (P10), 2028-01-01 (P50), 2030-01-01 (P90):
    // P10: 0, +181 (2027-07-01), −31 (2026-12-01) → mean +50 → 2027-02-20
    // P50: 0, +366 (2029-01-01), +181 (2028-06-30) → mean +182.33 → +182 → 2028-07-01
    // P90: 0, +1096 (2033-01-01), +545 (2031-06-30) → mean +547 → 2031-07-02
    // width: P90 − P10 = (21915 + 547) − (20819 + 50) = 1593 days
    const pooled = aggregateTimeline([
      { p10: "2027-01-01", p50: "2028-01-01", p90: "2030-01-01" },
      { p10: "2027-07-01", p50: "2029-01-01", p90: "2033-01-01" },
      { p10: "2026-12-01", p50: "2028-06-30", p90: "2031-06-30" },
    ]);
    expect(pooled).toEqual({
      method: "quantile-average",
      n: 3,
      p10: "2027-02-20",
      p50: "2028-07-01",
      p90: "2031-07-02",
      spread: { earliestP50: "2028-01-01", latestP50: "2029-01-01", widthDays: 1593 },
    });
  });

  it("is the expert's own forecast for one expert, and nothing for none", () => {
    expect(aggregateTimeline([{ p10: "2030-03-01", p50: "2031-03-01", p90: "2035-03-01" }])).toMatchObject({
      p10: "2030-03-01",
      p50: "2031-03-01",
      p90: "2035-03-01",
      spread: { widthDays: 1826 },
    });
    expect(aggregateTimeline([])).toBeNull();
  });

  it("refuses quantiles out of order", () => {
    const parsed = timelineForecastBody.safeParse({
      riskId: "cbrn",
      p10: "2030-01-01",
      p50: "2029-01-01",
      p90: "2028-01-01",
      assumptions: "x",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["p50", "p90"]);
  });
});
