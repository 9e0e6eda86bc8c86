/**
 * A risk's tier-timeline forecast as inline SVG: a time axis in years; each expert's P10–P90 as a
 * thin bar with their P50 as a dot, and the pooled forecast (quantile average) as a thick bar with
 * its P50 marked, on the last row. Every label is escaped.
 */
import type { RevealedForecast, TimelineAggregate } from "../../shared/timeline";
import { esc } from "./htmlText";

const W = 680;
const ROW = 26;
const PAD = { left: 150, right: 24, top: 16, bottom: 34 };

const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

export function timelineSvg(
  forecasts: readonly RevealedForecast[],
  pooled: TimelineAggregate,
  title: string,
): string {
  const rows = [
    ...forecasts.map((f) => ({ label: f.who, f, pooled: false })),
    { label: "Pooled", f: pooled, pooled: true },
  ];
  const days = rows.flatMap((r) => [dayOf(r.f.p10), dayOf(r.f.p90)]);
  const firstYear = new Date(Math.min(...days) * 86_400_000).getUTCFullYear();
  const lastYear = new Date(Math.max(...days) * 86_400_000).getUTCFullYear() + 1;
  const lo = dayOf(`${firstYear}-01-01`);
  const hi = dayOf(`${lastYear}-01-01`);
  const plotW = W - PAD.left - PAD.right;
  const H = PAD.top + rows.length * ROW + PAD.bottom;
  const x = (day: number) => PAD.left + ((day - lo) / (hi - lo)) * plotW;
  const parts: string[] = [];
  const step = Math.max(1, Math.ceil((lastYear - firstYear) / 10));
  for (let y = firstYear; y <= lastYear; y += step) {
    const gx = x(dayOf(`${y}-01-01`));
    parts.push(
      `<line x1="${gx}" x2="${gx}" y1="${PAD.top}" y2="${H - PAD.bottom}" stroke="#e3e6eb"/>`,
      `<text x="${gx}" y="${H - PAD.bottom + 16}" text-anchor="middle" font-size="10" fill="#1d2330">${y}</text>`,
    );
  }
  rows.forEach((r, i) => {
    const cy = PAD.top + i * ROW + ROW / 2;
    const [a, m, b] = [dayOf(r.f.p10), dayOf(r.f.p50), dayOf(r.f.p90)].map(x) as [number, number, number];
    const tip = `${r.label}: P10 ${r.f.p10}, P50 ${r.f.p50}, P90 ${r.f.p90}`;
    const bar = r.pooled
      ? `<rect x="${a}" y="${cy - 6}" width="${Math.max(1, b - a)}" height="12" fill="#2f5d9e" opacity="0.35"/><line x1="${m}" x2="${m}" y1="${cy - 9}" y2="${cy + 9}" stroke="#1d2330" stroke-width="3"/>`
      : `<line x1="${a}" x2="${b}" y1="${cy}" y2="${cy}" stroke="#2f5d9e" stroke-width="2"/><circle cx="${m}" cy="${cy}" r="4.5" fill="#ffffff" stroke="#1d2330"/>`;
    const short = r.label.length > 20 ? `${r.label.slice(0, 19)}…` : r.label;
    parts.push(
      `<text x="${PAD.left - 8}" y="${cy + 4}" text-anchor="end" font-size="11" fill="#1d2330"${r.pooled ? ' font-weight="bold"' : ""}>${esc(short)}</text>`,
      `<g><title>${esc(tip)}</title>${bar}</g>`,
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(`Timeline forecast for ${title}`)}">${parts.join("")}</svg>`;
}
