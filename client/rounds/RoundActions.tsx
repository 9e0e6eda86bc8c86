import { useEffect, useRef, useState } from "react";
import type { RoundView } from "../../shared/estimationView";
import { closeRound, describeError, revealRound } from "../api";
import { useRoom } from "../room/RoomContext";

/** The id of a round card's heading, which takes the focus when its last button goes. */
export const roundHeadingId = (roundId: string): string => `round-${roundId}-heading`;

/** The facilitator's reveal (after an inline confirmation: it cannot be undone) and close buttons. */
export function RoundActions({ round }: { round: RoundView }) {
  const { token, workshopId, canFacilitate } = useRoom();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Each step replaces the button that was pressed: the keyboard focus follows to the next step's
  // button instead of falling back to the page. Only after a press here, never on someone else's.
  // The target is a step, as the reveal's new state may arrive through the document after the reply.
  const [focusAt, setFocusAt] = useState<string | null>(null);
  const stepButton = useRef<HTMLButtonElement>(null);
  const step = `${round.state}-${confirming}`;
  useEffect(() => {
    if (focusAt !== step) return;
    // A closed round has no step left: the keyboard goes to its heading.
    if (round.state === "closed") document.getElementById(roundHeadingId(round.id))?.focus();
    else stepButton.current?.focus();
    setFocusAt(null);
  }, [focusAt, step, round.state, round.id]);
  if (!canFacilitate || round.state === "closed") return null;

  const run = async (action: () => Promise<unknown>, next: string | null) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setConfirming(false);
      setFocusAt(next);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="round-actions">
      {round.state === "open" && !confirming && (
        <button
          ref={stepButton}
          type="button"
          className="small-button primary"
          onClick={() => {
            setConfirming(true);
            setFocusAt("open-true");
          }}
        >
          Reveal round {round.number}
        </button>
      )}
      {round.state === "open" && confirming && (
        <fieldset className="reveal-confirm">
          <legend className="visually-hidden">Confirm revealing round {round.number}</legend>
          <span className="small">
            Every value becomes visible to everyone, and experts can no longer revise.
          </span>
          <button
            ref={stepButton}
            type="button"
            className="small-button primary"
            disabled={busy}
            onClick={() => run(() => revealRound(token, workshopId, round.id), "revealed-false")}
          >
            Yes, reveal round {round.number}
          </button>
          <button
            type="button"
            className="small-button"
            onClick={() => {
              setConfirming(false);
              setFocusAt("open-false");
            }}
          >
            Cancel
          </button>
        </fieldset>
      )}
      {round.state === "revealed" && (
        <button
          ref={stepButton}
          type="button"
          className="small-button"
          disabled={busy}
          onClick={() => run(() => closeRound(token, workshopId, round.id), "closed-false")}
        >
          Close round {round.number}
        </button>
      )}
      {error && (
        <p role="alert" className="form-error small">
          {error}
        </p>
      )}
    </div>
  );
}
