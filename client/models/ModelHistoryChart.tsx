import type { ModelHistorySeries } from "../../shared/models";

const W = 880;
const H = 300;
const PAD = { left: 64, right: 20, top: 16, bottom: 36 };
const COLOURS = [
  "#2f5d9e",
  "#b3541e",
  "#3d8b3d",
  "#7a3e9d",
  "#a8326e",
  "#1f7f86",
  "#6b6b2a",
  "#444f66",
  "#c0392b",
  "#16a085",
];

/** Every scenario's pre-mitigation best estimate over time, across all the model's workshops, on one log scale. */
export function ModelHistoryChart({ series }: { series: ModelHistorySeries[] }) {
  const points = series.flatMap((s) => s.points);
  if (points.length === 0)
    return <p className="muted">No revealed estimate in any snapshot of the attached workshops yet.</p>;
  const times = points.map((p) => Date.parse(p.takenAt));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const lo = Math.floor(Math.log10(Math.max(1e-9, Math.min(...points.map((p) => p.best)))));
  const hi = Math.min(0, Math.ceil(Math.log10(Math.max(...points.map((p) => p.best)))));
  const top = hi > lo ? hi : lo + 1;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (t: number) => PAD.left + (t1 === t0 ? plotW / 2 : ((t - t0) / (t1 - t0)) * plotW);
  const y = (p: number) => PAD.top + ((top - Math.log10(Math.max(p, 10 ** lo))) / (top - lo)) * plotH;
  const ticks = Array.from({ length: top - lo + 1 }, (_, i) => lo + i);
  const label = (s: ModelHistorySeries) => `${s.workshopTitle}: ${s.scenarioTitle}`;
  // Colour tells scenarios apart, the dash tells workshops apart.
  const workshops = [...new Set(series.map((s) => s.workshopId))];
  const dash = (s: ModelHistorySeries) => ["", "6 4", "2 3", "8 3 2 3"][workshops.indexOf(s.workshopId) % 4];
  return (
    <figure className="model-history">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Risk history of ${series.length} scenarios across the model's workshops`}
      >
        {ticks.map((k) => (
          <g key={k}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(10 ** k)} y2={y(10 ** k)} stroke="#e3e6eb" />
            <text x={PAD.left - 6} y={y(10 ** k) + 4} textAnchor="end" fontSize="11" fill="#1d2330">
              {`${Number((10 ** k * 100).toPrecision(1))}%`}
            </text>
          </g>
        ))}
        <text x={PAD.left} y={H - 8} fontSize="11" fill="#1d2330">
          {new Date(t0).toISOString().slice(0, 10)}
        </text>
        <text x={W - PAD.right} y={H - 8} fontSize="11" fill="#1d2330" textAnchor="end">
          {new Date(t1).toISOString().slice(0, 10)}
        </text>
        {series.map((s, i) => {
          const colour = COLOURS[i % COLOURS.length];
          const d = s.points
            .map((p, j) => `${j === 0 ? "M" : "L"}${x(Date.parse(p.takenAt))},${y(p.best)}`)
            .join(" ");
          return (
            <g key={`${s.workshopId}/${s.scenarioId}`}>
              <path d={d} fill="none" stroke={colour} strokeWidth={2} strokeDasharray={dash(s)} />
              {s.points.map((p) => (
                <circle key={p.snapshotId} cx={x(Date.parse(p.takenAt))} cy={y(p.best)} r={4} fill={colour}>
                  <title>{`${label(s)}, ${p.label}: ${(p.best * 100).toPrecision(3)}%`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <p className="hint">
          Pre-mitigation best estimate (log scale) at each verified snapshot; colours tell scenarios apart,
          line dashes tell workshops apart ({workshops.length}).
        </p>
        <ul className="model-history-legend">
          {series.map((s, i) => (
            <li key={`${s.workshopId}/${s.scenarioId}`}>
              <span
                className="swatch"
                style={{ background: COLOURS[i % COLOURS.length] }}
                aria-hidden="true"
              />
              {label(s)} ({s.points.length} snapshot{s.points.length === 1 ? "" : "s"}, latest{" "}
              {(s.points.at(-1)!.best * 100).toPrecision(3)}%)
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
