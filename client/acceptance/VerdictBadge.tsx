import type { Verdict } from "../../shared/estimationView";
import { VERDICT_LABELS } from "./acceptanceRows";

/** Acceptable or not, as a badge that reads the same without its colour (a mark and a word). */
export function VerdictBadge({ verdict }: { verdict: Verdict | null }) {
  if (verdict === null) return <span className="verdict-badge verdict-none">No verdict yet</span>;
  return (
    <span className={`verdict-badge verdict-${verdict}`}>
      <span aria-hidden="true">{verdict === "acceptable" ? "✓ " : "✕ "}</span>
      {VERDICT_LABELS[verdict]}
    </span>
  );
}

/** The flag a determination at the top of its ladder carries. */
export function TopTierFlag({ compact = false }: { compact?: boolean }) {
  if (compact)
    return (
      <span className="top-tier-tag" title="The framework needs a higher tier defined">
        Top tier reached
      </span>
    );
  return (
    <p className="top-tier-flag" role="note">
      <strong>Top tier of the ladder reached:</strong> the framework needs a higher tier defined.
    </p>
  );
}
