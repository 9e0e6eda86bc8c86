/**
 * What the room shows of incidents, projected by the server into the control document (read-only
 * for every client): a summary of each incident with its deadlines as the server computed them,
 * the reports recorded, and the scenarios flagged "re-estimate". The full fields are read over
 * REST when an incident is opened, so the document stays small whatever the incidents hold.
 */
import type * as Y from "yjs";
import { type DueReport, type IncidentClock, incidentClock } from "./clocks";
import {
  filledFields,
  INCIDENT_FIELDS,
  type Incident,
  type IncidentCategory,
  type IncidentField,
  type IncidentReport,
} from "./model";

export const INCIDENTS_MAP = "incidents";
export const INCIDENT_REPORTS_MAP = "incidentReports";
export const REESTIMATE_MAP = "reestimate";

export interface IncidentSummary {
  id: string;
  title: string;
  category: IncidentCategory;
  awareAt: string;
  resolvedAt: string | null;
  scenarioIds: string[];
  riskIds: string[];
  missing: IncidentField[];
  updatedAt: string;
  /** The deadlines as computed on the server; a reader compares them with its own clock. */
  schedule: DueReport[];
  retainUntil: string;
}

/** A scenario that an incident bears on, not re-estimated in a round revealed since. */
export interface ReestimateFlag {
  scenarioId: string;
  incidentIds: string[];
  /** The earliest link still waiting for a round. */
  since: string;
}

/** The reports that cover an incident (bundles included), for its clock. */
export function reportsFor(incidentId: string, reports: readonly IncidentReport[]): IncidentReport[] {
  return reports.filter((r) => r.incidentIds.includes(incidentId));
}

export function clockOf(incident: Incident, reports: readonly IncidentReport[], now: number): IncidentClock {
  return incidentClock({ ...incident, reports: reportsFor(incident.id, reports) }, now);
}

export function summarize(
  incident: Incident,
  reports: readonly IncidentReport[],
  now: number,
): IncidentSummary {
  const clock = clockOf(incident, reports, now);
  const filled = new Set(filledFields(incident.fields));
  return {
    id: incident.id,
    title: incident.title,
    category: incident.category,
    awareAt: incident.awareAt,
    resolvedAt: incident.resolvedAt,
    scenarioIds: incident.scenarioIds,
    riskIds: incident.riskIds,
    missing: INCIDENT_FIELDS.filter((f) => !filled.has(f)),
    updatedAt: incident.updatedAt,
    schedule: clock.schedule,
    retainUntil: clock.retainUntil,
  };
}

/** The schedule read against the reader's clock: what is next, what is overdue. */
export function dueNow(
  schedule: readonly DueReport[],
  now: number,
): { next: DueReport | null; overdue: DueReport[] } {
  const open = schedule
    .filter((d) => d.state !== "sent")
    .map((d) => ({ ...d, state: now > Date.parse(d.dueAt) ? ("overdue" as const) : ("due" as const) }))
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  return { next: open[0] ?? null, overdue: open.filter((d) => d.state === "overdue") };
}

/**
 * Each linked scenario stays flagged until a round revealed after the link covers it (either kind
 * of round: an incident can move the estimate before or after mitigation).
 */
export function reestimateFlags(
  incidents: ReadonlyArray<Pick<Incident, "id" | "scenarioIds" | "scenarioLinkedAt">>,
  rounds: ReadonlyArray<{ scenarioIds: readonly string[]; revealedAt?: string }>,
): ReestimateFlag[] {
  const lastReveal = new Map<string, number>();
  for (const round of rounds) {
    if (!round.revealedAt) continue;
    const t = Date.parse(round.revealedAt);
    for (const s of round.scenarioIds) lastReveal.set(s, Math.max(lastReveal.get(s) ?? 0, t));
  }
  const flags = new Map<string, ReestimateFlag>();
  for (const incident of incidents) {
    for (const scenarioId of incident.scenarioIds) {
      const linkedAt = incident.scenarioLinkedAt[scenarioId];
      if (!linkedAt || (lastReveal.get(scenarioId) ?? 0) > Date.parse(linkedAt)) continue;
      const flag = flags.get(scenarioId);
      if (!flag) flags.set(scenarioId, { scenarioId, incidentIds: [incident.id], since: linkedAt });
      else {
        flag.incidentIds.push(incident.id);
        if (Date.parse(linkedAt) < Date.parse(flag.since)) flag.since = linkedAt;
      }
    }
  }
  return [...flags.values()];
}

export function readIncidentSummaries(doc: Y.Doc): IncidentSummary[] {
  // Most recent awareness first; offsets differ between clients, so compare instants.
  return [...doc.getMap<IncidentSummary>(INCIDENTS_MAP).values()].sort(
    (a, b) => Date.parse(b.awareAt) - Date.parse(a.awareAt) || a.id.localeCompare(b.id),
  );
}

export function readIncidentReports(doc: Y.Doc): IncidentReport[] {
  return [...doc.getMap<IncidentReport>(INCIDENT_REPORTS_MAP).values()].sort((a, b) =>
    a.recordedAt.localeCompare(b.recordedAt),
  );
}

export function readReestimateFlags(doc: Y.Doc): Map<string, ReestimateFlag> {
  return new Map(doc.getMap<ReestimateFlag>(REESTIMATE_MAP).entries());
}
