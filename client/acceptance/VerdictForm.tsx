import { type FormEvent, useId, useState } from "react";
import { type OverallVerdict, VERDICTS, type Verdict } from "../../shared/estimationView";
import { ApiRequestError, describeError, setVerdict } from "../api";
import { FormError } from "../components/FormError";
import { useRoom } from "../room/RoomContext";
import { VERDICT_LABELS } from "./acceptanceRows";
import { FieldError } from "./FieldError";

/** The facilitator's form for the overall verdict on the model: acceptable or not, and why. */
export function VerdictForm({ existing, onDone }: { existing: OverallVerdict | null; onDone(): void }) {
  const { token, workshopId } = useRoom();
  const [verdict, setChoice] = useState<Verdict | null>(existing?.verdict ?? null);
  const [justification, setJustification] = useState(existing?.justification ?? "");
  const [problems, setProblems] = useState<Partial<Record<"verdict" | "justification" | "form", string>>>({});
  const [busy, setBusy] = useState(false);
  const id = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = justification.trim();
    const local = {
      ...(verdict === null ? { verdict: "Choose acceptable or not acceptable." } : {}),
      ...(text === "" ? { justification: "Give the justification for the verdict." } : {}),
    };
    if (verdict === null || text === "") return setProblems(local);
    setBusy(true);
    setProblems({});
    try {
      await setVerdict(token, workshopId, { verdict, justification: text });
      onDone();
    } catch (err) {
      const fields = err instanceof ApiRequestError ? (err.fields ?? {}) : {};
      setProblems({
        ...(fields.verdict ? { verdict: fields.verdict.join(", ") } : {}),
        ...(fields.justification ? { justification: fields.justification.join(", ") } : {}),
        ...(fields.verdict || fields.justification ? {} : { form: describeError(err) }),
      });
      setBusy(false);
    }
  };

  return (
    <form className="verdict-form" onSubmit={submit} aria-label="Record overall verdict">
      <fieldset
        className="verdict-choice"
        aria-describedby={problems.verdict ? `${id}-verdict-error` : undefined}
      >
        <legend>Overall verdict</legend>
        {VERDICTS.map((v) => (
          <label key={v} className={`radio verdict-option verdict-${v}`}>
            <input
              type="radio"
              name={`${id}-verdict`}
              value={v}
              checked={verdict === v}
              onChange={() => setChoice(v)}
            />{" "}
            {VERDICT_LABELS[v]}
          </label>
        ))}
        <FieldError id={`${id}-verdict-error`} message={problems.verdict} />
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-justification`}>Justification</label>
        <textarea
          id={`${id}-justification`}
          rows={4}
          maxLength={8000}
          value={justification}
          placeholder="Why the systemic risks, taken together and with the mitigations in place, are (or are not) acceptable"
          aria-invalid={problems.justification ? true : undefined}
          aria-describedby={problems.justification ? `${id}-justification-error` : undefined}
          onChange={(e) => setJustification(e.currentTarget.value)}
        />
        <FieldError id={`${id}-justification-error`} message={problems.justification} />
      </div>
      <FormError message={problems.form ?? null} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Saving…" : "Save verdict"}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
