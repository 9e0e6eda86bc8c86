/** Placeholder: Snapshot */
export function SnapshotRoomView({ snapshotId }: { snapshotId: string }) {
  return (
    <div className="pane-inner">
      <h2 className="view-title">Snapshot</h2>
    </div>
  );
}
