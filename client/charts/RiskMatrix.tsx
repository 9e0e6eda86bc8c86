/** The locked framework's risk matrix as a heatmap, with each scenario at its aggregate and an arrow to its residual. */
import type { ScenarioAggregate } from "../../shared/estimation/aggregate";
import type { Framework } from "../../shared/estimation/framework";
import { formatProbability, formatRange } from "../estimationFormat";
import { textColourOn } from "./colour";
import { splitLabel } from "./labels";
import { MatrixLegend } from "./MatrixLegend";
import { arrowPath, cellOf, type Marker, type MatrixGrid, placeMarkers, rowHeightFor } from "./matrixLayout";

export interface MatrixItem {
  number: number;
  scenarioId: string;
  title: string;
  pre: ScenarioAggregate | null;
  residual: ScenarioAggregate | null;
}

const WIDTH = 920;
const LEFT = 190;
const TOP = 12;
const RIGHT = 12;
const BOTTOM = 64;
const BASE_ROW_HEIGHT = 62;
const R = 11;

function describe(f: Framework, a: ScenarioAggregate): string {
  const level = f.severityLevels.find((l) => l.id === a.severity.levelId)?.name ?? "no severity";
  return `${formatRange(a.probability)}, ${level}, tier ${a.tier?.name ?? "none"}`;
}

export function RiskMatrix({ framework: f, items }: { framework: Framework; items: readonly MatrixItem[] }) {
  const rows = f.likelihoodBands.length;
  const columns = f.severityLevels.length;
  const bandsTopDown = [...f.likelihoodBands].reverse();
  const period = f.likelihoodBands[0]?.period ?? "";

  const markers: Marker[] = [];
  for (const item of items) {
    const pre = item.pre && cellOf(f, item.pre);
    const residual = item.residual && cellOf(f, item.residual);
    if (pre) markers.push({ key: `${item.scenarioId}:pre`, cell: pre });
    if (residual) markers.push({ key: `${item.scenarioId}:residual`, cell: residual });
  }
  // Rows grow when a crowded cell needs a third line of markers, so none sits on another.
  const rowHeight = rowHeightFor(markers, BASE_ROW_HEIGHT, 2 * R + 6);
  const grid: MatrixGrid = {
    left: LEFT,
    top: TOP,
    columns,
    rows,
    cellWidth: (WIDTH - LEFT - RIGHT) / columns,
    cellHeight: rowHeight,
  };
  const height = TOP + rows * rowHeight + BOTTOM;
  const at = placeMarkers(markers, grid);
  const placed = items.filter((i) => at.has(`${i.scenarioId}:pre`) || at.has(`${i.scenarioId}:residual`));
  const summary =
    `Risk matrix, ${rows} likelihood bands by ${columns} severity levels. ` +
    (placed.length === 0
      ? "No scenario estimated yet."
      : placed
          .map((i) => {
            const parts = [
              i.pre && `before mitigation ${describe(f, i.pre)}`,
              i.residual && `residual ${describe(f, i.residual)}`,
            ];
            return `${i.number}. ${i.title}: ${parts.filter(Boolean).join("; ")}`;
          })
          .join(". "));

  return (
    <figure className="chart risk-matrix">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={summary} className="chart-svg">
        <defs>
          <marker
            id="matrix-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill="#1d2330" />
          </marker>
        </defs>
        {bandsTopDown.map((band, row) => (
          <g key={band.id}>
            {f.severityLevels.map((level, column) => {
              const tier = f.tiers.find((t) => t.id === f.matrix[band.id]?.[level.id]);
              return (
                <rect
                  key={level.id}
                  x={LEFT + column * grid.cellWidth}
                  y={TOP + row * rowHeight}
                  width={grid.cellWidth}
                  height={rowHeight}
                  fill={tier?.colour ?? "#eeeeee"}
                  stroke="#ffffff"
                  strokeWidth={2}
                >
                  <title>{`${band.label} × ${level.name}: ${tier?.name ?? "no tier"}`}</title>
                </rect>
              );
            })}
            <text
              x={LEFT - 10}
              y={TOP + row * rowHeight + rowHeight / 2 - 4}
              textAnchor="end"
              className="chart-label"
            >
              <title>{`${band.label}: ${formatProbability(band.lower)}–${formatProbability(band.upper)} ${period}`}</title>
              {splitLabel(band.label).name}
            </text>
            <text
              x={LEFT - 10}
              y={TOP + row * rowHeight + rowHeight / 2 + 12}
              textAnchor="end"
              className="chart-tick"
            >
              {splitLabel(band.label).detail ||
                `${formatProbability(band.lower)}–${formatProbability(band.upper)}`}
            </text>
          </g>
        ))}
        {f.severityLevels.map((level, column) => (
          <text
            key={level.id}
            x={LEFT + (column + 0.5) * grid.cellWidth}
            y={TOP + rows * rowHeight + 18}
            textAnchor="middle"
            className="chart-label"
          >
            {level.name}
          </text>
        ))}
        <text
          x={LEFT + (WIDTH - LEFT - RIGHT) / 2}
          y={height - 10}
          textAnchor="middle"
          className="chart-axis-title"
        >
          Severity →
        </text>
        <text
          transform={`translate(16 ${TOP + (rows * rowHeight) / 2}) rotate(-90)`}
          textAnchor="middle"
          className="chart-axis-title"
        >
          Probability {period} →
        </text>
        {placed.map((item) => {
          const from = at.get(`${item.scenarioId}:pre`);
          const to = at.get(`${item.scenarioId}:residual`);
          const d = from && to ? arrowPath(from, to, R + 3) : null;
          return d ? (
            <path
              key={`${item.scenarioId}:arrow`}
              d={d}
              fill="none"
              stroke="#1d2330"
              strokeWidth={1.5}
              markerEnd="url(#matrix-arrow)"
            />
          ) : null;
        })}
        {placed.flatMap((item) =>
          (["pre", "residual"] as const).map((kind) => {
            const p = at.get(`${item.scenarioId}:${kind}`);
            const aggregate = item[kind];
            if (!p || !aggregate) return null;
            const fill = kind === "pre" ? "#1d2330" : "#ffffff";
            return (
              <g key={`${item.scenarioId}:${kind}`} className="matrix-marker">
                <title>{`${item.number}. ${item.title} (${kind === "pre" ? "before mitigation" : "residual"}): ${describe(f, aggregate)}`}</title>
                <circle
                  cx={p.x}
                  cy={p.y}
                  r={R}
                  fill={fill}
                  stroke={kind === "pre" ? "#ffffff" : "#1d2330"}
                  strokeWidth={1.5}
                  strokeDasharray={kind === "residual" ? "3 2" : undefined}
                />
                <text
                  x={p.x}
                  y={p.y + 4}
                  textAnchor="middle"
                  className="matrix-marker-label"
                  fill={textColourOn(fill)}
                >
                  {item.number}
                </text>
              </g>
            );
          }),
        )}
      </svg>
      <MatrixLegend framework={f} items={placed} />
    </figure>
  );
}
