/** Incident writes as pure transitions of one workshop's metadata (see transitions.ts). */
import type { DecideIncident, DecideReport, IncidentRecord, IncidentReportRecord } from "../incidentRecords";
import type { AuditStamp } from "../repository";
import { audited, type Transition } from "./transitions";
import type { WorkshopMeta } from "./workshopMeta";

export function putIncident(
  meta: WorkshopMeta,
  incidentId: string,
  decide: DecideIncident,
  stamp: AuditStamp,
): Transition<IncidentRecord> {
  const list = meta.incidents ?? [];
  const index = list.findIndex((i) => i.id === incidentId);
  const previous = index < 0 ? undefined : list[index];
  const next: IncidentRecord = {
    ...decide(previous, list.length),
    id: incidentId,
    workshopId: meta.workshop.id,
  };
  const incidents = index < 0 ? [...list, next] : list.map((i, n) => (n === index ? next : i));
  const action = previous ? "incident.edit" : "incident.create";
  return { next: { ...meta, incidents, audit: audited(meta, stamp, action, incidentId) }, result: next };
}

export function addIncidentReport(
  meta: WorkshopMeta,
  decide: DecideReport,
  stamp: AuditStamp,
): Transition<IncidentReportRecord> {
  const reports = meta.incidentReports ?? [];
  const report: IncidentReportRecord = {
    ...decide(meta.incidents ?? [], reports.length),
    workshopId: meta.workshop.id,
  };
  return {
    next: {
      ...meta,
      incidentReports: [...reports, report],
      audit: audited(meta, stamp, "incident.report", report.id),
    },
    result: report,
  };
}
