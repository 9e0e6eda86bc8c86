import type { ScenarioViewer } from "../../shared/viewers";
import { Avatar } from "./Avatar";

/**
 * Who else is on a scenario. Compact in the navigation (avatars, names for screen readers and on
 * hover); with names in the scenario's header.
 */
export function ViewerAvatars({
  viewers,
  withNames = false,
}: {
  viewers: ScenarioViewer[];
  withNames?: boolean;
}) {
  if (viewers.length === 0) return null;
  const describe = (v: ScenarioViewer) => `${v.name} ${v.editing ? "editing" : "viewing"}`;
  if (!withNames)
    return (
      <span className="viewer-dots" title={viewers.map(describe).join(", ")}>
        {viewers.map((v) => (
          <span key={v.participantId} className="viewer-dot" style={{ backgroundColor: v.color }} />
        ))}
        <span className="visually-hidden">: {viewers.map(describe).join(", ")}</span>
      </span>
    );
  return (
    <ul className="viewer-list" aria-label="Also on this scenario">
      {viewers.map((v) => (
        <li key={v.participantId} className="viewer">
          <Avatar name={v.name} color={v.color} />
          <span>
            {v.name} <span className="muted">{v.editing ? "editing" : "viewing"}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
