import type { RevealedForecast, TimelineAggregate } from "../../shared/timeline";

const W = 680;
const ROW = 26;
const PAD = { left: 150, right: 24, top: 12, bottom: 30 };
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

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
  const rows = [
    ...forecasts.map((f) => ({ label: f.who, f, pooled: false })),
    { label: "Pooled", f: pooled, pooled: true },
  ];
  const days = rows.flatMap((r) => [dayOf(r.f.p10), dayOf(r.f.p90)]);
  const firstYear = new Date(Math.min(...days) * 86_400_000).getUTCFullYear();
  const lastYear = new Date(Math.max(...days) * 86_400_000).getUTCFullYear() + 1;
  const lo = dayOf(`${firstYear}-01-01`);
  const hi = dayOf(`${lastYear}-01-01`);
  const H = PAD.top + rows.length * ROW + PAD.bottom;
  const x = (day: number) => PAD.left + ((day - lo) / (hi - lo)) * (W - PAD.left - PAD.right);
  const step = Math.max(1, Math.ceil((lastYear - firstYear) / 10));
  const years = Array.from(
    { length: Math.floor((lastYear - firstYear) / step) + 1 },
    (_, i) => firstYear + i * step,
  );
  return (
    <svg
      className="timeline-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`Timeline forecast for ${title}`}
    >
      {years.map((y) => (
        <g key={y}>
          <line
            x1={x(dayOf(`${y}-01-01`))}
            x2={x(dayOf(`${y}-01-01`))}
            y1={PAD.top}
            y2={H - PAD.bottom}
            stroke="#e3e6eb"
          />
          <text
            x={x(dayOf(`${y}-01-01`))}
            y={H - PAD.bottom + 16}
            textAnchor="middle"
            fontSize="10"
            fill="#1d2330"
          >
            {y}
          </text>
        </g>
      ))}
      {rows.map((r, i) => {
        const cy = PAD.top + i * ROW + ROW / 2;
        const [a, m, b] = [r.f.p10, r.f.p50, r.f.p90].map((d) => x(dayOf(d))) as [number, number, number];
        return (
          <g key={r.pooled ? "pooled" : `expert-${r.label}`}>
            <title>{`${r.label}: P10 ${r.f.p10}, P50 ${r.f.p50}, P90 ${r.f.p90}`}</title>
            <text
              x={PAD.left - 8}
              y={cy + 4}
              textAnchor="end"
              fontSize="11"
              fill="#1d2330"
              fontWeight={r.pooled ? "bold" : "normal"}
            >
              {r.label.length > 20 ? `${r.label.slice(0, 19)}…` : r.label}
            </text>
            {r.pooled ? (
              <>
                <rect x={a} y={cy - 6} width={Math.max(1, b - a)} height={12} fill="#2f5d9e" opacity={0.35} />
                <line x1={m} x2={m} y1={cy - 9} y2={cy + 9} stroke="#1d2330" strokeWidth={3} />
              </>
            ) : (
              <>
                <line x1={a} x2={b} y1={cy} y2={cy} stroke="#2f5d9e" strokeWidth={2} />
                <circle cx={m} cy={cy} r={4.5} fill="#ffffff" stroke="#1d2330" />
              </>
            )}
          </g>
        );
      })}
    </svg>
  );
}
