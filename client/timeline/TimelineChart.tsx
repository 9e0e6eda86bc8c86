import type { RevealedForecast, TimelineAggregate } from "../../shared/timeline";
import { TIMELINE_PAD as PAD, timelineLayout } from "../../shared/timelineLayout";

/** Each expert's P10–P90 with their P50, and the pooled forecast on the last row, on a time axis in years. */
export function TimelineChart({
  forecasts,
  pooled,
  title,
}: {
  forecasts: RevealedForecast[];
  pooled: TimelineAggregate;
  title: string;
}) {
  const { width, height, rows, years } = timelineLayout(forecasts, pooled);
  return (
    <svg
      className="timeline-chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`Timeline forecast for ${title}`}
    >
      {years.map(({ year, x }) => (
        <g key={year}>
          <line x1={x} x2={x} y1={PAD.top} y2={height - PAD.bottom} stroke="#e3e6eb" />
          <text x={x} y={height - PAD.bottom + 16} textAnchor="middle" fontSize="10" fill="#1d2330">
            {year}
          </text>
        </g>
      ))}
      {rows.map((r) => (
        <g key={r.pooled ? "pooled" : `expert-${r.label}`}>
          <title>{r.tip}</title>
          <text
            x={PAD.left - 8}
            y={r.cy + 4}
            textAnchor="end"
            fontSize="11"
            fill="#1d2330"
            fontWeight={r.pooled ? "bold" : "normal"}
          >
            {r.short}
          </text>
          {r.pooled ? (
            <>
              <rect
                x={r.p10}
                y={r.cy - 6}
                width={Math.max(1, r.p90 - r.p10)}
                height={12}
                fill="#2f5d9e"
                opacity={0.35}
              />
              <line x1={r.p50} x2={r.p50} y1={r.cy - 9} y2={r.cy + 9} stroke="#1d2330" strokeWidth={3} />
            </>
          ) : (
            <>
              <line x1={r.p10} x2={r.p90} y1={r.cy} y2={r.cy} stroke="#2f5d9e" strokeWidth={2} />
              <circle cx={r.p50} cy={r.cy} r={4.5} fill="#ffffff" stroke="#1d2330" />
            </>
          )}
        </g>
      ))}
    </svg>
  );
}
