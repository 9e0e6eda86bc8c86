/** The incident form's state and its conversion to the API body; pure, so it is tested without a browser. */
import {
  DATE_FIELDS,
  INCIDENT_FIELDS,
  type Incident,
  type IncidentBody,
  type IncidentCategory,
  type IncidentField,
} from "../../shared/incidents";

export interface FieldDraft {
  missing: boolean;
  value: string;
  reason: string;
}

export interface IncidentDraft {
  title: string;
  category: IncidentCategory;
  /** `datetime-local` values: the reader's local time. */
  awareAt: string;
  resolved: boolean;
  resolvedAt: string;
  fields: Record<IncidentField, FieldDraft>;
  scenarioIds: string[];
  riskIds: string[];
}

export const DEFAULT_MISSING_REASON = "Not known yet at the time of recording.";

/** An ISO instant as a `datetime-local` value in the reader's time zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value (local time) as an ISO instant; "" when it is not a time. */
export function fromLocalInput(value: string): string {
  const t = new Date(value).getTime();
  return value === "" || Number.isNaN(t) ? "" : new Date(t).toISOString();
}

export function newDraft(now: number): IncidentDraft {
  const fields = Object.fromEntries(
    INCIDENT_FIELDS.map((f) => [f, { missing: true, value: "", reason: DEFAULT_MISSING_REASON }]),
  ) as Record<IncidentField, FieldDraft>;
  return {
    title: "",
    category: "serious-harm",
    awareAt: toLocalInput(new Date(now).toISOString()),
    resolved: false,
    resolvedAt: "",
    fields,
    scenarioIds: [],
    riskIds: [],
  };
}

export function draftOf(incident: Incident): IncidentDraft {
  const fields = Object.fromEntries(
    INCIDENT_FIELDS.map((f) => {
      const e = incident.fields[f];
      return [
        f,
        e.state === "filled"
          ? { missing: false, value: e.value, reason: DEFAULT_MISSING_REASON }
          : { missing: true, value: "", reason: e.reason },
      ];
    }),
  ) as Record<IncidentField, FieldDraft>;
  return {
    title: incident.title,
    category: incident.category,
    awareAt: toLocalInput(incident.awareAt),
    resolved: incident.resolvedAt !== null,
    resolvedAt: incident.resolvedAt ? toLocalInput(incident.resolvedAt) : "",
    fields,
    scenarioIds: incident.scenarioIds,
    riskIds: incident.riskIds,
  };
}

export function bodyOf(draft: IncidentDraft): IncidentBody {
  const fields = Object.fromEntries(
    INCIDENT_FIELDS.map((f) => {
      const d = draft.fields[f];
      return [
        f,
        d.missing
          ? { state: "missing", reason: d.reason.trim() }
          : { state: "filled", value: d.value.trim() },
      ];
    }),
  ) as IncidentBody["fields"];
  return {
    title: draft.title.trim(),
    category: draft.category,
    awareAt: fromLocalInput(draft.awareAt),
    resolvedAt: draft.resolved ? fromLocalInput(draft.resolvedAt) : null,
    fields,
    scenarioIds: draft.scenarioIds,
    riskIds: draft.riskIds,
  };
}

export const isDateField = (f: IncidentField): boolean => DATE_FIELDS.has(f);
