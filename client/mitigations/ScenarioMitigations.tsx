/** Placeholder, filled in by its feature. */
export function ScenarioMitigations({ scenarioId }: { scenarioId: string }) {
  return <div hidden data-placeholder={scenarioId} />;
}
