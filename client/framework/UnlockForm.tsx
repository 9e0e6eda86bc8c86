import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { ApiRequestError, describeError, unlockFramework } from "../api";
import { FormError } from "../components/FormError";
import { useRoom } from "../room/RoomContext";

const MIN_JUSTIFICATION = 10;

/** The facilitator's unlock: a written justification, recorded for good with the hash it breaks. */
export function UnlockForm({ onCancel, onUnlocked }: { onCancel(): void; onUnlocked(): void }) {
  const { token, workshopId } = useRoom();
  const id = useId();
  const [justification, setJustification] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const tooShort = justification.trim().length < MIN_JUSTIFICATION;
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => fieldRef.current?.focus(), []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.stopPropagation();
      onCancel();
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFieldError(null);
    try {
      await unlockFramework(token, workshopId, justification.trim());
      onUnlocked();
    } catch (err) {
      const messages = err instanceof ApiRequestError ? err.fields?.justification : undefined;
      if (messages) setFieldError(messages.join("; "));
      else setError(describeError(err));
      setBusy(false);
    }
  };

  return (
    <form
      className="fw-unlock-form"
      onSubmit={submit}
      onKeyDown={onKeyDown}
      aria-label="Unlock the framework"
    >
      <p className="small">
        Unlocking lets the framework be edited again. The unlock is recorded forever, with your name, this
        justification, the hash it breaks and the hash of the next lock, and it appears in every export.
      </p>
      <div className="field">
        <label htmlFor={`${id}-j`}>Justification</label>
        <textarea
          id={`${id}-j`}
          ref={fieldRef}
          value={justification}
          maxLength={4000}
          required
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={`${id}-hint`}
          placeholder="Why must the acceptance criteria change after they were locked?"
          onChange={(e) => setJustification(e.currentTarget.value)}
        />
        <p id={`${id}-hint`} className={fieldError ? "inline-error" : "hint"}>
          {fieldError ?? `At least ${MIN_JUSTIFICATION} characters.`}
        </p>
      </div>
      <FormError message={error} />
      <div className="button-row">
        <button type="submit" className="danger" disabled={busy || tooShort}>
          Unlock and record
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
