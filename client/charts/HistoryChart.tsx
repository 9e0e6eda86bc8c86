/**
 * The risk history over snapshots: per scenario, its aggregate best probability as a line with a
 * low–high band, points coloured by tier; before mitigation solid, residual dashed. Reused by the
 * register (several scenarios), the scenario view and the snapshots view.
 */
import type { Framework } from "../../shared/estimation/framework";
import type { StandingPoint } from "../../shared/workshopExport";
import { formatRange } from "../estimationFormat";
import { formatDateTime } from "../format";
import { seriesColour } from "./colour";
import {
  bandPaths,
  type HistorySeries,
  linePath,
  slotX,
  snapshotAxis,
  tickChars,
  truncate,
} from "./historyLayout";
import { logDomain, logPosition, logTicks } from "./logScale";
import { TierChip } from "./TierChip";

export type { HistorySeries } from "./historyLayout";

export interface HistoryChartProps {
  /** One per scenario, each with one point per snapshot (GET /api/workshops/:id/history). */
  series: readonly HistorySeries[];
  /** For the tier legend; points take their colour from their own tier. */
  framework: Framework | null;
  /** Names the chart for screen readers, e.g. "Risk history of all scenarios". */
  title?: string;
}

const WIDTH = 920;
const LEFT = 72;
const RIGHT = 24;
const TOP = 14;
const PLOT = 240;
const BOTTOM = 92;
const KINDS = ["pre", "residual"] as const;

export function HistoryChart({ series, framework, title = "Risk history" }: HistoryChartProps) {
  const axis = snapshotAxis(series);
  // Past two scenarios, overlapping ranges turn into a wash: the lines alone stay readable, and
  // each point's range is in its tooltip.
  const showRanges = series.length <= 2;
  // Without ranges drawn, the axis need only span the best estimates: the lines get the height.
  const values = series.flatMap((s) =>
    s.points.flatMap((p) =>
      KINDS.flatMap((k) => {
        const v = p[k];
        return !v ? [] : showRanges ? [v.low, v.high] : [v.best];
      }),
    ),
  );
  const d = logDomain(values);
  const y = (p: number) => logPosition(p, d, TOP + PLOT, TOP);
  const slot = new Map(axis.map((t, i) => [t.snapshotId, i]));
  const x = (snapshotId: string) =>
    slotX(slot.get(snapshotId) ?? 0, axis.length, LEFT + 24, WIDTH - RIGHT - 24);
  const height = TOP + PLOT + BOTTOM;
  const fade = series.length > 1 ? 0.6 : 1;
  const summary = `${title}: ${series.length} scenario${series.length === 1 ? "" : "s"} over ${axis.length} snapshot${axis.length === 1 ? "" : "s"}.`;

  return (
    <figure className="chart history-chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={summary} className="chart-svg">
        {logTicks(d, 7).map((t) => (
          <g key={t.value}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(t.value)} y2={y(t.value)} className="chart-grid" />
            <text x={LEFT - 8} y={y(t.value) + 4} textAnchor="end" className="chart-tick">
              {t.label}
            </text>
          </g>
        ))}
        <line x1={LEFT} x2={LEFT} y1={TOP} y2={TOP + PLOT} className="chart-axis" />
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={TOP + PLOT} y2={TOP + PLOT} className="chart-axis" />
        <text
          transform={`translate(14 ${TOP + PLOT / 2}) rotate(-90)`}
          textAnchor="middle"
          className="chart-axis-title"
        >
          Probability (log)
        </text>
        {axis.map((t) => (
          <g key={t.snapshotId}>
            <line
              x1={x(t.snapshotId)}
              x2={x(t.snapshotId)}
              y1={TOP + PLOT}
              y2={TOP + PLOT + 5}
              className="chart-axis"
            />
            <text
              transform={`translate(${x(t.snapshotId)} ${TOP + PLOT + 14}) rotate(-35)`}
              textAnchor="end"
              className="chart-tick"
            >
              <title>{`${t.label}, ${formatDateTime(t.takenAt)}`}</title>
              {truncate(t.label, tickChars(x(t.snapshotId), 26, 11, 35))}
            </text>
          </g>
        ))}
        {series.map((s, i) => {
          const colour = seriesColour(i);
          return (
            <g key={s.scenarioId}>
              {KINDS.map((kind) => {
                const at = (p: StandingPoint | null, id: string) => (p ? { x: x(id), y: y(p.best) } : null);
                const band = bandPaths(
                  s.points.map((p) => {
                    const v = p[kind];
                    return v ? { x: x(p.snapshotId), yLow: y(v.low), yHigh: y(v.high) } : null;
                  }),
                );
                return (
                  <g key={kind}>
                    {showRanges &&
                      band.map((path) => (
                        <path
                          key={path}
                          d={path}
                          fill={colour}
                          opacity={(kind === "pre" ? 0.12 : 0.1) * fade}
                        />
                      ))}
                    <path
                      d={linePath(s.points.map((p) => at(p[kind], p.snapshotId)))}
                      fill="none"
                      stroke={colour}
                      strokeWidth={2}
                      strokeDasharray={kind === "residual" ? "6 4" : undefined}
                    />
                    {s.points.map((p) => {
                      const v = p[kind];
                      if (!v) return null;
                      return (
                        <circle
                          key={p.snapshotId}
                          cx={x(p.snapshotId)}
                          cy={y(v.best)}
                          r={kind === "pre" ? 5 : 4}
                          fill={v.tier?.colour ?? "#ffffff"}
                          stroke={colour}
                          strokeWidth={2}
                        >
                          <title>{`${s.label}, ${kind === "pre" ? "before mitigation" : "residual"} at “${p.label}”: ${formatRange(v)}, tier ${v.tier?.name ?? "none"}`}</title>
                        </circle>
                      );
                    })}
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        {series.length > 1 && (
          <ul className="legend-list legend-series" aria-label="Scenarios">
            {series.map((s, i) => (
              <li key={s.scenarioId}>
                <span className="legend-swatch" style={{ background: seriesColour(i) }} aria-hidden="true" />
                {s.label}
              </li>
            ))}
          </ul>
        )}
        <ul className="legend-list" aria-label="Line styles">
          <li>
            <span className="legend-line" aria-hidden="true" /> before mitigation
          </li>
          <li>
            <span className="legend-line dashed" aria-hidden="true" /> residual
          </li>
          <li className="muted small">
            {showRanges ? "Shaded: low–high range. " : "Ranges in the tooltips. "}Points coloured by tier:
          </li>
          {framework?.tiers.map((t) => (
            <li key={t.id}>
              <TierChip tier={t} />
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
