/**
 * Incident writes in PostgreSQL: each the body of one transaction that already holds its
 * workshop's row lock (see pgMetaRepository.ts), so the count a limit is checked against is the
 * one the write sees.
 */
import type { DecideIncident, DecideReport, IncidentRecord, IncidentReportRecord } from "../incidentRecords";
import type { AuditStamp } from "../repository";
import type { PoolClient } from "./pool";
import { appendAuditRow, type Db, record, records } from "./sql";

export function incidentsIn(db: Db, workshopId: string): Promise<IncidentRecord[]> {
  return records(db, "SELECT record FROM incidents WHERE workshop_id = $1 ORDER BY n", [workshopId]);
}

export function reportsIn(db: Db, workshopId: string): Promise<IncidentReportRecord[]> {
  return records(db, "SELECT record FROM incident_reports WHERE workshop_id = $1 ORDER BY n", [workshopId]);
}

export async function putIncident(
  client: PoolClient,
  workshopId: string,
  incidentId: string,
  decide: DecideIncident,
  stamp: AuditStamp,
): Promise<IncidentRecord> {
  const previous = await record<IncidentRecord>(
    client,
    "SELECT record FROM incidents WHERE workshop_id = $1 AND id = $2",
    [workshopId, incidentId],
  );
  const { rows } = await client.query<{ count: string }>(
    "SELECT count(*) AS count FROM incidents WHERE workshop_id = $1",
    [workshopId],
  );
  const next: IncidentRecord = {
    ...decide(previous, Number(rows[0]?.count ?? 0)),
    id: incidentId,
    workshopId,
  };
  if (previous)
    await client.query("UPDATE incidents SET record = $3 WHERE workshop_id = $1 AND id = $2", [
      workshopId,
      incidentId,
      next,
    ]);
  else
    await client.query("INSERT INTO incidents (workshop_id, id, record) VALUES ($1, $2, $3)", [
      workshopId,
      incidentId,
      next,
    ]);
  await appendAuditRow(client, workshopId, stamp, previous ? "incident.edit" : "incident.create", incidentId);
  return next;
}

export async function addIncidentReport(
  client: PoolClient,
  workshopId: string,
  decide: DecideReport,
  stamp: AuditStamp,
): Promise<IncidentReportRecord> {
  const { rows } = await client.query<{ count: string }>(
    "SELECT count(*) AS count FROM incident_reports WHERE workshop_id = $1",
    [workshopId],
  );
  const report: IncidentReportRecord = {
    ...decide(await incidentsIn(client, workshopId), Number(rows[0]?.count ?? 0)),
    workshopId,
  };
  await client.query("INSERT INTO incident_reports (workshop_id, id, record) VALUES ($1, $2, $3)", [
    workshopId,
    report.id,
    report,
  ]);
  await appendAuditRow(client, workshopId, stamp, "incident.report", report.id);
  return report;
}
