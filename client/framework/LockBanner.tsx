import { type Ref, useEffect, useRef, useState } from "react";
import type { FrameworkLock } from "../../shared/estimationView";
import { formatDateTime, shortHash } from "../format";
import { UnlockForm } from "./UnlockForm";

/** Whether the framework is locked, by whom and at which hash; the facilitator's way to unlock. */
export function LockBanner({
  ref,
  lock,
  canFacilitate,
  onUnlocked,
}: {
  /** The section, focusable from code, so a lock or unlock can bring it into view. */
  ref?: Ref<HTMLElement>;
  lock: FrameworkLock | null;
  canFacilitate: boolean;
  onUnlocked(): void;
}) {
  const [unlocking, setUnlocking] = useState(false);
  const unlockButton = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(false);
  useEffect(() => {
    if (returnFocus) unlockButton.current?.focus();
    setReturnFocus(false);
  }, [returnFocus]);
  if (!lock)
    return (
      <section ref={ref} tabIndex={-1} className="fw-banner fw-banner-open" aria-label="Lock status">
        <p>
          <strong>Not locked</strong> — estimates cannot be gathered until the facilitator locks the
          framework.
        </p>
      </section>
    );
  return (
    <section ref={ref} tabIndex={-1} className="fw-banner fw-banner-locked" aria-label="Lock status">
      <p>
        <LockIcon />
        <strong>Locked {formatDateTime(lock.lockedAt)}</strong> by {lock.lockedBy}
      </p>
      <p className="small">
        SHA-256 <HashValue hash={lock.hash} />
      </p>
      {canFacilitate &&
        (unlocking ? (
          <UnlockForm
            onCancel={() => {
              setUnlocking(false);
              setReturnFocus(true);
            }}
            onUnlocked={() => {
              setUnlocking(false);
              onUnlocked();
            }}
          />
        ) : (
          <div className="button-row">
            <button ref={unlockButton} type="button" onClick={() => setUnlocking(true)}>
              Unlock framework…
            </button>
          </div>
        ))}
    </section>
  );
}

/** A padlock drawn inline: the emoji renders as a missing-glyph box where no colour-emoji font is installed. */
function LockIcon() {
  return (
    <svg
      className="fw-lock-icon"
      viewBox="0 0 16 16"
      width="14"
      height="14"
      aria-hidden="true"
      focusable="false"
    >
      <rect x="2.5" y="7" width="11" height="8" rx="1.5" fill="currentColor" />
      <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.8" />
    </svg>
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
