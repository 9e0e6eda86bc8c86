import type { ParticipantView } from "../../shared/api";
import { formatDateTime, roleLabel } from "../format";
import { Avatar } from "./Avatar";
import { colourOf } from "./presenceColours";

/** Everyone who ever joined, from the control document; revoked people stay listed, marked. */
export function ParticipantList({
  participants,
  presentIds,
}: {
  participants: ParticipantView[];
  presentIds: ReadonlySet<string>;
}) {
  const joinOrder = participants.map((p) => p.id);
  return (
    <section className="card" aria-labelledby="participants-heading">
      <h2 id="participants-heading">
        Participants <span className="count">{participants.length}</span>
      </h2>
      {participants.length === 0 ? (
        <p className="muted">Loading the participant list…</p>
      ) : (
        <ul className="participant-list">
          {participants.map((p) => (
            <li key={p.id} className={p.revokedAt ? "participant revoked" : "participant"}>
              <Avatar name={p.displayName} color={p.revokedAt ? "#6c757d" : colourOf(p.id, joinOrder)} />
              <div className="participant-main">
                <span className="participant-name">{p.displayName}</span>
                <span className="muted small">
                  {roleLabel(p.role)} · joined {formatDateTime(p.joinedAt)}
                </span>
              </div>
              {p.revokedAt ? (
                <span className="badge badge-revoked" title={`Revoked ${formatDateTime(p.revokedAt)}`}>
                  Access revoked
                </span>
              ) : presentIds.has(p.id) ? (
                <span className="badge badge-here">Here now</span>
              ) : (
                <span className="badge">Away</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
