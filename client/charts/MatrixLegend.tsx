import type { Framework } from "../../shared/estimation/framework";
import type { MatrixItem } from "./RiskMatrix";
import { ACCEPTABILITY_LABELS, TierChip } from "./TierChip";

/** The matrix's key: tiers with their acceptability, the two marker kinds, and the numbered scenarios. */
export function MatrixLegend({ framework, items }: { framework: Framework; items: readonly MatrixItem[] }) {
  return (
    <figcaption className="chart-legend">
      <ul className="legend-list" aria-label="Tiers">
        {framework.tiers.map((tier) => (
          <li key={tier.id}>
            <TierChip tier={tier} />
            {/* The acceptability, unless the tier's name already says it. */}
            {tier.name.toLowerCase() !== ACCEPTABILITY_LABELS[tier.acceptable] && (
              <span className="muted small"> {ACCEPTABILITY_LABELS[tier.acceptable]}</span>
            )}
          </li>
        ))}
      </ul>
      <ul className="legend-list" aria-label="Markers">
        <li>
          <span className="legend-marker pre" aria-hidden="true" /> before mitigation
        </li>
        <li>
          <span className="legend-marker residual" aria-hidden="true" /> residual (after mitigation)
        </li>
      </ul>
      {items.length > 0 && (
        <ol className="legend-scenarios" aria-label="Scenarios in the matrix">
          {items.map((i) => (
            <li key={i.scenarioId} value={i.number}>
              {i.title}
            </li>
          ))}
        </ol>
      )}
    </figcaption>
  );
}
