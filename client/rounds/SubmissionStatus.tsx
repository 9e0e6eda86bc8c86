import { useParticipants } from "../hooks/useParticipants";
import { Avatar } from "../room/Avatar";
import { colourOf } from "../room/presenceColours";
import { useRoom } from "../room/RoomContext";
import { expertsOf, progressOf } from "./roundsModel";

/** Who has submitted for one scenario of an open round; values stay with the server until the reveal. */
export function SubmissionStatus({ submitted }: { submitted: readonly string[] }) {
  const { controlDoc } = useRoom();
  const participants = useParticipants(controlDoc);
  const joinOrder = participants.map((p) => p.id);
  const experts = expertsOf(participants, submitted);
  const progress = progressOf(experts, submitted);
  const done = new Set(submitted);
  return (
    <div className="submission-status">
      <span
        className={`submission-count${progress.total > 0 && progress.done === progress.total ? " all-in" : ""}`}
      >
        {progress.label} submitted
      </span>
      {experts.length === 0 ? (
        <span className="muted small">No experts have joined yet: invite some from the people panel.</span>
      ) : (
        <ul className="submitters" aria-label="Experts">
          {experts.map((p) => {
            const has = done.has(p.id);
            return (
              <li key={p.id} className={has ? "has-submitted" : "not-submitted"}>
                <Avatar name={p.displayName} color={colourOf(p.id, joinOrder)} />
                <span className="submitter-name">{p.displayName}</span>
                <span className="submitter-mark" aria-hidden="true">
                  {has ? "✓" : "○"}
                </span>
                <span className="visually-hidden">{has ? "submitted" : "not yet submitted"}</span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
