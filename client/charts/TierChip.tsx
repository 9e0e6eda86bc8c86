import type { MatrixTier } from "../../shared/estimation/framework";
import { textColourOn } from "./colour";

export const ACCEPTABILITY_LABELS: Record<MatrixTier["acceptable"], string> = {
  acceptable: "acceptable",
  "acceptable-with-mitigations": "acceptable with mitigations",
  unacceptable: "unacceptable",
};

/** A tier's name on its own colour, text black or white for contrast; a dash when there is none. */
export function TierChip({ tier }: { tier: MatrixTier | null | undefined }) {
  if (!tier) return <span className="muted">—</span>;
  return (
    <span
      className="tier-chip"
      style={{ background: tier.colour, color: textColourOn(tier.colour) }}
      title={`${tier.name}: ${ACCEPTABILITY_LABELS[tier.acceptable]}`}
    >
      {tier.name}
    </span>
  );
}
