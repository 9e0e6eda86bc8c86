/**
 * Where a risk's tier-timeline forecast is drawn: one row per expert (P10–P90 with the P50) and the
 * pooled forecast last, on a time axis in whole years. Pure geometry, shared by the room's chart and
 * the report's SVG so both draw the same picture.
 */
import type { RevealedForecast, TimelineAggregate } from "./timeline";

export const TIMELINE_WIDTH = 680;
export const TIMELINE_ROW = 26;
export const TIMELINE_PAD = { left: 150, right: 24, top: 14, bottom: 32 };

export interface TimelineRow {
  label: string;
  /** The label as drawn: at most 20 characters. */
  short: string;
  pooled: boolean;
  /** Its tooltip: the three dates. */
  tip: string;
  /** Centre line of the row, and the x of its P10, P50 and P90. */
  cy: number;
  p10: number;
  p50: number;
  p90: number;
}

export interface TimelineLayout {
  width: number;
  height: number;
  rows: TimelineRow[];
  /** Each year gridline: its label and x. */
  years: Array<{ year: number; x: number }>;
}

const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

export function timelineLayout(
  forecasts: readonly RevealedForecast[],
  pooled: TimelineAggregate,
): TimelineLayout {
  const PAD = TIMELINE_PAD;
  const entries = [
    ...forecasts.map((f) => ({ label: f.who, f, pooled: false })),
    { label: "Pooled", f: pooled, pooled: true },
  ];
  const days = entries.flatMap((r) => [dayOf(r.f.p10), dayOf(r.f.p90)]);
  const firstYear = new Date(Math.min(...days) * 86_400_000).getUTCFullYear();
  const lastYear = new Date(Math.max(...days) * 86_400_000).getUTCFullYear() + 1;
  const lo = dayOf(`${firstYear}-01-01`);
  const hi = dayOf(`${lastYear}-01-01`);
  const height = PAD.top + entries.length * TIMELINE_ROW + PAD.bottom;
  const x = (iso: string) =>
    PAD.left + ((dayOf(iso) - lo) / (hi - lo)) * (TIMELINE_WIDTH - PAD.left - PAD.right);
  const step = Math.max(1, Math.ceil((lastYear - firstYear) / 10));
  const years: TimelineLayout["years"] = [];
  for (let year = firstYear; year <= lastYear; year += step) years.push({ year, x: x(`${year}-01-01`) });
  const rows = entries.map((r, i) => ({
    label: r.label,
    short: r.label.length > 20 ? `${r.label.slice(0, 19)}…` : r.label,
    pooled: r.pooled,
    tip: `${r.label}: P10 ${r.f.p10}, P50 ${r.f.p50}, P90 ${r.f.p90}`,
    cy: PAD.top + i * TIMELINE_ROW + TIMELINE_ROW / 2,
    p10: x(r.f.p10),
    p50: x(r.f.p50),
    p90: x(r.f.p90),
  }));
  return { width: TIMELINE_WIDTH, height, rows, years };
}
