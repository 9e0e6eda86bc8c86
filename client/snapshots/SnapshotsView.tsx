/** Placeholder: Snapshots and history */
export function SnapshotsView() {
  return (
    <div className="pane-inner">
      <h2 className="view-title">Snapshots and history</h2>
    </div>
  );
}
