import type { FrameworkUnlock } from "../../shared/estimationView";
import { formatDateTime } from "../format";
import { HashValue } from "./LockBanner";

/** Every unlock since the first lock, newest first: a change to accepted criteria stays visible. */
export function UnlockHistory({ unlocks }: { unlocks: readonly FrameworkUnlock[] }) {
  if (unlocks.length === 0) return null;
  return (
    <section className="panel fw-unlocks" aria-labelledby="fw-unlocks-h">
      <h3 id="fw-unlocks-h">
        Unlock history <span className="count">{unlocks.length}</span>
      </h3>
      <ol className="fw-unlock-list">
        {[...unlocks].reverse().map((u) => (
          <li key={`${u.at}-${u.hashBefore}`}>
            <p>
              <strong>{formatDateTime(u.at)}</strong> by {u.by}
            </p>
            <blockquote>{u.justification}</blockquote>
            <p className="small">
              Hash <HashValue hash={u.hashBefore} /> → <HashValue hash={u.hashAfter} />
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
