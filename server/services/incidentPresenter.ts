/** Shapes stored incident records for the API, the control document and exports. */
import { clockOf, type Incident, type IncidentClock, type IncidentReport } from "../../shared/incidents";
import type { IncidentRecord, IncidentReportRecord } from "../store/records";

export interface IncidentView extends Incident {
  /** Computed on the server when the answer was made. */
  clock: IncidentClock;
}

export function presentIncident(record: IncidentRecord): Incident {
  const { workshopId: _w, ...incident } = record;
  return incident;
}

export function presentReport(record: IncidentReportRecord): IncidentReport {
  const { workshopId: _w, ...report } = record;
  return report;
}

export function incidentView(
  incident: Incident,
  reports: readonly IncidentReport[],
  now: number,
): IncidentView {
  return { ...incident, clock: clockOf(incident, reports, now) };
}
