import type { Framework } from "../../shared/estimation/framework";
import type { StandingBrief, StandingChange } from "../../shared/snapshotDiff";
import { TierChip } from "../charts/TierChip";
import { formatRange } from "../estimationFormat";

const ARROWS: Record<StandingChange["direction"], { symbol: string; label: string }> = {
  up: { symbol: "↑", label: "higher" },
  down: { symbol: "↓", label: "lower" },
  same: { symbol: "→", label: "same best estimate" },
  new: { symbol: "+", label: "first estimate" },
  gone: { symbol: "−", label: "no longer estimated" },
};

function Side({ s, framework }: { s: StandingBrief | null; framework: Framework }) {
  if (!s) return <span className="muted">not estimated</span>;
  return (
    <span className="standing-side">
      <span>{formatRange(s)}</span> <TierChip tier={framework.tiers.find((t) => t.id === s.tierId)} />{" "}
      <span className="muted small">round {s.roundNumber}</span>
    </span>
  );
}

/** One standing (before mitigation or residual) in both snapshots, with an arrow for the direction. */
export function StandingDelta({
  label,
  change,
  from,
  to,
}: {
  label: string;
  change: StandingChange;
  from: Framework;
  to: Framework;
}) {
  const arrow = ARROWS[change.direction];
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>
        <Side s={change.from} framework={from} />
      </td>
      <td className={`standing-arrow standing-${change.direction}`}>
        <span aria-hidden="true">{arrow.symbol}</span>
        <span className="visually-hidden">{arrow.label}</span>
        {change.tierChanged && change.from && change.to && <span className="muted small"> tier changed</span>}
      </td>
      <td>
        <Side s={change.to} framework={to} />
      </td>
    </tr>
  );
}
