/** Each scenario's standing: its latest revealed aggregate before and after mitigation. Pure. */
import type { RevealedRound, RoundView } from "./estimationView";
import type { ScenarioStanding } from "./snapshot";

export function standingsOf(
  rounds: readonly RoundView[],
  revealed: Readonly<Record<string, RevealedRound>>,
): Record<string, ScenarioStanding> {
  const out: Record<string, ScenarioStanding> = {};
  for (const round of [...rounds].sort((a, b) => a.number - b.number)) {
    const values = revealed[round.id];
    if (!values) continue;
    for (const [scenarioId, aggregate] of Object.entries(values.aggregates)) {
      if (!aggregate) continue;
      const standing = out[scenarioId] ?? { pre: null, residual: null };
      standing[round.kind] = { ...aggregate, roundNumber: round.number };
      out[scenarioId] = standing;
    }
  }
  return out;
}
