/** Placeholder: Compare snapshots */
export function CompareView({ from, to }: { from: string; to: string }) {
  return (
    <div className="pane-inner">
      <h2 className="view-title">Compare snapshots</h2>
    </div>
  );
}
