/** Placeholder: Framework */
export function FrameworkView() {
  return (
    <div className="pane-inner">
      <h2 className="view-title">Framework</h2>
    </div>
  );
}
