/**
 * Serious incidents: facilitators and experts record and edit them and the reports sent about
 * them, observers read; every change is one audited metadata write, then projected into the
 * control document (incidentProjection.ts). Deadlines are computed here, on the server, from the
 * stored record (shared/incidents/clocks.ts).
 */
import { listScenarios, risksOf } from "../../shared/content";
import { ErrorCode } from "../../shared/errors";
import type { Incident, IncidentBody, IncidentReport, ReportSentBody } from "../../shared/incidents";
import type { IncidentLimits } from "../../shared/limits";
import { DomainError, invalidInput, notFound } from "../domainErrors";
import { type IncidentContext, incidentReportDocument } from "../export/incidentDocument";
import { markdownDocument } from "../export/markdownReport";
import type { MetaRepository } from "../store/repository";
import type { ContentReader } from "./contentReader";
import type { ControlProjection } from "./controlProjection";
import { type IncidentView, incidentView, presentIncident, presentReport } from "./incidentPresenter";
import { applyIncidentState, readIncidentState } from "./incidentProjection";
import { checkTimes, decideIncident, decideReport, fieldLengthIssues } from "./incidentRules";
import { requireRole, stampOf } from "./roles";
import type { SessionContext } from "./sessions";
import { newId } from "./tokens";

const WRITERS = ["facilitator", "expert"] as const;

export interface IncidentList {
  incidents: IncidentView[];
  reports: IncidentReport[];
}

export interface IncidentReportFile {
  body: string;
  contentType: string;
  filename: string;
}

export class IncidentService {
  constructor(
    private readonly meta: MetaRepository,
    private readonly control: ControlProjection,
    private readonly content: ContentReader,
    private readonly limits: IncidentLimits,
  ) {}

  async list(ctx: SessionContext): Promise<IncidentList> {
    const workshopId = ctx.workshop.id;
    const reports = (await this.meta.incidentReportsOf(workshopId)).map(presentReport);
    const now = Date.now();
    const incidents = (await this.meta.incidentsOf(workshopId)).map((r) =>
      incidentView(presentIncident(r), reports, now),
    );
    return { incidents, reports };
  }

  async get(ctx: SessionContext, incidentId: string): Promise<{ incident: IncidentView }> {
    const { incidents } = await this.list(ctx);
    const incident = incidents.find((i) => i.id === incidentId);
    if (!incident) throw notFound("incident");
    return { incident };
  }

  create(ctx: SessionContext, body: IncidentBody): Promise<{ incident: IncidentView }> {
    return this.put(ctx, newId(), body, "create");
  }

  update(ctx: SessionContext, incidentId: string, body: IncidentBody): Promise<{ incident: IncidentView }> {
    return this.put(ctx, incidentId, body, "edit");
  }

  async recordReport(ctx: SessionContext, body: ReportSentBody): Promise<{ report: IncidentReport }> {
    requireRole(ctx, WRITERS, "record an incident report");
    const stamp = stampOf(ctx);
    const decide = decideReport(body, this.limits, newId(), ctx.participant.displayName, stamp);
    const stored = await this.meta.addIncidentReport(ctx.workshop.id, decide, stamp);
    await this.project(ctx.workshop.id);
    return { report: presentReport(stored) };
  }

  /** One incident's report, or several bundled; any participant may export (observers read). */
  async exportReport(ctx: SessionContext, ids: string[], format: "md" | "json"): Promise<IncidentReportFile> {
    const workshopId = ctx.workshop.id;
    const all = await this.list(ctx);
    const wanted = [...new Set(ids)];
    const missing = wanted.filter((id) => !all.incidents.some((i) => i.id === id));
    if (missing.length > 0) throw notFound(`incident ${missing.join(", ")}`);
    const incidents = wanted.map((id) => all.incidents.find((i) => i.id === id)!);
    const reports = all.reports.filter((r) => r.incidentIds.some((id) => wanted.includes(id)));
    const now = Date.now();
    await this.meta.appendAudit({
      at: new Date(now).toISOString(),
      workshopId,
      actor: ctx.participant.id,
      action: "incident.export",
      target: wanted.join(","),
    });
    const name = `riskroom-incident-report-${new Date(now).toISOString().slice(0, 10)}-${wanted.length === 1 ? wanted[0] : `${wanted.length}-incidents`}`;
    if (format === "json") {
      const doc = {
        schema: "riskroom.incident-report/v1",
        exportedAt: new Date(now).toISOString(),
        workshop: {
          id: workshopId,
          title: ctx.workshop.title,
          ...(ctx.workshop.subject ? { subject: ctx.workshop.subject } : {}),
        },
        incidents,
        reports,
      };
      return {
        body: `${JSON.stringify(doc, null, 2)}\n`,
        contentType: "application/json",
        filename: `${name}.json`,
      };
    }
    const context: IncidentContext = {
      workshop: ctx.workshop,
      titles: await this.titles(workshopId),
      now,
    };
    return {
      body: markdownDocument(incidentReportDocument(incidents, reports, context)),
      contentType: "text/markdown; charset=utf-8",
      filename: `${name}.md`,
    };
  }

  /** Refuses, before anything is created, an import whose incidents this server would not take. */
  checkImport(incidents: readonly Incident[], reports: readonly IncidentReport[]): void {
    if (incidents.length > this.limits.maxIncidents || reports.length > this.limits.maxReports)
      throw new DomainError(
        ErrorCode.incidentLimit,
        `the export holds ${incidents.length} incidents and ${reports.length} reports; this server takes at most ${this.limits.maxIncidents} and ${this.limits.maxReports}`,
      );
    const issues: Record<string, string[]> = {};
    incidents.forEach((incident, i) => {
      for (const [key, problem] of Object.entries(fieldLengthIssues(incident, this.limits.maxFieldChars)))
        issues[`export.incidents.${i}.${key}`] = problem;
    });
    if (Object.keys(issues).length > 0) throw invalidInput("incident fields over the length limit", issues);
  }

  /**
   * An import's incidents and reports, as they were (ids, times and authors kept), each write
   * audited as the importer's. Links are kept as exported: the content came with the same ids.
   */
  async importAll(
    ctx: SessionContext,
    incidents: readonly Incident[],
    reports: readonly IncidentReport[],
  ): Promise<void> {
    const workshopId = ctx.workshop.id;
    const stamp = stampOf(ctx);
    for (const incident of incidents)
      await this.meta.putIncident(workshopId, incident.id, () => ({ ...incident, workshopId }), stamp);
    for (const report of reports)
      await this.meta.addIncidentReport(workshopId, () => ({ ...report, workshopId }), stamp);
    if (incidents.length > 0) await this.project(workshopId);
  }

  /** Re-projects the workshop's incidents and flags, e.g. after a round is revealed. */
  async project(workshopId: string): Promise<void> {
    const state = await readIncidentState(this.meta, workshopId);
    await this.control.write(workshopId, (doc) => applyIncidentState(doc, state));
  }

  private async put(
    ctx: SessionContext,
    incidentId: string,
    body: IncidentBody,
    mode: "create" | "edit",
  ): Promise<{ incident: IncidentView }> {
    requireRole(ctx, WRITERS, mode === "create" ? "record an incident" : "edit an incident");
    const long = fieldLengthIssues(body, this.limits.maxFieldChars);
    if (Object.keys(long).length > 0) throw invalidInput("fields over the length limit", long);
    const stamp = stampOf(ctx);
    checkTimes(body, Date.parse(stamp.at));
    // A link kept from before stays, even if its scenario or risk has since left the content.
    const previous = (await this.meta.incidentsOf(ctx.workshop.id)).find((i) => i.id === incidentId);
    await this.checkLinks(ctx.workshop.id, body, previous);
    const stored = await this.meta.putIncident(
      ctx.workshop.id,
      incidentId,
      decideIncident(body, this.limits, ctx.participant.displayName, stamp, mode),
      stamp,
    );
    await this.project(ctx.workshop.id);
    const reports = (await this.meta.incidentReportsOf(ctx.workshop.id)).map(presentReport);
    return { incident: incidentView(presentIncident(stored), reports, Date.now()) };
  }

  private async checkLinks(
    workshopId: string,
    body: IncidentBody,
    previous: Pick<Incident, "scenarioIds" | "riskIds"> | undefined,
  ): Promise<void> {
    const scenarios = new Set([
      ...(await this.content.scenarioIds(workshopId)),
      ...(previous?.scenarioIds ?? []),
    ]);
    const risks = new Set([...(await this.content.riskIds(workshopId)), ...(previous?.riskIds ?? [])]);
    const issues: Array<[string, string[]]> = [
      ...body.scenarioIds.flatMap((id, i) =>
        scenarios.has(id) ? [] : [[`scenarioIds.${i}`, ["no such scenario"]] as [string, string[]]],
      ),
      ...body.riskIds.flatMap((id, i) =>
        risks.has(id) ? [] : [[`riskIds.${i}`, ["no such risk"]] as [string, string[]]],
      ),
    ];
    if (issues.length > 0) throw invalidInput("unknown links", Object.fromEntries(issues));
  }

  private async titles(workshopId: string): Promise<Map<string, string>> {
    return this.control.registry.withRoom({ workshopId, kind: "content" }, (room) => {
      const out = new Map<string, string>();
      for (const s of listScenarios(room.doc)) out.set(s.id, s.title);
      for (const r of risksOf(room.doc).list()) out.set(r.id, r.title);
      return out;
    });
  }
}
