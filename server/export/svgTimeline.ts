/**
 * A risk's tier-timeline forecast as inline SVG: a time axis in years; each expert's P10–P90 as a
 * thin bar with their P50 as a dot, and the pooled forecast (quantile average) as a thick bar with
 * its P50 marked, on the last row. The geometry is the room chart's (shared/timelineLayout.ts);
 * every label is escaped.
 */
import type { RevealedForecast, TimelineAggregate } from "../../shared/timeline";
import { TIMELINE_PAD as PAD, timelineLayout } from "../../shared/timelineLayout";
import { esc } from "./htmlText";

export function timelineSvg(
  forecasts: readonly RevealedForecast[],
  pooled: TimelineAggregate,
  title: string,
): string {
  const { width: W, height: H, rows, years } = timelineLayout(forecasts, pooled);
  const parts: string[] = [];
  for (const { year, x } of years) {
    parts.push(
      `<line x1="${x}" x2="${x}" y1="${PAD.top}" y2="${H - PAD.bottom}" stroke="#e3e6eb"/>`,
      `<text x="${x}" y="${H - PAD.bottom + 16}" text-anchor="middle" font-size="10" fill="#1d2330">${year}</text>`,
    );
  }
  for (const r of rows) {
    const { cy, p10: a, p50: m, p90: b } = r;
    const bar = r.pooled
      ? `<rect x="${a}" y="${cy - 6}" width="${Math.max(1, b - a)}" height="12" fill="#2f5d9e" opacity="0.35"/><line x1="${m}" x2="${m}" y1="${cy - 9}" y2="${cy + 9}" stroke="#1d2330" stroke-width="3"/>`
      : `<line x1="${a}" x2="${b}" y1="${cy}" y2="${cy}" stroke="#2f5d9e" stroke-width="2"/><circle cx="${m}" cy="${cy}" r="4.5" fill="#ffffff" stroke="#1d2330"/>`;
    parts.push(
      `<text x="${PAD.left - 8}" y="${cy + 4}" text-anchor="end" font-size="11" fill="#1d2330"${r.pooled ? ' font-weight="bold"' : ""}>${esc(r.short)}</text>`,
      `<g><title>${esc(r.tip)}</title>${bar}</g>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(`Timeline forecast for ${title}`)}">${parts.join("")}</svg>`;
}
