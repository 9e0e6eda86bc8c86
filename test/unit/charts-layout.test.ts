import { describe, expect, it } from "vitest";
import {
  bandPaths,
  linePath,
  slotX,
  snapshotAxis,
  tickChars,
  truncate,
} from "../../client/charts/historyLayout";
import { fitLabel, splitLabel } from "../../client/charts/labels";
import { arrowPath, cellOf, placeMarkers, rowHeightFor, shorten } from "../../client/charts/matrixLayout";
import {
  spreadGroups,
  spreadRowPositions,
  spreadValues,
  tierLabelPlacement,
} from "../../client/charts/spreadLayout";
import { aggregateEstimates } from "../../shared/estimation/aggregate";
import { defaultFramework } from "../../shared/estimation/defaults";
import type { RevealedRound, RoundView } from "../../shared/estimationView";
import type { HistoryPoint } from "../../shared/workshopExport";

const f = defaultFramework();

describe("matrix placement", () => {
  it("puts the most likely band on top and severity left to right", () => {
    const top = f.likelihoodBands.at(-1);
    const agg = aggregateEstimates(
      [{ probability: { low: 0.5, best: 0.6, high: 0.7 }, severity: { levelId: "catastrophic" } }],
      f,
    );
    expect(agg && top && agg.bandId).toBe(top?.id);
    expect(agg && cellOf(f, agg)).toEqual({ column: 4, row: 0 });
    const low = aggregateEstimates(
      [{ probability: { low: 1e-7, best: 1e-7, high: 1e-7 }, severity: { levelId: "limited" } }],
      f,
    );
    expect(low && cellOf(f, low)).toEqual({ column: 0, row: f.likelihoodBands.length - 1 });
  });
  it("centres a lone marker and spreads several in one cell without overlap", () => {
    const grid = { left: 100, top: 10, cellWidth: 120, cellHeight: 60, columns: 5, rows: 5 };
    const one = placeMarkers([{ key: "a", cell: { column: 1, row: 2 } }], grid);
    expect(one.get("a")).toEqual({ x: 280, y: 160 });
    const three = placeMarkers(
      ["a", "b", "c"].map((key) => ({ key, cell: { column: 0, row: 0 } })),
      grid,
    );
    const pts = [...three.values()];
    expect(pts).toHaveLength(3);
    for (const p of pts) {
      expect(p.x).toBeGreaterThan(100);
      expect(p.x).toBeLessThan(220);
      expect(p.y).toBeGreaterThan(10);
      expect(p.y).toBeLessThan(70);
    }
    const keys = new Set(pts.map((p) => `${p.x},${p.y}`));
    expect(keys.size).toBe(3);
  });
  it("keeps four markers sharing a matrix-sized cell a marker's width apart", () => {
    // The demo workshop's Unlikely × Severe cell: two before-mitigation and two residual markers (r = 11).
    const grid = { left: 190, top: 12, cellWidth: 143.6, cellHeight: 62, columns: 5, rows: 5 };
    const pts = [
      ...placeMarkers(
        ["a", "b", "c", "d"].map((key) => ({ key, cell: { column: 2, row: 2 } })),
        grid,
      ).values(),
    ];
    for (const [i, p] of pts.entries())
      for (const q of pts.slice(i + 1)) expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeGreaterThanOrEqual(26);
  });
  it("makes rows taller when one cell holds more lines of markers than fit", () => {
    const inOne = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ key: `k${i}`, cell: { column: 1, row: 1 } }));
    expect(rowHeightFor([], 62, 28)).toBe(62);
    expect(rowHeightFor(inOne(4), 62, 28)).toBe(62);
    expect(rowHeightFor(inOne(9), 62, 28)).toBe(84);
    const grid = { left: 0, top: 0, cellWidth: 143.6, cellHeight: 84, columns: 5, rows: 5 };
    const pts = [...placeMarkers(inOne(9), grid).values()];
    for (const [i, p] of pts.entries())
      for (const q of pts.slice(i + 1)) expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeGreaterThanOrEqual(26);
  });
  it("stops arrows short of the markers, and drops arrows too short to see", () => {
    expect(shorten({ x: 0, y: 0 }, { x: 100, y: 0 }, 10)).toEqual({ x: 90, y: 0 });
    expect(shorten({ x: 0, y: 0 }, { x: 15, y: 0 }, 10)).toBeNull();
  });
});

describe("spread plot tier label", () => {
  it("goes after the pooled range, else before it, never across it when there is room", () => {
    expect(tierLabelPlacement(300, 500, 100, 190, 900)).toEqual({ x: 510, anchor: "start" });
    // The demo's round 1: a range ending near the right edge; the label goes to its left.
    expect(tierLabelPlacement(570, 835, 100, 190, 900)).toEqual({ x: 560, anchor: "end" });
    expect(tierLabelPlacement(200, 880, 100, 190, 900)).toEqual({ x: 896, anchor: "end" });
  });
});

describe("spread plot rows", () => {
  const round = (id: string, number: number, kind: "pre" | "residual" = "pre"): RoundView => ({
    id,
    number,
    kind,
    scenarioIds: ["s1"],
    anonymous: true,
    state: "revealed",
    openedAt: "2026-01-01T00:00:00Z",
    submitted: {},
  });
  const est = (who: string, low: number, best: number, high: number) => ({
    who,
    probability: { low, best, high },
    severity: { levelId: "severe" },
    confidence: "medium" as const,
    rationale: "",
  });
  const revealed: Record<string, RevealedRound> = {
    r2: {
      estimates: { s1: [est("Expert A", 0.01, 0.05, 0.1), est("Expert B", 0.001, 0.002, 0.01)] },
      aggregates: {},
    },
    r1: { estimates: { s2: [est("Expert A", 0.1, 0.2, 0.3)] }, aggregates: {} },
  };
  it("keeps only rounds that revealed the scenario, in order, experts by best", () => {
    const groups = spreadGroups([round("r2", 2), round("r1", 1), round("r3", 3)], revealed, "s1");
    expect(groups.map((g) => g.roundNumber)).toEqual([2]);
    expect(groups[0]?.experts.map((e) => e.who)).toEqual(["Expert B", "Expert A"]);
    expect(spreadValues(groups)).toEqual([0.001, 0.01, 0.01, 0.1]);
  });
  it("stacks a header, the experts and the aggregate per round", () => {
    const groups = spreadGroups([round("r2", 2)], revealed, "s1");
    const { rows, bottom } = spreadRowPositions(groups, 30, 20, 10);
    expect(rows[0]?.map((r) => r.kind)).toEqual(["header", "expert", "expert"]);
    expect(rows[0]?.map((r) => r.y)).toEqual([40, 60, 80]);
    expect(bottom).toBe(90);
  });
});

describe("history geometry", () => {
  const point = (snapshotId: string, takenAt: string): HistoryPoint => ({
    snapshotId,
    label: snapshotId,
    takenAt,
    pre: null,
    residual: null,
  });
  it("orders the snapshot axis by time, each snapshot once", () => {
    const axis = snapshotAxis([
      {
        scenarioId: "a",
        label: "A",
        points: [point("s2", "2026-01-02T00:00:00Z"), point("s1", "2026-01-01T00:00:00Z")],
      },
      {
        scenarioId: "b",
        label: "B",
        points: [point("s1", "2026-01-01T00:00:00Z"), point("s3", "2026-01-03T00:00:00Z")],
      },
    ]);
    expect(axis.map((t) => t.snapshotId)).toEqual(["s1", "s2", "s3"]);
  });
  it("spreads slots across the width, a single one in the middle", () => {
    expect(slotX(0, 1, 0, 100)).toBe(50);
    expect([0, 1, 2].map((i) => slotX(i, 3, 0, 100))).toEqual([0, 50, 100]);
  });
  it("lifts the pen at gaps in lines and bands", () => {
    expect(linePath([{ x: 0, y: 1 }, { x: 10, y: 2 }, null, { x: 30, y: 4 }])).toBe("M0,1L10,2M30,4");
    expect(linePath([null, null])).toBe("");
    const bands = bandPaths([
      { x: 0, yLow: 10, yHigh: 5 },
      { x: 10, yLow: 12, yHigh: 6 },
      null,
      { x: 30, yLow: 9, yHigh: 3 },
    ]);
    expect(bands).toEqual(["M0,5L10,6L10,12L0,10Z", "M26,3L34,3L34,9L26,9Z"]);
  });
  it("shortens a rotated tick label that would run off the chart's left edge", () => {
    // The first slot of the history chart sits at x = 96: 26 characters at 11 px, rotated 35°, need ~136 px.
    expect(tickChars(96, 26, 11, 35)).toBe(17);
    expect(tickChars(600, 26, 11, 35)).toBe(26);
  });
  it("truncates long labels with an ellipsis", () => {
    expect(truncate("short", 10)).toBe("short");
    expect(truncate("Round 3 revealed automatically", 10)).toBe("Round 3 r…");
  });
});

describe("fitting labels", () => {
  it("splits a band label into its name and its parenthesised detail", () => {
    expect(splitLabel("Very unlikely (1 in 10,000 – 1 in 1,000)")).toEqual({
      name: "Very unlikely",
      detail: "1 in 10,000 – 1 in 1,000",
    });
    expect(splitLabel("Rare")).toEqual({ name: "Rare", detail: "" });
  });
  it("keeps the whole label where it fits, else the name, else nothing", () => {
    expect(fitLabel("Likely (1 in 10 or more)", 400)).toBe("Likely (1 in 10 or more)");
    expect(fitLabel("Likely (1 in 10 or more)", 60)).toBe("Likely");
    expect(fitLabel("Likely (1 in 10 or more)", 10)).toBe("");
  });
});

describe("matrix arrows", () => {
  it("curves from one marker to the other, stopped short of both", () => {
    const d = arrowPath({ x: 0, y: 0 }, { x: 100, y: 0 }, 10);
    expect(d).toMatch(/^M[\d.]+,[\d.]+Q50,18 [\d.]+,[\d.]+$/);
    expect(arrowPath({ x: 0, y: 0 }, { x: 5, y: 0 }, 10)).toBeNull();
  });
});
