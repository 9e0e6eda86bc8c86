import { type FormEvent, useId, useState } from "react";
import { type Determination, MIN_WRITTEN_REASON, type Verdict } from "../../shared/estimationView";
import { ApiRequestError, describeError, recordDetermination } from "../api";
import { useRoom } from "../room/RoomContext";
import { FieldError } from "./FieldError";
import { SaveOrCancel } from "./SaveOrCancel";
import { VerdictChoice } from "./VerdictChoice";

type Field = "criterion" | "justification" | "verdict";
type Problems = Partial<Record<Field | "form", string>>;

/**
 * A determination for a risk the framework gives no tier ladder (a non-specified risk judged under
 * "other criteria"): the criterion it is judged against, written out, and why it is met or not.
 */
export function CriterionDeterminationForm({
  riskId,
  riskTitle,
  existing,
  onDone,
}: {
  riskId: string;
  riskTitle: string;
  existing: Determination | null;
  onDone(): void;
}) {
  const { token, workshopId } = useRoom();
  const id = useId();
  const [criterion, setCriterion] = useState(existing?.criterion ?? "");
  const [justification, setJustification] = useState(existing?.justification ?? "");
  const [verdict, setChoice] = useState<Verdict | null>(existing?.verdict ?? null);
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const written = { criterion: criterion.trim(), justification: justification.trim() };
    const short = `Write at least ${MIN_WRITTEN_REASON} characters.`;
    const local: Problems = {
      ...(written.criterion.length < MIN_WRITTEN_REASON ? { criterion: short } : {}),
      ...(written.justification.length < MIN_WRITTEN_REASON ? { justification: short } : {}),
      ...(verdict === null ? { verdict: "Choose acceptable or not acceptable." } : {}),
    };
    if (verdict === null || Object.keys(local).length > 0) return setProblems(local);
    setBusy(true);
    setProblems({});
    try {
      await recordDetermination(token, workshopId, riskId, { tierId: null, ...written, verdict });
      onDone();
    } catch (err) {
      const fields = err instanceof ApiRequestError ? (err.fields ?? {}) : {};
      const known = (["criterion", "justification", "verdict"] as const).filter((f) => fields[f]);
      setProblems({
        ...Object.fromEntries(known.map((f) => [f, fields[f]!.join(", ")])),
        ...(known.length === 0 ? { form: describeError(err) } : {}),
      });
      setBusy(false);
    }
  };

  const described = (field: Field) =>
    problems[field] ? { "aria-invalid": true, "aria-describedby": `${id}-${field}-error` } : {};

  return (
    <form
      className="determination-form"
      onSubmit={submit}
      aria-label={`Record determination for ${riskTitle}`}
    >
      <p className="muted small">
        The framework has no tier ladder for this risk: judge it under other criteria, written out here.
      </p>
      <div className="field">
        <label htmlFor={`${id}-criterion`}>Criterion</label>
        <textarea
          id={`${id}-criterion`}
          rows={3}
          maxLength={4000}
          value={criterion}
          placeholder="The measurable criterion this risk is judged against, e.g. the harm it must stay below"
          {...described("criterion")}
          onChange={(e) => setCriterion(e.currentTarget.value)}
        />
        <FieldError id={`${id}-criterion-error`} message={problems.criterion} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-justification`}>Justification</label>
        <textarea
          id={`${id}-justification`}
          rows={4}
          maxLength={8000}
          value={justification}
          placeholder="Why the risk meets the criterion or does not, and on what evidence"
          {...described("justification")}
          onChange={(e) => setJustification(e.currentTarget.value)}
        />
        <FieldError id={`${id}-justification-error`} message={problems.justification} />
      </div>
      <VerdictChoice
        idPrefix={id}
        legend="Verdict"
        value={verdict}
        onChange={setChoice}
        error={problems.verdict}
      />
      <SaveOrCancel label="Save determination" busy={busy} error={problems.form} onCancel={onDone} />
    </form>
  );
}
