import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { MAX_NAME_LENGTH } from "../../shared/limits";
import { describeError, startTimer } from "../api";
import { useRoom } from "../room/RoomContext";

/** The facilitator's small form to start a countdown everyone sees: minutes and an optional label. */
export function TimerForm({ onClose }: { onClose(): void }) {
  const { token, workshopId } = useRoom();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const minutesRef = useRef<HTMLInputElement>(null);
  useEffect(() => minutesRef.current?.select(), []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const minutes = Number(form.get("minutes"));
    const label = String(form.get("label") ?? "").trim();
    setBusy(true);
    setError(null);
    try {
      await startTimer(token, workshopId, {
        durationSeconds: Math.round(minutes * 60),
        ...(label ? { label } : {}),
      });
      onClose();
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <form className="timer-form" onSubmit={submit} onKeyDown={onKeyDown} aria-label="Start a timer">
      <div className="field">
        <label htmlFor="timer-minutes">Minutes</label>
        <input
          id="timer-minutes"
          ref={minutesRef}
          name="minutes"
          type="number"
          min={1}
          max={240}
          step={1}
          defaultValue={10}
          required
        />
      </div>
      <div className="field">
        <label htmlFor="timer-label">
          Label <span className="optional">(optional)</span>
        </label>
        <input
          id="timer-label"
          name="label"
          maxLength={MAX_NAME_LENGTH}
          placeholder="e.g. Draft pathways"
          autoComplete="off"
        />
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          Start timer
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
