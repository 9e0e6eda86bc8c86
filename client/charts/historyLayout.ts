/** The history chart's geometry: the snapshot axis, broken lines and low–high bands. Pure. */
import type { HistoryPoint } from "../../shared/workshopExport";

export interface HistorySeries {
  scenarioId: string;
  /** What the legend calls it, e.g. "3. Insider exfiltrates weights". */
  label: string;
  /** One point per snapshot, oldest first. */
  points: readonly HistoryPoint[];
}

export interface SnapshotTick {
  snapshotId: string;
  label: string;
  takenAt: string;
}

/** Every snapshot any series has a point for, oldest first (ties by id), each once. */
export function snapshotAxis(series: readonly HistorySeries[]): SnapshotTick[] {
  const seen = new Map<string, SnapshotTick>();
  for (const s of series)
    for (const p of s.points)
      if (!seen.has(p.snapshotId))
        seen.set(p.snapshotId, { snapshotId: p.snapshotId, label: p.label, takenAt: p.takenAt });
  return [...seen.values()].sort((a, b) =>
    a.takenAt === b.takenAt ? a.snapshotId.localeCompare(b.snapshotId) : a.takenAt.localeCompare(b.takenAt),
  );
}

/** x of each of `count` slots spread across [from, to]; one slot sits in the middle. */
export function slotX(index: number, count: number, from: number, to: number): number {
  if (count <= 1) return (from + to) / 2;
  return from + (index * (to - from)) / (count - 1);
}

export interface XY {
  x: number;
  y: number;
}

/** An SVG path through the points, lifting the pen at each gap (null) so a missing standing is not bridged. */
export function linePath(points: ReadonlyArray<XY | null>): string {
  let d = "";
  let pen = false;
  for (const p of points) {
    if (!p) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${round(p.x)},${round(p.y)}`;
    pen = true;
  }
  return d;
}

export interface BandSlice {
  x: number;
  yLow: number;
  yHigh: number;
}

/**
 * One closed polygon per run of consecutive slices: along the highs, back along the lows. A lone
 * slice becomes a bar `halfWidth` either side, so an isolated point still shows its range.
 */
export function bandPaths(slices: ReadonlyArray<BandSlice | null>, halfWidth = 4): string[] {
  const runs: BandSlice[][] = [];
  let run: BandSlice[] = [];
  for (const s of slices) {
    if (s) run.push(s);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs.map((r) => {
    const only = r.length === 1 ? r[0] : undefined;
    if (only) {
      const [x0, x1] = [round(only.x - halfWidth), round(only.x + halfWidth)];
      return `M${x0},${round(only.yHigh)}L${x1},${round(only.yHigh)}L${x1},${round(only.yLow)}L${x0},${round(only.yLow)}Z`;
    }
    const top = r.map((s, i) => `${i === 0 ? "M" : "L"}${round(s.x)},${round(s.yHigh)}`).join("");
    const back = [...r]
      .reverse()
      .map((s) => `L${round(s.x)},${round(s.yLow)}`)
      .join("");
    return `${top}${back}Z`;
  });
}

/** A label cut to `max` characters with an ellipsis. */
/**
 * How many characters of a tick label, rotated `degrees` and ending at `x`, fit left of the chart's
 * edge: at most `max`. The first snapshot sits close to the left, and a long label ran off the chart.
 */
export function tickChars(x: number, max: number, fontSize: number, degrees: number): number {
  const perChar = fontSize * 0.58 * Math.cos((degrees * Math.PI) / 180);
  return Math.max(6, Math.min(max, Math.floor((x - 2) / perChar)));
}

export function truncate(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, Math.max(1, max - 1))}…`;
}

const round = (n: number) => Math.round(n * 10) / 10;
