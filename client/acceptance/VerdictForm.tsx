import { type FormEvent, useId, useState } from "react";
import {
  conflictingRisks,
  MIN_WRITTEN_REASON,
  type OverallVerdict,
  type Verdict,
} from "../../shared/estimationView";
import { ApiRequestError, describeError, setVerdict } from "../api";
import { useRisks } from "../hooks/useContent";
import { useDeterminations } from "../hooks/useEstimation";
import { useRoom } from "../room/RoomContext";
import { FieldError } from "./FieldError";
import { SaveOrCancel } from "./SaveOrCancel";
import { VerdictChoice } from "./VerdictChoice";

const FIELDS = ["verdict", "justification", "conflictJustification"] as const;
type Field = (typeof FIELDS)[number];

/**
 * The facilitator's form for the overall verdict on the model: acceptable or not, and why. Saying
 * "acceptable" while a risk is determined not acceptable shows a warning and asks why.
 */
export function VerdictForm({ existing, onDone }: { existing: OverallVerdict | null; onDone(): void }) {
  const { token, workshopId, doc, controlDoc } = useRoom();
  const [verdict, setChoice] = useState<Verdict | null>(existing?.verdict ?? null);
  const [justification, setJustification] = useState(existing?.justification ?? "");
  const [conflictText, setConflictText] = useState(existing?.conflictJustification ?? "");
  const [problems, setProblems] = useState<Partial<Record<Field | "form", string>>>({});
  const [busy, setBusy] = useState(false);
  const id = useId();
  const risks = useRisks(doc);
  const conflicts = conflictingRisks(verdict ?? "not-acceptable", useDeterminations(controlDoc));
  const titles = conflicts.map((riskId) => risks.find((r) => r.id === riskId)?.title ?? riskId);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = justification.trim();
    const why = conflictText.trim();
    const local = {
      ...(verdict === null ? { verdict: "Choose acceptable or not acceptable." } : {}),
      ...(text === "" ? { justification: "Give the justification for the verdict." } : {}),
      ...(conflicts.length > 0 && why.length < MIN_WRITTEN_REASON
        ? { conflictJustification: `Say why, in at least ${MIN_WRITTEN_REASON} characters.` }
        : {}),
    };
    if (verdict === null || Object.keys(local).length > 0) return setProblems(local);
    setBusy(true);
    setProblems({});
    try {
      await setVerdict(token, workshopId, {
        verdict,
        justification: text,
        ...(conflicts.length > 0 ? { conflictJustification: why } : {}),
      });
      onDone();
    } catch (err) {
      const fields = err instanceof ApiRequestError ? (err.fields ?? {}) : {};
      const known = FIELDS.filter((f) => fields[f]);
      setProblems({
        ...Object.fromEntries(known.map((f) => [f, fields[f]!.join(", ")])),
        ...(known.length === 0 ? { form: describeError(err) } : {}),
      });
      setBusy(false);
    }
  };

  return (
    <form className="verdict-form" onSubmit={submit} aria-label="Record overall verdict">
      <VerdictChoice
        idPrefix={id}
        legend="Overall verdict"
        value={verdict}
        onChange={setChoice}
        error={problems.verdict}
      />
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
      {conflicts.length > 0 && (
        <div className="field verdict-conflict">
          <p className="top-tier-flag" id={`${id}-conflict-warning`}>
            Acceptable overall, although {titles.length === 1 ? "this risk is" : "these risks are"} determined
            not acceptable: {titles.join(", ")}.
          </p>
          <label htmlFor={`${id}-conflict`}>Why the model is acceptable overall despite this</label>
          <textarea
            id={`${id}-conflict`}
            rows={3}
            maxLength={8000}
            value={conflictText}
            aria-invalid={problems.conflictJustification ? true : undefined}
            aria-describedby={`${id}-conflict-warning${problems.conflictJustification ? ` ${id}-conflict-error` : ""}`}
            onChange={(e) => setConflictText(e.currentTarget.value)}
          />
          <FieldError id={`${id}-conflict-error`} message={problems.conflictJustification} />
        </div>
      )}
      <SaveOrCancel label="Save verdict" busy={busy} error={problems.form} onCancel={onDone} />
    </form>
  );
}
