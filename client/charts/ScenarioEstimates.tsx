/** Placeholder, filled in by its feature. */
export function ScenarioEstimates({ scenarioId }: { scenarioId: string }) {
  return <div hidden data-placeholder={scenarioId} />;
}
