/** Placeholder: Acceptance */
export function AcceptanceView() {
  return (
    <div className="pane-inner">
      <h2 className="view-title">Acceptance</h2>
    </div>
  );
}
