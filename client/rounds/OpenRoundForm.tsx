import { type FormEvent, useState } from "react";
import { ErrorCode } from "../../shared/errors";
import type { RoundKind } from "../../shared/estimationView";
import { ApiRequestError, describeError, openRound } from "../api";
import { EmptyState } from "../fields/EmptyState";
import { focusSoon } from "../fields/focusSoon";
import { useRisks, useScenarioList } from "../hooks/useContent";
import { useRoom } from "../room/RoomContext";
import { KIND_LABELS } from "./roundsModel";
import { ScenarioPicker } from "./ScenarioPicker";

const KIND_HINTS: Record<RoundKind, string> = {
  pre: "the risk as it stands, before the proposed mitigations",
  residual: "the risk that remains once the mitigations are in place",
};

export const OPEN_ROUND_NOTE_ID = "rounds-open-note";

/** The facilitator's form to open a round over chosen scenarios. */
export function OpenRoundForm() {
  const { doc, token, workshopId } = useRoom();
  const risks = useRisks(doc).filter((r) => !r.archived);
  const scenarios = useScenarioList(doc);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [kind, setKind] = useState<RoundKind>("pre");
  const [anonymous, setAnonymous] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Keep the content document's order, not the order of clicking.
    const scenarioIds = scenarios.filter((s) => chosen.has(s.id)).map((s) => s.id);
    if (scenarioIds.length === 0) {
      setError("Choose at least one scenario.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await openRound(token, workshopId, { scenarioIds, kind, anonymous });
      setChosen(new Set());
      // This form gives way to the note that the round is open: the keyboard follows it there.
      focusSoon(OPEN_ROUND_NOTE_ID);
    } catch (err) {
      setError(openRoundMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel open-round-form" onSubmit={submit} aria-labelledby="open-round-heading">
      <div className="panel-head">
        <h3 id="open-round-heading">Open a round</h3>
      </div>
      {scenarios.length === 0 ? (
        <EmptyState title="No scenarios to estimate yet">
          Add scenarios under a risk on the left first; a round asks experts to estimate them.
        </EmptyState>
      ) : (
        <ScenarioPicker risks={risks} scenarios={scenarios} chosen={chosen} onChange={setChosen} />
      )}
      <div className="open-round-options">
        <fieldset className="round-kind">
          <legend>Estimate</legend>
          {(["pre", "residual"] as const).map((k) => (
            <label key={k} className="choice">
              <input
                type="radio"
                name="round-kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              <span>
                {KIND_LABELS[k]} <span className="muted small">— {KIND_HINTS[k]}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <label className="choice">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
          <span>
            Anonymous <span className="muted small">— values revealed as Expert A, B… instead of names</span>
          </span>
        </label>
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy || scenarios.length === 0}>
          Open round
        </button>
        <span className="muted small">
          {chosen.size} scenario{chosen.size === 1 ? "" : "s"} chosen
        </span>
      </div>
    </form>
  );
}

/** The server's refusals in the facilitator's words. */
function openRoundMessage(err: unknown): string {
  if (err instanceof ApiRequestError) {
    if (err.code === ErrorCode.frameworkNotLocked)
      return "The framework is not locked: lock it in the framework view before opening a round.";
    if (err.code === ErrorCode.roundOpen) return "Another round is open: reveal or close it first.";
    if (err.fields && Object.keys(err.fields).some((k) => k.startsWith("scenarioIds")))
      return "Some chosen scenarios no longer exist; refresh the choice and try again.";
  }
  return describeError(err);
}
