import { useState } from "react";
import type { RoundView } from "../../shared/estimationView";
import { closeRound, describeError, revealRound } from "../api";
import { useRoom } from "../room/RoomContext";

/** The facilitator's reveal (after an inline confirmation: it cannot be undone) and close buttons. */
export function RoundActions({ round }: { round: RoundView }) {
  const { token, workshopId, canFacilitate } = useRoom();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!canFacilitate || round.state === "closed") return null;

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setConfirming(false);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="round-actions">
      {round.state === "open" && !confirming && (
        <button type="button" className="small-button primary" onClick={() => setConfirming(true)}>
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
            type="button"
            className="small-button primary"
            disabled={busy}
            onClick={() => run(() => revealRound(token, workshopId, round.id))}
          >
            Yes, reveal round {round.number}
          </button>
          <button type="button" className="small-button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </fieldset>
      )}
      {round.state === "revealed" && (
        <button
          type="button"
          className="small-button"
          disabled={busy}
          onClick={() => run(() => closeRound(token, workshopId, round.id))}
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
