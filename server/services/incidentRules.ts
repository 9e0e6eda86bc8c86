/**
 * The rules of an incident write, as the pure decide callbacks the store runs inside its
 * transaction (so the limits hold whatever the concurrency): the count limits, field lengths,
 * when each scenario was linked, and what a report may claim.
 */
import { ErrorCode } from "../../shared/errors";
import {
  filledFields,
  INCIDENT_FIELDS,
  type IncidentBody,
  type ReportSentBody,
} from "../../shared/incidents";
import type { IncidentLimits } from "../../shared/limits";
import { DomainError, invalidInput, notFound } from "../domainErrors";
import type { DecideIncident, DecideReport } from "../store/incidentRecords";
import type { AuditStamp } from "../store/repository";

/** Fields longer than the configured limit, as `fields` of an invalid_input. */
export function fieldLengthIssues(body: IncidentBody, max: number): Record<string, string[]> {
  const issues: Record<string, string[]> = {};
  for (const key of INCIDENT_FIELDS) {
    const entry = body.fields[key];
    const text = entry.state === "filled" ? entry.value : entry.reason;
    if (text.length > max)
      issues[`fields.${key}.${entry.state === "filled" ? "value" : "reason"}`] = [
        `at most ${max} characters`,
      ];
  }
  return issues;
}

export function checkTimes(body: IncidentBody, now: number): void {
  if (body.resolvedAt !== null && Date.parse(body.resolvedAt) < Date.parse(body.awareAt))
    throw invalidInput("an incident cannot be resolved before the provider became aware of it", {
      resolvedAt: ["before awareAt"],
    });
  // A minute of grace for clocks that run a little ahead of the server's.
  const future = (t: string | null) => t !== null && Date.parse(t) > now + 60_000;
  if (future(body.awareAt) || future(body.resolvedAt))
    throw invalidInput("an incident's times cannot be in the future", {
      ...(future(body.awareAt) ? { awareAt: ["in the future"] } : {}),
      ...(future(body.resolvedAt) ? { resolvedAt: ["in the future"] } : {}),
    });
}

export function decideIncident(
  body: IncidentBody,
  limits: IncidentLimits,
  by: string,
  stamp: AuditStamp,
  mode: "create" | "edit",
): DecideIncident {
  return (previous, count) => {
    if (mode === "edit" && !previous) throw notFound("incident");
    if (mode === "create" && count >= limits.maxIncidents)
      throw new DomainError(
        ErrorCode.incidentLimit,
        `this workshop holds ${limits.maxIncidents} incidents, the most this server allows (MAX_INCIDENTS)`,
      );
    const scenarioIds = [...new Set(body.scenarioIds)];
    const linkedAt = Object.fromEntries(
      scenarioIds.map((id) => [id, previous?.scenarioLinkedAt[id] ?? stamp.at] as const),
    );
    return {
      ...body,
      scenarioIds,
      riskIds: [...new Set(body.riskIds)],
      id: previous?.id ?? "",
      workshopId: previous?.workshopId ?? "",
      scenarioLinkedAt: linkedAt,
      createdAt: previous?.createdAt ?? stamp.at,
      createdBy: previous?.createdBy ?? by,
      updatedAt: stamp.at,
      updatedBy: by,
    };
  };
}

export function decideReport(
  body: ReportSentBody,
  limits: IncidentLimits,
  id: string,
  by: string,
  stamp: AuditStamp,
): DecideReport {
  const sentAt = body.sentAt ?? stamp.at;
  if (Date.parse(sentAt) > Date.parse(stamp.at) + 60_000)
    throw invalidInput("a report cannot be sent in the future", { sentAt: ["in the future"] });
  return (incidents, reportCount) => {
    if (reportCount >= limits.maxReports)
      throw new DomainError(
        ErrorCode.incidentLimit,
        `this workshop holds ${limits.maxReports} incident reports, the most this server allows (MAX_INCIDENT_REPORTS)`,
      );
    const ids = [...new Set(body.incidentIds)];
    const held: Record<string, ReturnType<typeof filledFields>> = {};
    const issues: Record<string, string[]> = {};
    ids.forEach((incidentId, i) => {
      const incident = incidents.find((x) => x.id === incidentId);
      if (!incident) issues[`incidentIds.${i}`] = ["no such incident"];
      else if (body.kind === "final" && incident.resolvedAt === null)
        issues[`incidentIds.${i}`] = ["not resolved: a final report needs the resolution time"];
      else if (Date.parse(sentAt) < Date.parse(incident.awareAt))
        issues.sentAt = ["before the provider became aware of the incident"];
      else held[incidentId] = filledFields(incident.fields);
    });
    if (Object.keys(issues).length > 0) throw invalidInput("the report cannot be recorded", issues);
    return {
      id,
      workshopId: "",
      kind: body.kind,
      incidentIds: ids,
      sentAt,
      ...(body.recipient ? { recipient: body.recipient } : {}),
      recordedAt: stamp.at,
      recordedBy: by,
      held,
    };
  };
}
