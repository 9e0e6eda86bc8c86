import { useState } from "react";
import { PHASES, type Phase } from "../../shared/controlDoc";
import { describeError, setPhase } from "../api";
import { usePhase } from "../hooks/useRoomControl";
import { PHASE_LABELS } from "../labels";
import { useRoom } from "../room/RoomContext";

/**
 * Where the workshop is in the Code of Practice's process, for everyone; the facilitator moves it
 * by choosing a phase (the server writes it into the control document, and every room follows).
 */
export function PhaseIndicator() {
  const { controlDoc, canFacilitate, token, workshopId } = useRoom();
  const phase = usePhase(controlDoc);
  const [pending, setPending] = useState<Phase | null>(null);
  const [error, setError] = useState<string | null>(null);

  const choose = async (next: Phase) => {
    if (next === phase) return;
    setPending(next);
    setError(null);
    try {
      await setPhase(token, workshopId, { phase: next });
    } catch (err) {
      setError(describeError(err));
    } finally {
      setPending(null);
    }
  };

  const at = PHASES.indexOf(phase);
  return (
    <fieldset className="phases">
      <legend className="visually-hidden">
        {canFacilitate ? "Workshop phase: choose one to move everyone" : "Workshop phase"}
      </legend>
      <ol className="phase-list">
        {PHASES.map((p, i) => {
          const className = i < at ? "phase done" : i === at ? "phase current" : "phase";
          const label = (
            <>
              <span className="phase-number" aria-hidden="true">
                {i + 1}
              </span>
              <span className="phase-name">{PHASE_LABELS[p]}</span>
            </>
          );
          return (
            <li key={p} className={className} aria-current={i === at ? "step" : undefined}>
              {canFacilitate ? (
                <button
                  type="button"
                  className="phase-button"
                  disabled={pending !== null}
                  onClick={() => choose(p)}
                >
                  {label}
                </button>
              ) : (
                <span className="phase-label">{label}</span>
              )}
            </li>
          );
        })}
      </ol>
      {error && (
        <span role="alert" className="inline-error">
          {error}
        </span>
      )}
    </fieldset>
  );
}
