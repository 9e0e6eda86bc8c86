import { useEffect, useId, useRef } from "react";
import { FormError } from "../../components/FormError";

/** Save, lock (after a confirmation) and reset, each disabled with its reason shown beside it. */
export function EditorActions({
  busy,
  dirty,
  saveBlocked,
  lockBlocked,
  confirming,
  error,
  onSave,
  onAskLock,
  onConfirmLock,
  onCancelLock,
  onReset,
}: {
  busy: boolean;
  dirty: boolean;
  saveBlocked: string | null;
  lockBlocked: string | null;
  confirming: boolean;
  error: string | null;
  onSave(): void;
  onAskLock(): void;
  onConfirmLock(): void;
  onCancelLock(): void;
  onReset(): void;
}) {
  const id = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  // The confirmation takes the keyboard, so Enter confirms and Tab reaches Cancel.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  return (
    <div className="fw-actions">
      <p className={dirty ? "fw-dirty" : "muted small"} role="status">
        {dirty ? "Unsaved changes: this draft is yours alone until you save it." : "All changes saved."}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={busy || saveBlocked !== null}
          aria-describedby={saveBlocked && dirty ? `${id}-save` : undefined}
          onClick={onSave}
        >
          Save framework
        </button>
        <button type="button" disabled={busy || !dirty} onClick={onReset}>
          Reset to saved
        </button>
        <button
          type="button"
          disabled={busy || lockBlocked !== null || confirming}
          aria-describedby={lockBlocked ? `${id}-lock` : undefined}
          onClick={onAskLock}
        >
          Lock framework
        </button>
      </div>
      {saveBlocked && dirty && (
        <p id={`${id}-save`} className="hint">
          {saveBlocked}
        </p>
      )}
      {lockBlocked && (
        <p id={`${id}-lock`} className="hint">
          Locking: {lockBlocked}
        </p>
      )}
      {confirming && (
        <div
          className="fw-confirm"
          role="alertdialog"
          aria-labelledby={`${id}-ct`}
          aria-describedby={`${id}-cd`}
        >
          <p id={`${id}-ct`}>
            <strong>Lock the framework?</strong>
          </p>
          <p id={`${id}-cd`} className="small">
            A locked framework cannot be edited: these are the acceptance criteria every estimate will be
            judged against. Its SHA-256 hash is recorded. Any later unlock needs a written justification and
            is recorded forever, with both hashes, in the history and every export.
          </p>
          <div className="button-row">
            <button
              ref={confirmRef}
              type="button"
              className="primary"
              disabled={busy}
              onClick={onConfirmLock}
            >
              Confirm lock
            </button>
            <button type="button" onClick={onCancelLock}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <FormError message={error} />
    </div>
  );
}
