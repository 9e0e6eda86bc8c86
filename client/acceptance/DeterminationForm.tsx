import { type FormEvent, useId, useState } from "react";
import type { ScenarioSummary } from "../../shared/content";
import type { LadderTier } from "../../shared/estimation/framework";
import type { Determination } from "../../shared/estimationView";
import type { ScenarioStanding } from "../../shared/snapshot";
import { ApiRequestError, describeError, recordDetermination } from "../api";
import { useRoom } from "../room/RoomContext";
import {
  bodyFrom,
  type DeterminationDraft,
  draftFrom,
  type FieldProblems,
  fieldProblems,
} from "./determinationForm";
import { EvidenceChoices } from "./EvidenceChoices";
import { FieldError } from "./FieldError";
import { SaveOrCancel } from "./SaveOrCancel";
import { VerdictChoice } from "./VerdictChoice";
import { inputsOf, WatchedConditionsEditor } from "./WatchedConditionsEditor";

/** The facilitator's form to record (or revise) the determination for one risk. */
export function DeterminationForm({
  riskId,
  riskTitle,
  existing,
  ladder,
  scenarios,
  standings,
  onDone,
}: {
  riskId: string;
  riskTitle: string;
  existing: Determination | null;
  ladder: readonly LadderTier[];
  scenarios: readonly ScenarioSummary[];
  standings: Record<string, ScenarioStanding>;
  onDone(): void;
}) {
  const { token, workshopId } = useRoom();
  const [draft, setDraft] = useState<DeterminationDraft>(() =>
    draftFrom(
      existing,
      ladder,
      scenarios.map((s) => s.id),
    ),
  );
  const [problems, setProblems] = useState<FieldProblems>({});
  const [busy, setBusy] = useState(false);
  const id = useId();
  const set = (patch: Partial<DeterminationDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const tierIndex = ladder.findIndex((t) => t.id === draft.tierId);
  const tier = ladder[tierIndex];

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = bodyFrom(draft);
    if (!checked.body) return setProblems(checked.problems);
    setBusy(true);
    setProblems({});
    try {
      await recordDetermination(token, workshopId, riskId, checked.body);
      onDone();
    } catch (err) {
      const byField = err instanceof ApiRequestError ? fieldProblems(err.fields) : {};
      setProblems(Object.keys(byField).length > 0 ? byField : { form: describeError(err) });
      setBusy(false);
    }
  };
  const invalid = (field: keyof FieldProblems) => (problems[field] ? true : undefined);
  const describedBy = (field: keyof FieldProblems, hint?: string) =>
    [hint, problems[field] ? `${id}-${field}-error` : undefined].filter(Boolean).join(" ") || undefined;

  return (
    <form
      className="determination-form"
      onSubmit={submit}
      aria-label={`Record determination for ${riskTitle}`}
    >
      <div className="field">
        <label htmlFor={`${id}-tier`}>Tier reached</label>
        <select
          id={`${id}-tier`}
          value={draft.tierId}
          aria-invalid={invalid("tierId")}
          aria-describedby={describedBy("tierId", `${id}-tier-hint`)}
          onChange={(e) => set({ tierId: e.currentTarget.value })}
        >
          {ladder.map((t, i) => (
            <option key={t.id} value={t.id}>
              {i + 1}. {t.name}
            </option>
          ))}
        </select>
        <div id={`${id}-tier-hint`} className="hint">
          {tier && tier.indicators.length > 0 ? `Indicators: ${tier.indicators.join("; ")}` : ""}
          {tierIndex === ladder.length - 1 && (
            <strong className="top-tier-warning">
              {" "}
              The top tier: the determination will flag that the framework needs a higher tier.
            </strong>
          )}
        </div>
        <FieldError id={`${id}-tierId-error`} message={problems.tierId} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-margin`}>Safety margin</label>
        <input
          id={`${id}-margin`}
          value={draft.safetyMargin}
          maxLength={2000}
          placeholder="e.g. One tier below the threshold for unacceptable uplift"
          aria-invalid={invalid("safetyMargin")}
          aria-describedby={describedBy("safetyMargin")}
          onChange={(e) => set({ safetyMargin: e.currentTarget.value })}
        />
        <FieldError id={`${id}-safetyMargin-error`} message={problems.safetyMargin} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-reasons`}>Why this margin</label>
        <textarea
          id={`${id}-reasons`}
          rows={3}
          maxLength={4000}
          value={draft.marginReasons}
          placeholder="Uncertainty in the model's capabilities, in how fully they were elicited, in how well the mitigations work"
          aria-invalid={invalid("marginReasons")}
          aria-describedby={describedBy("marginReasons")}
          onChange={(e) => set({ marginReasons: e.currentTarget.value })}
        />
        <FieldError id={`${id}-marginReasons-error`} message={problems.marginReasons} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-conditions`}>Conditions under which this would no longer hold</label>
        <textarea
          id={`${id}-conditions`}
          rows={3}
          maxLength={4000}
          value={draft.conditions}
          placeholder="e.g. A new evaluation shows wet-lab uplift; the classifier's recall drops below 95%"
          aria-invalid={invalid("conditions")}
          aria-describedby={describedBy("conditions")}
          onChange={(e) => set({ conditions: e.currentTarget.value })}
        />
        <FieldError id={`${id}-conditions-error`} message={problems.conditions} />
      </div>
      <WatchedConditionsEditor
        value={draft.watched ?? inputsOf(existing?.watched ?? [])}
        onChange={(watched) => set({ watched })}
      />
      <VerdictChoice
        idPrefix={id}
        legend="Verdict for this risk"
        value={draft.verdict}
        onChange={(verdict) => set({ verdict })}
        error={problems.verdict}
      />
      <EvidenceChoices
        idPrefix={id}
        scenarios={scenarios}
        standings={standings}
        chosen={draft.evidenceScenarioIds}
        onChange={(evidenceScenarioIds) => set({ evidenceScenarioIds })}
        error={problems.evidenceScenarioIds}
      />
      <SaveOrCancel label="Save determination" busy={busy} error={problems.form} onCancel={onDone} />
    </form>
  );
}
