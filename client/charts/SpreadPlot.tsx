/** One scenario's probability estimates round by round on a log axis, so convergence (or not) shows. */
import type { Framework } from "../../shared/estimation/framework";
import { formatProbability, formatRange } from "../estimationFormat";
import { fitLabel, textWidth } from "./labels";
import { type LogDomain, logDomain, logPosition, logTicks } from "./logScale";
import {
  type LabelPlacement,
  type SpreadGroup,
  spreadRowPositions,
  spreadValues,
  tierLabelPlacement,
} from "./spreadLayout";

const WIDTH = 920;
const LEFT = 170;
const RIGHT = 20;
const TOP = 30;
const ROW = 18;
const GAP = 12;
const AXIS = 44;

const KIND_LABEL = { pre: "before mitigation", residual: "residual" } as const;

function BandStripes({ f, d, bottom }: { f: Framework | null; d: LogDomain; bottom: number }) {
  if (!f) return null;
  const x = (p: number) => logPosition(p, d, LEFT, WIDTH - RIGHT);
  return (
    <g>
      {f.likelihoodBands.map((band, i) => {
        const x1 = x(band.lower);
        const x2 = x(band.upper);
        if (x2 - x1 < 1) return null;
        return (
          <g key={band.id}>
            <rect
              x={x1}
              y={TOP - 22}
              width={x2 - x1}
              height={bottom - TOP + 22}
              fill={i % 2 === 0 ? "#eef1f6" : "#f8f9fb"}
            />
            <text x={(x1 + x2) / 2} y={TOP - 8} textAnchor="middle" className="chart-tick">
              {fitLabel(band.label, x2 - x1 - 8)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** The aggregate's tier name; the halo keeps it legible when a full-width range leaves it on the bar. */
function TierLabel({ name, y, at }: { name: string; y: number; at: LabelPlacement }) {
  return (
    <text x={at.x} y={y} textAnchor={at.anchor} className="chart-label strong chart-halo">
      {name}
    </text>
  );
}

export function SpreadPlot({
  groups,
  framework,
}: {
  groups: readonly SpreadGroup[];
  framework: Framework | null;
}) {
  const d = logDomain(spreadValues(groups));
  const x = (p: number) => logPosition(p, d, LEFT, WIDTH - RIGHT);
  const { rows, bottom } = spreadRowPositions(groups, TOP, ROW, GAP);
  const height = bottom + AXIS;
  const summary = groups
    .map((g) => {
      const tier = g.tier ? `, tier ${g.tier.name}` : "";
      const agg = g.aggregate ? `, aggregate ${formatRange(g.aggregate)}${tier}` : "";
      return `Round ${g.roundNumber} (${KIND_LABEL[g.kind]}): ${g.experts.length} estimates from ${formatProbability(Math.min(...g.experts.map((e) => e.low)))} to ${formatProbability(Math.max(...g.experts.map((e) => e.high)))}${agg}`;
    })
    .join(". ");

  return (
    <figure className="chart spread-plot">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={`Estimates by round. ${summary}`}
        className="chart-svg"
      >
        <BandStripes f={framework} d={d} bottom={bottom} />
        {logTicks(d).map((t) => (
          <g key={t.value}>
            <line x1={x(t.value)} x2={x(t.value)} y1={TOP} y2={bottom} className="chart-grid" />
            <text x={x(t.value)} y={bottom + 16} textAnchor="middle" className="chart-tick">
              {t.label}
            </text>
          </g>
        ))}
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={bottom} y2={bottom} className="chart-axis" />
        <text x={(LEFT + WIDTH - RIGHT) / 2} y={height - 6} textAnchor="middle" className="chart-axis-title">
          Probability {framework?.likelihoodBands[0]?.period ?? ""} (log scale)
        </text>
        {groups.map((g, gi) => {
          const pos = rows[gi] ?? [];
          const expertRows = pos.filter((r) => r.kind === "expert");
          const aggRow = pos.find((r) => r.kind === "aggregate");
          return (
            <g key={g.roundId}>
              <text x={8} y={(pos[0]?.y ?? 0) + 4} className="chart-label strong">
                Round {g.roundNumber} · {KIND_LABEL[g.kind]}
              </text>
              {g.experts.map((e, i) => {
                const y = expertRows[i]?.y ?? 0;
                return (
                  <g key={e.who}>
                    <title>{`${e.who}: ${formatRange(e)}`}</title>
                    <text x={LEFT - 8} y={y + 4} textAnchor="end" className="chart-tick">
                      {e.who.length > 22 ? `${e.who.slice(0, 21)}…` : e.who}
                    </text>
                    <line
                      x1={x(e.low)}
                      x2={x(e.high)}
                      y1={y}
                      y2={y}
                      stroke="#5b6472"
                      strokeWidth={2}
                      strokeLinecap="round"
                    />
                    <circle cx={x(e.best)} cy={y} r={4} fill="#5b6472" />
                  </g>
                );
              })}
              {g.aggregate && aggRow && (
                <g>
                  <title>{`Aggregate: ${formatRange(g.aggregate)}${g.tier ? `, tier ${g.tier.name}` : ""}`}</title>
                  <text x={LEFT - 8} y={aggRow.y + 4} textAnchor="end" className="chart-label strong">
                    Aggregate
                  </text>
                  <rect
                    x={x(g.aggregate.low)}
                    y={aggRow.y - 4}
                    width={Math.max(2, x(g.aggregate.high) - x(g.aggregate.low))}
                    height={8}
                    rx={3}
                    fill="#2f4fd8"
                    opacity={0.35}
                  />
                  <path
                    d={`M${x(g.aggregate.best)},${aggRow.y - 7} l6,7 l-6,7 l-6,-7 z`}
                    fill={g.tier?.colour ?? "#2f4fd8"}
                    stroke="#1d2330"
                    strokeWidth={1}
                  />
                  {g.tier && (
                    <TierLabel
                      name={g.tier.name}
                      y={aggRow.y + 4}
                      at={tierLabelPlacement(
                        x(g.aggregate.low),
                        x(g.aggregate.high),
                        textWidth(g.tier.name, 12) + 8,
                        LEFT,
                        WIDTH - RIGHT,
                      )}
                    />
                  )}
                </g>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend small muted">
        Lines: each expert's low–high range, dot at their best estimate. Bar and diamond: the pooled range and
        best, the diamond in the colour of its tier. Shaded: the framework's likelihood bands.
      </figcaption>
    </figure>
  );
}
