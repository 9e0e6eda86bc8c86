/** Placeholder, filled in by its feature. */
export function RiskDetermination({ riskId }: { riskId: string }) {
  return <div hidden data-placeholder={riskId} />;
}
