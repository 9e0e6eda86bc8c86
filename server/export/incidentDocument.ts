/**
 * Serious incidents as report sections, renderer-neutral (document.ts): one section per incident
 * with its category, deadlines, every field the Code lists (or why it is missing) and the reports
 * sent. Used by the workshop report (section 7) and by an incident's own report export, which may
 * bundle several similar incidents.
 */
import {
  CATEGORY_LABELS,
  clockOf,
  FIELD_LABELS,
  INCIDENT_FIELDS,
  type Incident,
  type IncidentReport,
  reportsFor,
} from "../../shared/incidents";
import type { WorkshopExport } from "../../shared/workshopExport";
import type { Block, Inline, ReportDocument, Section } from "./document";
import { code, emphasis, heads, paragraph, plain, prose, section, strong, table, text } from "./document";
import { formatTime, words } from "./format";
import { ref, SECTIONS } from "./sectionNumbers";

export interface IncidentContext {
  workshop: { id: string; title: string; subject?: string };
  /** Scenario and risk titles by id, for the links. */
  titles: ReadonlyMap<string, string>;
  now: number;
}

/** "2026-11-22 05:02 UTC", whatever offset the time was written with. */
export const utc = (iso: string): string => formatTime(new Date(iso).toISOString());

export function incidentSection(
  incident: Incident,
  reports: readonly IncidentReport[],
  ctx: IncidentContext,
  number?: string,
): Section {
  const clock = clockOf(incident, reports, ctx.now);
  const link = (id: string): Inline[] => {
    const title = ctx.titles.get(id);
    return title
      ? [text(title), plain(" ("), code(id), plain(")")]
      : [code(id), plain(" (not in the content)")];
  };
  const links = (ids: readonly string[]): Inline[] =>
    ids.length === 0
      ? [plain("none")]
      : ids.flatMap((id, i) => [...(i > 0 ? [plain("; ")] : []), ...link(id)]);
  const facts: Block = {
    type: "fields",
    head: ["Item", "Value"],
    rows: [
      ["Category", [plain(CATEGORY_LABELS[incident.category])]],
      ["Provider aware", [plain(utc(incident.awareAt))]],
      ["Resolved", [plain(incident.resolvedAt ? utc(incident.resolvedAt) : "not yet")]],
      ["Scenarios", links(incident.scenarioIds)],
      ["Risks", links(incident.riskIds)],
      ["Recorded", [plain(`${utc(incident.createdAt)} by `), text(incident.createdBy)]],
      ["Last changed", [plain(`${utc(incident.updatedAt)} by `), text(incident.updatedBy)]],
      ["Keep until at least", [plain(utc(clock.retainUntil))]],
    ],
  };
  const deadlines = table(
    heads("Report", "Due", "State"),
    clock.schedule.map((d) => [
      [plain(words(d.kind))],
      [plain(utc(d.dueAt))],
      [plain(d.state === "sent" && d.sentAt ? `sent ${utc(d.sentAt)}` : d.state)],
    ]),
  );
  const fields: Block[] = INCIDENT_FIELDS.map((key) => {
    const entry = incident.fields[key];
    return entry.state === "filled"
      ? prose(entry.value, [strong(plain(`${FIELD_LABELS[key]}.`))])
      : prose(entry.reason, [
          strong(plain(`${FIELD_LABELS[key]}.`)),
          plain(" "),
          emphasis(plain("Missing:")),
        ]);
  });
  const sent = reportsFor(incident.id, reports);
  return section(
    number,
    [text(incident.title)],
    [
      facts,
      section(undefined, ["Deadlines"], [deadlines]),
      section(undefined, ["What is known"], fields),
      section(
        undefined,
        ["Reports sent"],
        [sent.length === 0 ? paragraph("None recorded.") : reportTable(sent, incident.id)],
      ),
    ],
  );
}

function reportTable(reports: readonly IncidentReport[], incidentId: string): Block {
  return table(
    heads("Report", "Sent", "To", "Recorded by", "Fields it held", "Bundled with"),
    reports.map((r) => [
      [plain(words(r.kind))],
      [plain(utc(r.sentAt))],
      [text(r.recipient ?? "not stated")],
      [text(r.recordedBy), plain(`, ${utc(r.recordedAt)}`)],
      [plain((r.held[incidentId] ?? []).map((f) => FIELD_LABELS[f]).join(", ") || "none")],
      [plain(r.incidentIds.filter((id) => id !== incidentId).join(", ") || "none")],
    ]),
  );
}

/** An incident report: one incident, or a bundle of similar ones, as sent to an authority. */
export function incidentReportDocument(
  incidents: readonly Incident[],
  reports: readonly IncidentReport[],
  ctx: IncidentContext,
): ReportDocument {
  const { workshop } = ctx;
  const title = incidents.length === 1 ? incidents[0]!.title : `${incidents.length} similar incidents`;
  return {
    title: [plain("Serious incident report: "), text(title)],
    note: [
      plain("Exported by Riskroom from workshop “"),
      text(workshop.title),
      plain("” ("),
      code(workshop.id),
      plain(`) on ${utc(new Date(ctx.now).toISOString())}`),
      ...(workshop.subject ? [plain("; model: "), text(workshop.subject)] : []),
      plain(". Deadlines are counted in whole days from the instant the provider became aware, in UTC."),
    ],
    sections: incidents.map((incident, i) =>
      incidentSection(incident, reports, ctx, incidents.length > 1 ? `${i + 1}.` : undefined),
    ),
  };
}

/** Section 7 of the workshop report: every incident, deadlines computed at the export's time. */
export function incidentsSection(exp: WorkshopExport): Section {
  const titles = new Map<string, string>([
    ...exp.content.scenarios.map((s) => [s.id, s.title] as const),
    ...exp.content.risks.map((r) => [r.id, r.title] as const),
  ]);
  const ctx: IncidentContext = { workshop: exp.workshop, titles, now: Date.parse(exp.exportedAt) };
  return section(
    SECTIONS.incidents,
    ["Serious incidents"],
    [
      paragraph(
        "Deadlines are counted in whole days from the instant the provider became aware (UTC), as of this export.",
      ),
      ...exp.incidents.map((incident, i) =>
        incidentSection(incident, exp.incidentReports, ctx, `${ref(SECTIONS.incidents)}.${i + 1}`),
      ),
    ],
  );
}
