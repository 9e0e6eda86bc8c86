import { useState } from "react";
import type { FrameworkLock } from "../../shared/estimationView";
import { formatDateTime, shortHash } from "../format";
import { UnlockForm } from "./UnlockForm";

/** Whether the framework is locked, by whom and at which hash; the facilitator's way to unlock. */
export function LockBanner({ lock, canFacilitate }: { lock: FrameworkLock | null; canFacilitate: boolean }) {
  const [unlocking, setUnlocking] = useState(false);
  if (!lock)
    return (
      <section className="fw-banner fw-banner-open" aria-label="Lock status">
        <p>
          <strong>Not locked</strong> — estimates cannot be gathered until the facilitator locks the
          framework.
        </p>
      </section>
    );
  return (
    <section className="fw-banner fw-banner-locked" aria-label="Lock status">
      <p>
        <span aria-hidden="true">🔒 </span>
        <strong>Locked {formatDateTime(lock.lockedAt)}</strong> by {lock.lockedBy}
      </p>
      <p className="small">
        SHA-256 <HashValue hash={lock.hash} />
      </p>
      {canFacilitate &&
        (unlocking ? (
          <UnlockForm onClose={() => setUnlocking(false)} />
        ) : (
          <div className="button-row">
            <button type="button" onClick={() => setUnlocking(true)}>
              Unlock framework…
            </button>
          </div>
        ))}
    </section>
  );
}

/** A hash shortened for reading, with the full value in the title and a button to copy it. */
export function HashValue({ hash }: { hash: string | null }) {
  const [copied, setCopied] = useState(false);
  if (hash === null) return <span className="muted">not yet locked again</span>;
  const copy = () => {
    void navigator.clipboard?.writeText(hash).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <span className="fw-hash">
      <code title={hash}>{shortHash(hash)}</code>
      <button
        type="button"
        className="link-button"
        onClick={copy}
        aria-label={`Copy hash ${shortHash(hash)}`}
      >
        {copied ? "Copied" : "Copy"}
      </button>
    </span>
  );
}
