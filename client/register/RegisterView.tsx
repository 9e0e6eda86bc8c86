/** Placeholder: Risk register */
export function RegisterView() {
  return (
    <div className="pane-inner">
      <h2 className="view-title">Risk register</h2>
    </div>
  );
}
