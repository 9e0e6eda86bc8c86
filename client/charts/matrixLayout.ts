/** Where scenarios sit in the risk matrix: cells by band and severity level, spread out when they share one. Pure. */
import type { ScenarioAggregate } from "../../shared/estimation/aggregate";
import { bandFor } from "../../shared/estimation/aggregate";
import type { Framework } from "../../shared/estimation/framework";

export interface MatrixGrid {
  /** Top-left of the cells. */
  left: number;
  top: number;
  cellWidth: number;
  cellHeight: number;
  columns: number;
  rows: number;
}

export interface Cell {
  /** Severity level index, least severe first (left). */
  column: number;
  /** Row from the top: the most likely band is row 0. */
  row: number;
}

/** The cell of an aggregate: its median severity level and the band of its pooled best probability. */
export function cellOf(f: Framework, aggregate: ScenarioAggregate): Cell | null {
  const levelId = aggregate.severity.levelId;
  const column = f.severityLevels.findIndex((l) => l.id === levelId);
  const band = bandFor(f, aggregate.probability.best);
  const bandIndex = band ? f.likelihoodBands.indexOf(band) : -1;
  if (column < 0 || bandIndex < 0) return null;
  return { column, row: f.likelihoodBands.length - 1 - bandIndex };
}

export interface Marker {
  key: string;
  cell: Cell;
}

export interface Point {
  x: number;
  y: number;
}

/** How many lines of markers `placeMarkers` uses for `n` markers sharing one cell. */
const linesFor = (n: number): number => (n === 0 ? 0 : Math.ceil(n / Math.ceil(Math.sqrt(n))));

/**
 * The row height that keeps markers sharing a cell apart: `base`, or taller when the fullest cell
 * needs more lines than fit, `span` (a marker's diameter plus a gap) per line.
 */
export function rowHeightFor(markers: readonly Marker[], base: number, span: number): number {
  const perCell = new Map<string, number>();
  for (const m of markers) {
    const id = `${m.cell.row}:${m.cell.column}`;
    perCell.set(id, (perCell.get(id) ?? 0) + 1);
  }
  const lines = Math.max(0, ...[...perCell.values()].map(linesFor));
  return Math.max(base, lines * span);
}

/**
 * Each marker's centre. Markers alone in a cell sit at its centre; several in one cell are laid out
 * on a small grid inside it (in the given order), so none hides another.
 */
export function placeMarkers(markers: readonly Marker[], grid: MatrixGrid): Map<string, Point> {
  const byCell = new Map<string, Marker[]>();
  for (const m of markers) {
    const id = `${m.cell.row}:${m.cell.column}`;
    byCell.set(id, [...(byCell.get(id) ?? []), m]);
  }
  const out = new Map<string, Point>();
  for (const group of byCell.values()) {
    const n = group.length;
    const perRow = Math.ceil(Math.sqrt(n));
    const lines = linesFor(n);
    group.forEach((m, i) => {
      const cx = grid.left + m.cell.column * grid.cellWidth;
      const cy = grid.top + m.cell.row * grid.cellHeight;
      const line = Math.floor(i / perRow);
      // The last line may be short: centre it.
      const inLine = line === lines - 1 ? n - line * perRow : perRow;
      const slot = i - line * perRow;
      // Lines share the cell's height equally (centres half a share from the edges): a cell is
      // short, and spacing by height / (lines + 1) put two lines of markers on top of each other.
      out.set(m.key, {
        x: cx + ((slot + 1) * grid.cellWidth) / (inLine + 1),
        y: cy + ((line + 0.5) * grid.cellHeight) / lines,
      });
    });
  }
  return out;
}

/** The end of an arrow from `from` towards `to`, stopped `gap` short so it does not cover the marker. */
export function shorten(from: Point, to: Point, gap: number): Point | null {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  if (length <= gap * 2) return null;
  return { x: to.x - (dx / length) * gap, y: to.y - (dy / length) * gap };
}

/**
 * A gently curved arrow from one marker to another, stopped short of both; curved so that an arrow
 * along a row or column does not run through the markers between its ends. Null when too short.
 */
export function arrowPath(from: Point, to: Point, gap: number, bend = 0.18): string | null {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  if (Math.hypot(dx, dy) <= gap * 2) return null;
  const c = { x: (from.x + to.x) / 2 - dy * bend, y: (from.y + to.y) / 2 + dx * bend };
  const start = shorten(c, from, gap) ?? from;
  const end = shorten(c, to, gap) ?? to;
  const r = (n: number) => Math.round(n * 10) / 10;
  return `M${r(start.x)},${r(start.y)}Q${r(c.x)},${r(c.y)} ${r(end.x)},${r(end.y)}`;
}
