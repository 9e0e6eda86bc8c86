import { useState } from "react";
import { describeError, focusScenario } from "../api";
import { useRoom } from "../room/RoomContext";

/** The facilitator asks every open room to show this scenario; each person can step away again. */
export function BringHereButton({ scenarioId }: { scenarioId: string }) {
  const { token, workshopId } = useRoom();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const bring = async () => {
    setBusy(true);
    setError(null);
    try {
      await focusScenario(token, workshopId, { scenarioId });
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="primary" disabled={busy} onClick={bring}>
        Bring everyone here
      </button>
      {error && (
        <span role="alert" className="inline-error">
          {error}
        </span>
      )}
    </>
  );
}
