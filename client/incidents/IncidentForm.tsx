import { type FormEvent, useId, useState } from "react";
import {
  CATEGORY_LABELS,
  FIELD_LABELS,
  INCIDENT_CATEGORIES,
  INCIDENT_FIELDS,
  type Incident,
  type IncidentCategory,
  type IncidentField,
} from "../../shared/incidents";
import { FieldError } from "../acceptance/FieldError";
import { ApiRequestError, createIncident, describeError, updateIncident } from "../api";
import { FormError } from "../components/FormError";
import { useRisks, useScenarioList } from "../hooks/useContent";
import { useRoom } from "../room/RoomContext";
import { serverNow } from "../serverClock";
import { bodyOf, draftOf, type FieldDraft, type IncidentDraft, isDateField, newDraft } from "./incidentForm";

/** Records a new serious incident, or edits one: every field the Code lists, each filled or marked missing with why. */
export function IncidentForm({ existing, onDone }: { existing: Incident | null; onDone(): void }) {
  const { token, workshopId, doc } = useRoom();
  const scenarios = useScenarioList(doc);
  const risks = useRisks(doc).filter((r) => !r.archived);
  const [draft, setDraft] = useState<IncidentDraft>(() =>
    existing ? draftOf(existing) : newDraft(serverNow()),
  );
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const set = (patch: Partial<IncidentDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setField = (f: IncidentField, patch: Partial<FieldDraft>) =>
    setDraft((d) => ({ ...d, fields: { ...d.fields, [f]: { ...d.fields[f], ...patch } } }));
  const toggle = (list: string[], value: string, on: boolean) =>
    on ? [...list, value] : list.filter((v) => v !== value);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setProblems({});
    setFormError(null);
    try {
      const body = bodyOf(draft);
      if (existing) await updateIncident(token, workshopId, existing.id, body);
      else await createIncident(token, workshopId, body);
      onDone();
    } catch (err) {
      const fields = err instanceof ApiRequestError ? (err.fields ?? {}) : {};
      setProblems(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.join(", ")])));
      setFormError(describeError(err));
      setBusy(false);
    }
  };
  const err = (key: string) => problems[key];
  const described = (key: string) => (err(key) ? `${id}-${key}-error` : undefined);

  return (
    <form
      className="incident-form panel"
      onSubmit={submit}
      aria-label={existing ? "Edit incident" : "Record an incident"}
    >
      <h3>{existing ? `Edit “${existing.title}”` : "Record a serious incident"}</h3>
      <div className="incident-form-grid">
        <label className="field">
          <span>Title</span>
          <input
            value={draft.title}
            required
            maxLength={200}
            onChange={(e) => set({ title: e.target.value })}
            aria-describedby={described("title")}
          />
          <FieldError id={`${id}-title-error`} message={err("title")} />
        </label>
        <label className="field">
          <span>Category</span>
          <select
            value={draft.category}
            onChange={(e) => set({ category: e.target.value as IncidentCategory })}
          >
            {INCIDENT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Provider became aware (your local time)</span>
          <input
            type="datetime-local"
            required
            value={draft.awareAt}
            onChange={(e) => set({ awareAt: e.target.value })}
            aria-describedby={described("awareAt")}
          />
          <FieldError id={`${id}-awareAt-error`} message={err("awareAt")} />
        </label>
        <div className="field">
          <label className="inline-check">
            <input
              type="checkbox"
              checked={draft.resolved}
              onChange={(e) => set({ resolved: e.target.checked })}
            />{" "}
            Resolved
          </label>
          {draft.resolved && (
            <label className="field">
              <span>Resolved at (your local time)</span>
              <input
                type="datetime-local"
                required
                value={draft.resolvedAt}
                onChange={(e) => set({ resolvedAt: e.target.value })}
                aria-describedby={described("resolvedAt")}
              />
              <FieldError id={`${id}-resolvedAt-error`} message={err("resolvedAt")} />
            </label>
          )}
        </div>
      </div>

      <fieldset className="incident-links">
        <legend>Scenarios it bears on (each will be flagged for re-estimation)</legend>
        {scenarios.length === 0 && <p className="muted">No scenarios yet.</p>}
        {scenarios.map((s) => (
          <label key={s.id} className="inline-check">
            <input
              type="checkbox"
              checked={draft.scenarioIds.includes(s.id)}
              onChange={(e) => set({ scenarioIds: toggle(draft.scenarioIds, s.id, e.target.checked) })}
            />{" "}
            {s.title || "Untitled scenario"}
          </label>
        ))}
      </fieldset>
      <fieldset className="incident-links">
        <legend>Risks it bears on</legend>
        {risks.map((r) => (
          <label key={r.id} className="inline-check">
            <input
              type="checkbox"
              checked={draft.riskIds.includes(r.id)}
              onChange={(e) => set({ riskIds: toggle(draft.riskIds, r.id, e.target.checked) })}
            />{" "}
            {r.title}
          </label>
        ))}
      </fieldset>

      <fieldset className="incident-fields">
        <legend>What the Code asks a report to hold</legend>
        {INCIDENT_FIELDS.map((f) => (
          <FieldInput
            key={f}
            id={`${id}-${f}`}
            field={f}
            draft={draft.fields[f]}
            onChange={(p) => setField(f, p)}
            problems={problems}
          />
        ))}
      </fieldset>
      <FormError message={formError} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {existing ? "Save incident" : "Record incident"}
        </button>
        <button type="button" onClick={onDone} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function FieldInput({
  id,
  field,
  draft,
  onChange,
  problems,
}: {
  id: string;
  field: IncidentField;
  draft: FieldDraft;
  onChange(patch: Partial<FieldDraft>): void;
  problems: Record<string, string>;
}) {
  const label = FIELD_LABELS[field];
  const problem =
    problems[`fields.${field}.${draft.missing ? "reason" : "value"}`] ?? problems[`fields.${field}`];
  const errorId = problem ? `${id}-error` : undefined;
  return (
    <div className={`incident-field${draft.missing ? " is-missing" : ""}`}>
      <div className="incident-field-head">
        <label htmlFor={`${id}-input`}>{draft.missing ? `${label}: why it is missing` : label}</label>
        <label className="inline-check">
          <input
            type="checkbox"
            checked={draft.missing}
            onChange={(e) => onChange({ missing: e.target.checked })}
          />{" "}
          Missing<span className="visually-hidden"> ({label})</span>
        </label>
      </div>
      {draft.missing ? (
        <input
          id={`${id}-input`}
          className="incident-missing-reason"
          value={draft.reason}
          required
          onChange={(e) => onChange({ reason: e.target.value })}
          aria-describedby={errorId}
        />
      ) : isDateField(field) ? (
        <input
          id={`${id}-input`}
          type="date"
          required
          value={draft.value}
          onChange={(e) => onChange({ value: e.target.value })}
          aria-describedby={errorId}
        />
      ) : (
        <textarea
          id={`${id}-input`}
          rows={2}
          required
          value={draft.value}
          onChange={(e) => onChange({ value: e.target.value })}
          aria-describedby={errorId}
        />
      )}
      <FieldError id={`${id}-error`} message={problem} />
    </div>
  );
}
