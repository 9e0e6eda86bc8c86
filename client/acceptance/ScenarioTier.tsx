import type { ScenarioStanding } from "../../shared/snapshot";
import { currentStanding } from "./determinationForm";

/** A scenario's current matrix tier: a swatch in the framework's tier colour, its name, and which round. */
export function ScenarioTier({ standing }: { standing: ScenarioStanding | undefined }) {
  const current = currentStanding(standing);
  if (!current) return <span className="scenario-tier muted small">not estimated yet</span>;
  const when = `${current.kind === "residual" ? "residual" : "pre-mitigation"}, round ${current.roundNumber}`;
  return (
    <span className="scenario-tier small">
      <span className="tier-swatch" style={{ background: current.colour }} aria-hidden="true" />
      <strong>{current.name}</strong> <span className="muted">({when})</span>
    </span>
  );
}
