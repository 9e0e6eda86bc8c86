import { type FormEvent, useEffect, useRef, useState } from "react";
import { CONFIDENCE_LEVELS } from "../../shared/estimation/estimate";
import type { Framework } from "../../shared/estimation/framework";
import { ApiRequestError, describeError, submitEstimate } from "../api";
import { draftStash } from "../fields/draftStash";
import { focusSoon } from "../fields/focusSoon";
import { formatDateTime } from "../format";
import { useRoom } from "../room/RoomContext";
import {
  checkDraft,
  draftFromEstimate,
  EMPTY_DRAFT,
  type EstimateDraft,
  type FieldErrors,
  firstInvalidFieldId,
  MAX_RATIONALE,
  sameDraftText,
  sameEstimate,
  splitServerErrors,
  visibleErrors,
} from "./estimateForm";
import { RangeInputs } from "./RangeInputs";
import { periodOf, valueSeverityAllowed } from "./roundsModel";
import { SeverityInput } from "./SeverityInput";
import { SubmittedEstimate } from "./SubmittedEstimate";
import type { MyEstimates } from "./useMyEstimates";

/** Estimates typed but not sent, by round and scenario. */
const drafts = draftStash<EstimateDraft>();

interface Props {
  roundId: string;
  scenarioId: string;
  scenarioTitle: string;
  framework: Framework;
  mine: MyEstimates;
}

/** An expert's estimate of one scenario: checked as they type, revisable until the reveal. */
export function EstimateForm({ roundId, scenarioId, scenarioTitle, framework, mine }: Props) {
  const { token, workshopId } = useRoom();
  const own = mine.byScenario?.[scenarioId];
  const idPrefix = `est-${roundId}-${scenarioId}`;
  const [draft, setDraft] = useState<EstimateDraft>(
    () => drafts.peek(idPrefix) ?? (own ? draftFromEstimate(own) : EMPTY_DRAFT),
  );
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const allowValue = valueSeverityAllowed(framework);
  const check = checkDraft(draft, allowValue);
  const errors: FieldErrors = { ...visibleErrors(check.errors, attempted), ...serverErrors };
  // A revision typed but not sent would otherwise look like the recorded answer until the reveal.
  const unsent = own !== undefined && (check.estimate === null || !sameEstimate(check.estimate, own));
  const latest = useRef({ draft, keep: false });
  latest.current = { draft, keep: own ? unsent : !sameDraftText(draft, EMPTY_DRAFT) };
  useEffect(() => () => drafts.keep(idPrefix, latest.current.draft, latest.current.keep), [idPrefix]);

  const change = (patch: Partial<EstimateDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    // A server complaint is about the old value; the live check takes over once it changes.
    setServerErrors({});
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Busy is shown with aria-disabled, not disabled: a disabled button drops keyboard focus to the page.
    if (busy) return;
    setAttempted(true);
    setFormError(null);
    const refuse = (errors: FieldErrors) => {
      const id = firstInvalidFieldId(errors, idPrefix);
      if (id) focusSoon(id);
    };
    if (!check.estimate) {
      refuse(check.errors);
      return;
    }
    setBusy(true);
    try {
      const { estimate } = await submitEstimate(token, workshopId, roundId, {
        ...check.estimate,
        scenarioId,
      });
      mine.put(estimate);
      setAttempted(false);
    } catch (err) {
      if (err instanceof ApiRequestError && err.fields) {
        const { byField, other } = splitServerErrors(err.fields);
        setServerErrors(byField);
        refuse(byField);
        setFormError(other.length > 0 ? `${err.message}: ${other.join("; ")}` : err.message);
      } else setFormError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="estimate-form"
      onSubmit={submit}
      noValidate
      aria-label={`Your estimate for ${scenarioTitle}`}
    >
      {/* The live region is always there, so the first "Submitted" is announced too. */}
      <div role="status">
        {own && (
          <p className="submitted-note">
            Submitted — you can revise until the round is revealed.{" "}
            <span className="muted small">({formatDateTime(own.submittedAt)})</span>
          </p>
        )}
      </div>
      {own && <SubmittedEstimate estimate={own} framework={framework} />}
      <RangeInputs
        idPrefix={idPrefix}
        legend="Probability"
        hint={`In percent, ${periodOf(framework) || "over the framework's period"}: 0 < low ≤ best ≤ high < 100.`}
        prefix="probability"
        suffix="%"
        values={{ low: draft.low, best: draft.best, high: draft.high }}
        errors={errors}
        onChange={(part, value) =>
          change(part === "low" ? { low: value } : part === "best" ? { best: value } : { high: value })
        }
      />
      <SeverityInput
        idPrefix={idPrefix}
        framework={framework}
        draft={draft}
        errors={errors}
        onChange={change}
      />
      <fieldset className="confidence-input">
        <legend>Confidence</legend>
        <div className="choice-row">
          {CONFIDENCE_LEVELS.map((c) => (
            <label key={c} className="choice">
              <input
                id={`${idPrefix}-confidence-${c}`}
                type="radio"
                aria-invalid={errors.confidence ? true : undefined}
                aria-describedby={errors.confidence ? `${idPrefix}-confidence-error` : undefined}
                name={`${idPrefix}-confidence`}
                value={c}
                checked={draft.confidence === c}
                onChange={() => change({ confidence: c })}
              />
              <span>
                {c[0]?.toUpperCase()}
                {c.slice(1)}
                <span className="visually-hidden"> confidence</span>
              </span>
            </label>
          ))}
        </div>
        {errors.confidence && (
          <span id={`${idPrefix}-confidence-error`} className="inline-error">
            {errors.confidence}
          </span>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={`${idPrefix}-rationale`}>
          Rationale <span className="optional">(optional)</span>
        </label>
        <textarea
          id={`${idPrefix}-rationale`}
          value={draft.rationale}
          maxLength={MAX_RATIONALE}
          placeholder="What drives your numbers: evidence, analogies, what would change your mind"
          aria-invalid={errors.rationale ? true : undefined}
          aria-describedby={errors.rationale ? `${idPrefix}-rationale-error` : undefined}
          onChange={(e) => change({ rationale: e.target.value })}
        />
        {errors.rationale && (
          <span id={`${idPrefix}-rationale-error`} className="inline-error">
            {errors.rationale}
          </span>
        )}
      </div>
      {formError && (
        <p role="alert" className="form-error">
          {formError}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary" aria-disabled={busy || undefined}>
          {own ? "Submit revised estimate" : "Submit estimate"}
        </button>
        {unsent && !(attempted && !check.estimate) && (
          <span className="unsent-note">Not sent: your recorded estimate is the one above.</span>
        )}
        {attempted && !check.estimate && (
          <span role="alert" className="inline-error">
            Fix the marked fields first.
          </span>
        )}
      </div>
    </form>
  );
}
