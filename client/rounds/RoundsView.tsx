/** Placeholder: Estimation rounds */
export function RoundsView() {
  return (
    <div className="pane-inner">
      <h2 className="view-title">Estimation rounds</h2>
    </div>
  );
}
