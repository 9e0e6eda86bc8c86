/**
 * The risk matrix as inline SVG: likelihood bands up the side (most likely on top), severity levels
 * along the bottom, each cell in its tier's colour, and every scenario placed in the cell of its
 * latest aggregate: an outlined marker before mitigation, a filled one after.
 */
import type { Framework } from "../../shared/estimation/framework";
import { formatProbability } from "./format";
import { esc } from "./htmlText";

export interface MatrixMarker {
  code: string;
  title: string;
  kind: "pre" | "residual";
  bandId: string;
  levelId: string;
}

const LEFT = 170;
const TOP = 10;
const CELL_W = 112;
const CELL_H = 62;
const R = 11;
const GAP = 26;

export function riskMatrixSvg(f: Framework, markers: readonly MatrixMarker[]): string {
  const bands = [...f.likelihoodBands].reverse();
  const levels = f.severityLevels;
  const width = LEFT + levels.length * CELL_W + 10;
  const gridBottom = TOP + bands.length * CELL_H;
  const height = gridBottom + 90;
  const parts: string[] = [];
  bands.forEach((band, row) => {
    const y = TOP + row * CELL_H;
    parts.push(
      label(LEFT - 8, y + CELL_H / 2 - 4, band.label, "end", 600, shortName(band.label)),
      label(
        LEFT - 8,
        y + CELL_H / 2 + 11,
        `${formatProbability(band.lower)}–${formatProbability(band.upper)}`,
        "end",
      ),
    );
    levels.forEach((level, col) => {
      const x = LEFT + col * CELL_W;
      const tier = f.tiers.find((t) => t.id === f.matrix[band.id]?.[level.id]);
      parts.push(
        `<rect x="${x}" y="${y}" width="${CELL_W}" height="${CELL_H}" fill="${esc(tier?.colour ?? "#ffffff")}" fill-opacity="0.35" stroke="#ffffff" stroke-width="2"><title>${esc(`${band.label} × ${level.name}: ${tier?.name ?? "no tier"}`)}</title></rect>`,
      );
      const here = markers.filter((m) => m.bandId === band.id && m.levelId === level.id);
      parts.push(...cellMarkers(x, y, here));
    });
  });
  levels.forEach((level, col) => {
    parts.push(label(LEFT + col * CELL_W + CELL_W / 2, gridBottom + 16, level.name, "middle", 600));
  });
  const key = legend(f, gridBottom + 56);
  parts.push(label(LEFT + (levels.length * CELL_W) / 2, gridBottom + 36, "Severity", "middle", 600), key.svg);
  const fullWidth = Math.max(width, key.right + 10);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${fullWidth} ${height}" width="${fullWidth}" height="${height}" role="img" aria-label="Risk matrix with the scenarios placed">${parts.join("")}</svg>`;
}

function cellMarkers(x: number, y: number, here: readonly MatrixMarker[]): string[] {
  const perRow = Math.floor((CELL_W - 8) / GAP);
  const room = perRow * 2;
  const shown = here.length > room ? here.slice(0, room - 1) : here;
  const out = shown.map((m, i) =>
    marker(x + 6 + R + (i % perRow) * GAP, y + 6 + R + Math.floor(i / perRow) * GAP, m),
  );
  if (shown.length < here.length) {
    const i = shown.length;
    out.push(
      label(
        x + 6 + R + (i % perRow) * GAP,
        y + 10 + R + Math.floor(i / perRow) * GAP,
        `+${here.length - shown.length}`,
        "middle",
        600,
      ),
    );
  }
  return out;
}

function marker(cx: number, cy: number, m: MatrixMarker): string {
  const filled = m.kind === "residual";
  return `<g><title>${esc(`${m.code} ${m.title} (${filled ? "residual" : "pre-mitigation"})`)}</title><circle cx="${cx}" cy="${cy}" r="${R}" fill="${filled ? "#1d2330" : "#ffffff"}" stroke="#1d2330" stroke-width="1.5"/><text x="${cx}" y="${cy + 3.5}" text-anchor="middle" font-size="9.5" font-weight="600" fill="${filled ? "#ffffff" : "#1d2330"}">${esc(m.code)}</text></g>`;
}

function legend(f: Framework, y: number): { svg: string; right: number } {
  const items: string[] = [
    marker(LEFT + R, y, { code: "S", title: "", kind: "pre", bandId: "", levelId: "" }),
    label(LEFT + 2 * R + 6, y + 4, "before mitigation", "start"),
    marker(LEFT + 150, y, { code: "S", title: "", kind: "residual", bandId: "", levelId: "" }),
    label(LEFT + 150 + R + 6, y + 4, "residual", "start"),
  ];
  let x = LEFT + 240;
  for (const t of f.tiers) {
    items.push(
      `<rect x="${x}" y="${y - 7}" width="14" height="14" fill="${esc(t.colour)}" fill-opacity="0.6" stroke="#1d2330" stroke-width="0.5"/>`,
      label(x + 19, y + 4, t.name, "start", 400, t.name.length > 28 ? `${t.name.slice(0, 27)}…` : t.name),
    );
    // About 6.5 px per character at 11 px: enough to keep swatches from overlapping.
    x += 19 + Math.min(28, t.name.length) * 6.5 + 18;
  }
  return { svg: items.join(""), right: x };
}

/** "Likely (1 in 10 or more)" → "Likely": the range is drawn on its own line. */
function shortName(text: string): string {
  const name = text.replace(/\s*\(.*\)\s*$/, "");
  const base = name || text;
  return base.length > 22 ? `${base.slice(0, 21)}…` : base;
}

/** Labels are cut to fit their cell; the full text stays in a tooltip. */
function label(
  x: number,
  y: number,
  text: string,
  anchor: "start" | "middle" | "end",
  weight = 400,
  shown = text.length > 20 ? `${text.slice(0, 19)}…` : text,
): string {
  return `<text x="${x}" y="${y}" text-anchor="${anchor}" font-size="11" font-weight="${weight}" fill="#1d2330"><title>${esc(text)}</title>${esc(shown)}</text>`;
}
