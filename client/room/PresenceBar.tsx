import type { PresenceUser } from "../../shared/presence";
import { roleLabel } from "../format";
import { Avatar } from "./Avatar";

/** Who has the room open right now. */
export function PresenceBar({ people, selfId }: { people: PresenceUser[]; selfId: string }) {
  return (
    <section className="presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading">
        Here now <span className="count">{people.length}</span>
      </h2>
      <ul className="presence-list" aria-labelledby="presence-heading">
        {people.map((person) => (
          <li key={person.participantId} className="presence-chip">
            <Avatar name={person.name} color={person.color} />
            <span className="presence-name">
              {person.name}
              {person.participantId === selfId && <span className="muted"> (you)</span>}
            </span>
            <span className={`role-tag role-${person.role}`}>{roleLabel(person.role)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
