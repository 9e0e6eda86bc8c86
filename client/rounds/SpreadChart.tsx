import type { ScenarioAggregate } from "../../shared/estimation/aggregate";
import type { Framework } from "../../shared/estimation/framework";
import type { RevealedEstimate } from "../../shared/estimationView";
import { formatProbability } from "../estimationFormat";
import { decadeTicks, fitLabel, logDomain, logScale } from "./spreadLayout";

const WIDTH = 720;
const LEFT = 130;
const RIGHT = 24;
const TOP = 22;
const ROW = 22;
const AXIS = 30;

interface Props {
  estimates: readonly RevealedEstimate[];
  aggregate: ScenarioAggregate;
  framework: Framework;
  title: string;
}

/**
 * Each expert's probability range (low–high, dot at best) on a log axis, the pooled range below,
 * over the framework's likelihood bands, so disagreement and band edges read at a glance.
 */
export function SpreadChart({ estimates, aggregate, framework, title }: Props) {
  const p = aggregate.probability;
  const domain = logDomain([
    ...estimates.flatMap((e) => [e.probability.low, e.probability.high]),
    p.low,
    p.high,
  ]);
  const x = logScale(domain, LEFT, WIDTH - RIGHT);
  const rows = estimates.length + 1;
  const plotBottom = TOP + rows * ROW + 6;
  const height = plotBottom + AXIS;
  const tierColour = aggregate.tier?.colour ?? "#2f4fd8";
  const bands = framework.likelihoodBands.filter((b) => b.upper > domain[0] && b.lower < domain[1]);

  return (
    <figure className="spread-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={`Probability estimates for ${title}: pooled best ${formatProbability(p.best)}, experts' bests from ${formatProbability(p.spread.min)} to ${formatProbability(p.spread.max)}`}
      >
        {bands.map((b, i) => {
          const x0 = x(Math.max(b.lower, domain[0]));
          const x1 = x(Math.min(b.upper, domain[1]));
          const label = fitLabel(b.label, x1 - x0);
          return (
            <g key={b.id}>
              <rect
                x={x0}
                y={TOP - 4}
                width={Math.max(0, x1 - x0)}
                height={plotBottom - TOP + 4}
                className={i % 2 ? "band band-odd" : "band"}
              />
              {label && (
                <text x={(x0 + x1) / 2} y={TOP - 8} textAnchor="middle" className="band-label">
                  {label}
                </text>
              )}
            </g>
          );
        })}
        {estimates.map((e, i) => {
          const y = TOP + i * ROW + ROW / 2;
          return (
            <g key={e.participantId ?? e.who} className="expert-row">
              <text x={LEFT - 8} y={y + 4} textAnchor="end" className="row-label">
                {e.who.length > 18 ? `${e.who.slice(0, 17)}…` : e.who}
              </text>
              <line
                x1={x(e.probability.low)}
                x2={x(e.probability.high)}
                y1={y}
                y2={y}
                className="range-line"
              />
              <circle cx={x(e.probability.best)} cy={y} r={4.5} className="best-dot" />
            </g>
          );
        })}
        <g className="aggregate-row">
          {(() => {
            const y = TOP + estimates.length * ROW + ROW / 2;
            return (
              <>
                <text x={LEFT - 8} y={y + 4} textAnchor="end" className="row-label strong">
                  Pooled
                </text>
                <line
                  x1={x(p.low)}
                  x2={x(p.high)}
                  y1={y}
                  y2={y}
                  stroke={tierColour}
                  strokeWidth={5}
                  strokeLinecap="round"
                  opacity={0.45}
                />
                <rect
                  x={x(p.best) - 5}
                  y={y - 5}
                  width={10}
                  height={10}
                  fill={tierColour}
                  transform={`rotate(45 ${x(p.best)} ${y})`}
                />
              </>
            );
          })()}
        </g>
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={plotBottom} y2={plotBottom} className="axis" />
        {decadeTicks(domain).map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={plotBottom} y2={plotBottom + 5} className="axis" />
            <text x={x(t)} y={plotBottom + 18} textAnchor="middle" className="tick-label">
              {formatProbability(t)}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="muted small">
        Probability {framework.likelihoodBands[0]?.period ?? ""}, log scale: lines run from low to high, dots
        mark the best estimate; the diamond is the pooled best, coloured by its tier.
      </figcaption>
    </figure>
  );
}
