/**
 * Stored shapes of serious incidents and the reports sent about them, and the write contract both
 * stores keep for them (added to `MetaRepository`).
 */
import type { Incident, IncidentReport } from "../../shared/incidents";

export interface IncidentRecord extends Incident {
  workshopId: string;
}

export interface IncidentReportRecord extends IncidentReport {
  workshopId: string;
}

export type IncidentAuditAction = "incident.create" | "incident.edit" | "incident.report" | "incident.export";

/**
 * Decides an incident's next version from the stored one (undefined for a new one) and how many
 * the workshop holds; pure, may run more than once, throws to refuse (a limit, a rule).
 */
export type DecideIncident = (previous: IncidentRecord | undefined, count: number) => IncidentRecord;

/** Decides a report's record from the workshop's incidents and how many reports it holds. */
export type DecideReport = (
  incidents: readonly IncidentRecord[],
  reportCount: number,
) => IncidentReportRecord;

/** The incident part of the metadata repository; see repository.ts for the contract of every write. */
export interface IncidentRepository {
  /** In creation order. */
  incidentsOf(workshopId: string): Promise<IncidentRecord[]>;
  /** In the order recorded. */
  incidentReportsOf(workshopId: string): Promise<IncidentReportRecord[]>;
  /**
   * Creates or replaces incident `incidentId` with what `decide` returns (its id and workshop are
   * forced to these). Audit: `incident.create` (none stored before) or `incident.edit` → incident id.
   */
  putIncident(
    workshopId: string,
    incidentId: string,
    decide: DecideIncident,
    stamp: { actor: string; at: string },
  ): Promise<IncidentRecord>;
  /** Records a report as sent. Audit: `incident.report` → report id. */
  addIncidentReport(
    workshopId: string,
    decide: DecideReport,
    stamp: { actor: string; at: string },
  ): Promise<IncidentReportRecord>;
}
