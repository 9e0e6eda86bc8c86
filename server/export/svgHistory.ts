/**
 * A scenario's risk history as inline SVG: the snapshots in order along the bottom (their labels on
 * the axis), the pooled probability on a log scale (estimates span orders of magnitude), the best
 * estimate as a line with its low–high range as a bar, each point in the colour of its tier. The
 * likelihood bands' boundaries are drawn faintly, since they decide the tier.
 */
import type { Framework } from "../../shared/estimation/framework";
import type { HistoryPoint, StandingPoint } from "../../shared/workshopExport";
import { formatProbability } from "./format";
import { esc } from "./htmlText";

const W = 680;
const H = 260;
const PAD = { left: 64, right: 120, top: 24, bottom: 70 };
const SERIES = {
  pre: { stroke: "#2f5d9e", dash: "", name: "before mitigation" },
  residual: { stroke: "#7a3e9d", dash: "5 4", name: "residual" },
} as const;

export function historySvg(
  f: Framework,
  axis: ReadonlyArray<{ id: string; label: string }>,
  points: readonly HistoryPoint[],
  title: string,
): string {
  const all = points.flatMap((p) => [p.pre, p.residual]).filter((x): x is StandingPoint => x !== null);
  if (all.length === 0 || axis.length === 0) return "";
  const lo = Math.floor(Math.log10(Math.max(1e-9, Math.min(...all.map((p) => p.low)))));
  const hi = Math.min(0, Math.ceil(Math.log10(Math.max(...all.map((p) => p.high)))));
  const top = hi > lo ? hi : lo + 1;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (axis.length === 1 ? plotW / 2 : (i * plotW) / (axis.length - 1));
  const y = (p: number) => PAD.top + ((top - Math.log10(Math.max(p, 10 ** lo))) / (top - lo)) * plotH;
  const at = new Map(axis.map((a, i) => [a.id, i]));
  const parts: string[] = [];
  const step = top - lo > 8 ? 2 : 1;
  for (let k = lo; k <= top; k += step) {
    parts.push(
      `<line x1="${PAD.left}" x2="${PAD.left + plotW}" y1="${y(10 ** k)}" y2="${y(10 ** k)}" stroke="#e3e6eb"/>`,
      text(PAD.left - 6, y(10 ** k) + 4, formatProbability(10 ** k), "end"),
    );
  }
  for (const band of f.likelihoodBands) {
    if (band.lower <= 10 ** lo || band.lower >= 10 ** top) continue;
    const by = y(band.lower);
    parts.push(
      `<line x1="${PAD.left}" x2="${PAD.left + plotW}" y1="${by}" y2="${by}" stroke="#9aa3b2" stroke-dasharray="2 3"/>`,
      // The band's name sits just above its lower bound: the region it names.
      text(PAD.left + plotW + 6, by - 3, band.label.replace(/\s*\(.*\)\s*$/, "") || band.label, "start", 10),
    );
  }
  axis.forEach((a, i) => {
    const short = a.label.length > 22 ? `${a.label.slice(0, 21)}…` : a.label;
    parts.push(
      `<text transform="translate(${x(i)},${PAD.top + plotH + 14}) rotate(30)" text-anchor="start" font-size="10" fill="#1d2330"><title>${esc(a.label)}</title>${esc(short)}</text>`,
    );
  });
  for (const kind of ["pre", "residual"] as const) {
    const series = points.flatMap((p) => {
      const s = p[kind];
      const i = at.get(p.snapshotId);
      return s && i !== undefined ? [{ i, s, label: p.label }] : [];
    });
    if (series.length === 0) continue;
    const { stroke, dash } = SERIES[kind];
    const path = series.map((d, j) => `${j === 0 ? "M" : "L"}${x(d.i)},${y(d.s.best)}`).join(" ");
    parts.push(
      `<path d="${path}" fill="none" stroke="${stroke}" stroke-width="2" stroke-dasharray="${dash}"/>`,
    );
    for (const d of series) {
      const tip = `${d.label}, ${SERIES[kind].name}: ${formatProbability(d.s.best)} (${formatProbability(d.s.low)}–${formatProbability(d.s.high)}), ${d.s.tier?.name ?? "no tier"}`;
      const fill = d.s.tier?.colour ?? "#ffffff";
      const cx = x(d.i);
      const shape =
        kind === "pre"
          ? `<circle cx="${cx}" cy="${y(d.s.best)}" r="5" fill="${esc(fill)}" stroke="#1d2330"/>`
          : `<rect x="${cx - 4.5}" y="${y(d.s.best) - 4.5}" width="9" height="9" fill="${esc(fill)}" stroke="#1d2330"/>`;
      parts.push(
        `<g><title>${esc(tip)}</title><line x1="${cx}" x2="${cx}" y1="${y(d.s.low)}" y2="${y(d.s.high)}" stroke="${stroke}" stroke-width="1.5"/>${shape}</g>`,
      );
    }
  }
  parts.push(
    `<line x1="${PAD.left}" x2="${PAD.left + 24}" y1="10" y2="10" stroke="${SERIES.pre.stroke}" stroke-width="2"/>`,
    text(PAD.left + 30, 14, SERIES.pre.name, "start"),
    `<line x1="${PAD.left + 160}" x2="${PAD.left + 184}" y1="10" y2="10" stroke="${SERIES.residual.stroke}" stroke-width="2" stroke-dasharray="5 4"/>`,
    text(PAD.left + 190, 14, `${SERIES.residual.name}; bars: low–high; colour: tier`, "start"),
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(`Risk history of ${title}`)}">${parts.join("")}</svg>`;
}

function text(x: number, y: number, content: string, anchor: "start" | "middle" | "end", size = 11): string {
  return `<text x="${x}" y="${y}" text-anchor="${anchor}" font-size="${size}" fill="#1d2330">${esc(content)}</text>`;
}
