/**
 * Serious incidents (Commitment 9 of the Code's Safety and Security chapter): what is recorded of
 * one, and the reports sent about it. Every field the Code lists is either filled or explicitly
 * recorded as missing with a reason, so a report can say what is not known yet rather than leave
 * a silent gap. Pure: types, zod schemas and labels, used by the server to validate and store and
 * by the client to type its calls and draw the form.
 */
import { z } from "zod";
import { DEFAULT_INCIDENT_LIMITS } from "../limits";

/** The Code's categories, each with its own clock for the initial report (see clocks.ts). */
export const INCIDENT_CATEGORIES = [
  "critical-infrastructure",
  "cybersecurity",
  "death",
  "serious-harm",
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<IncidentCategory, string> = {
  "critical-infrastructure": "Disruption of critical infrastructure",
  cybersecurity: "Cybersecurity breach (incl. exfiltration of model weights)",
  death: "Death of a person",
  "serious-harm": "Serious harm to health, fundamental rights, property or the environment",
};

/** The fields the Code lists for a serious incident report, in the order a report shows them. */
export const INCIDENT_FIELDS = [
  "startDate",
  "endDate",
  "harm",
  "chainOfEvents",
  "modelInvolved",
  "modelEvidence",
  "providerResponse",
  "recommendations",
  "rootCauseOutputs",
  "rootCauseInputs",
  "rootCauseMitigations",
  "patternsAndNearMisses",
] as const;
export type IncidentField = (typeof INCIDENT_FIELDS)[number];

export const FIELD_LABELS: Record<IncidentField, string> = {
  startDate: "Start date",
  endDate: "End date",
  harm: "Harm and affected group",
  chainOfEvents: "Chain of events",
  modelInvolved: "Model involved",
  modelEvidence: "Evidence of the model's involvement",
  providerResponse: "Provider response",
  recommendations: "Recommendations",
  rootCauseOutputs: "Root cause: outputs",
  rootCauseInputs: "Root cause: inputs",
  rootCauseMitigations: "Root cause: mitigation failures",
  patternsAndNearMisses: "Related patterns and near misses",
};

/** Fields whose value is a calendar date (YYYY-MM-DD); the others are free text. */
export const DATE_FIELDS: ReadonlySet<IncidentField> = new Set(["startDate", "endDate"]);

export const REPORT_KINDS = ["initial", "intermediate", "final"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

const L = DEFAULT_INCIDENT_LIMITS;
const id = z.string().min(1).max(64);
const time = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().max(max);

/** One field: its value, or the statement that it is missing and why. */
export const fieldEntrySchema = z.discriminatedUnion("state", [
  // Lengths are checked by the server against its configured limit (MAX_INCIDENT_FIELD_CHARS).
  z.strictObject({ state: z.literal("filled"), value: z.string().trim().min(1, "must not be empty") }),
  z.strictObject({ state: z.literal("missing"), reason: z.string().trim().min(1, "say why it is missing") }),
]);
export type FieldEntry = z.infer<typeof fieldEntrySchema>;

const fieldsShape = Object.fromEntries(INCIDENT_FIELDS.map((f) => [f, fieldEntrySchema])) as Record<
  IncidentField,
  typeof fieldEntrySchema
>;

/** Every field present: filled or missing, never silently absent. Dates checked as dates. */
export const incidentFieldsSchema = z.strictObject(fieldsShape).superRefine((fields, ctx) => {
  for (const key of DATE_FIELDS) {
    const entry = fields[key];
    if (entry.state === "filled" && !z.iso.date().safeParse(entry.value).success)
      ctx.addIssue({ code: "custom", path: [key, "value"], message: "must be a date (YYYY-MM-DD)" });
  }
});
export type IncidentFields = z.infer<typeof incidentFieldsSchema>;

/** What a facilitator or expert writes; everything else of an incident the server sets. */
export const incidentBody = z.strictObject({
  title: text(L.maxTitleChars).min(1, "must not be empty"),
  category: z.enum(INCIDENT_CATEGORIES),
  /** When the provider became aware: the clocks run from this instant. */
  awareAt: time,
  /** When it was resolved; absent while unresolved. */
  resolvedAt: time.nullable().default(null),
  fields: incidentFieldsSchema,
  scenarioIds: z.array(id).max(L.maxLinks).default([]),
  riskIds: z.array(id).max(L.maxLinks).default([]),
});
export type IncidentBody = z.infer<typeof incidentBody>;

export interface Incident extends IncidentBody {
  id: string;
  /** When each linked scenario was linked (server time): a round revealed after it clears its flag. */
  scenarioLinkedAt: Record<string, string>;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** `POST …/incidents/reports`: a report sent, covering one incident or a bundle of similar ones. */
export const reportSentBody = z.strictObject({
  kind: z.enum(REPORT_KINDS),
  incidentIds: z.array(id).min(1).max(L.maxBundle),
  /** When it was sent; now when omitted. Never in the future. */
  sentAt: time.optional(),
  /** To whom (e.g. "AI Office"); free text. */
  recipient: text(200).optional(),
});
export type ReportSentBody = z.infer<typeof reportSentBody>;

/** A report as recorded: who recorded it and when, and which fields it held for each incident. */
export interface IncidentReport {
  id: string;
  kind: ReportKind;
  incidentIds: string[];
  sentAt: string;
  recipient?: string;
  recordedAt: string;
  recordedBy: string;
  /** Per incident, the fields that were filled when the report was recorded. */
  held: Record<string, IncidentField[]>;
}

export const incidentSchema: z.ZodType<Incident> = incidentBody.extend({
  id,
  scenarioLinkedAt: z.record(id, time),
  createdAt: time,
  createdBy: z.string(),
  updatedAt: time,
  updatedBy: z.string(),
});

export const incidentReportSchema: z.ZodType<IncidentReport> = z.object({
  id,
  kind: z.enum(REPORT_KINDS),
  incidentIds: z.array(id).min(1),
  sentAt: time,
  recipient: z.string().optional(),
  recordedAt: time,
  recordedBy: z.string(),
  held: z.record(id, z.array(z.enum(INCIDENT_FIELDS))),
});

/** The fields that hold a value (not recorded as missing). */
export function filledFields(fields: IncidentFields): IncidentField[] {
  return INCIDENT_FIELDS.filter((f) => fields[f].state === "filled");
}

/** The report export's query: one incident, or several bundled into one report. */
export const reportExportQuery = z.strictObject({
  ids: z
    .string()
    .min(1)
    .max(L.maxBundle * 65)
    .transform((s) => s.split(","))
    .pipe(z.array(id).min(1).max(L.maxBundle)),
  format: z.enum(["md", "json"]).default("md"),
});
