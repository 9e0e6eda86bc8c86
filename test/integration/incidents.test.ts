/**
 * Serious incidents over the real API and the control document, on whichever store the project
 * runs (embedded or PostgreSQL): who may write, fields recorded as missing, the clocks as the
 * server computes them, reports sent (bundled too), the re-estimate flag, and the export round trip.
 */
import { describe, expect, it, vi } from "vitest";
import { listScenarios, removeScenario } from "../../shared/content";
import {
  INCIDENT_FIELDS,
  type Incident,
  type IncidentClock,
  type IncidentReport,
  readIncidentSummaries,
  readReestimateFlags,
} from "../../shared/incidents";
import type { ImportWorkshopResponse, WorkshopExport } from "../../shared/workshopExport";
import { call } from "../helpers/api";
import { type EstimationSetup, lockAndOpen, setupWorkshop } from "../helpers/estimation";
import { serverPerTest } from "../helpers/serverPerTest";
import { takeSnapshot } from "../helpers/snapshots";
import { storedMeta } from "../helpers/storedMeta";

type View = Incident & { clock: IncidentClock };
type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string[]> } };

const missing = (reason = "not known yet") => ({ state: "missing", reason });
const filled = (value: string) => ({ state: "filled", value });

function body(overrides: Record<string, unknown> = {}, fields: Record<string, unknown> = {}) {
  return {
    title: "Agent leaked credentials to a third party",
    category: "cybersecurity",
    awareAt: "2026-03-02T14:30:00Z",
    fields: {
      ...Object.fromEntries(INCIDENT_FIELDS.map((f) => [f, missing()])),
      startDate: filled("2026-03-01"),
      harm: filled("Credentials of 40 customers exposed"),
      ...fields,
    },
    ...overrides,
  };
}

const live = serverPerTest();

/** Whether the stored metadata holds an audit entry of `action` on `target` (file JSON or jsonb text). */
const audited = (stored: string, action: string, target: string) =>
  new RegExp(`"action":\\s*"${action.replace(".", "\\.")}",\\s*"target":\\s*"${target}"`).test(stored);

async function setup(): Promise<EstimationSetup & { expert: string; observer: string }> {
  const s = await setupWorkshop(live.server.url, live.server.wsUrl, ["expert", "observer"]);
  return { ...s, expert: s.people[0]!.token, observer: s.people[1]!.token };
}

async function create(s: EstimationSetup, token: string, b: unknown = body()) {
  return call<{ incident: View } & ErrorBody>(live.server.url, "POST", `${s.route}/incidents`, {
    token,
    body: b,
  });
}

describe("incidents", () => {
  it("lets facilitators and experts create and edit, and refuses observers with nothing stored", async () => {
    const s = await setup();
    const made = await create(s, s.facilitator);
    expect(made.status).toBe(201);
    const id = made.body.incident.id;
    expect(made.body.incident).toMatchObject({ createdBy: "Fran Facilitator", category: "cybersecurity" });

    const edited = await call<{ incident: View }>(live.server.url, "PUT", `${s.route}/incidents/${id}`, {
      token: s.expert,
      body: body({ title: "Agent leaked credentials (confirmed)" }),
    });
    expect(edited.status).toBe(200);
    expect(edited.body.incident).toMatchObject({
      title: "Agent leaked credentials (confirmed)",
      createdBy: "Fran Facilitator",
      updatedBy: "expert 1",
    });

    const before = await storedMeta(live.server);
    const refused = [
      await create(s, s.observer),
      await call<ErrorBody>(live.server.url, "PUT", `${s.route}/incidents/${id}`, {
        token: s.observer,
        body: body(),
      }),
      await call<ErrorBody>(live.server.url, "POST", `${s.route}/incidents/reports`, {
        token: s.observer,
        body: { kind: "initial", incidentIds: [id] },
      }),
    ];
    for (const r of refused) {
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe("forbidden");
    }
    expect(await storedMeta(live.server)).toBe(before);

    // Observers read.
    const list = await call<{ incidents: View[] }>(live.server.url, "GET", `${s.route}/incidents`, {
      token: s.observer,
    });
    expect(list.status).toBe(200);
    expect(list.body.incidents.map((i) => i.title)).toEqual(["Agent leaked credentials (confirmed)"]);
    // Every change is an audit entry naming the incident.
    expect(audited(before, "incident.create", id)).toBe(true);
    expect(audited(before, "incident.edit", id)).toBe(true);
  });

  it("keeps each field filled or missing with its reason, and refuses a field left out or missing without a reason", async () => {
    const s = await setup();
    const made = await create(
      s,
      s.expert,
      body({}, { chainOfEvents: missing("the logs are still being pulled") }),
    );
    expect(made.status).toBe(201);
    const fields = made.body.incident.fields;
    expect(fields.chainOfEvents).toEqual({ state: "missing", reason: "the logs are still being pulled" });
    expect(fields.harm).toEqual({ state: "filled", value: "Credentials of 40 customers exposed" });

    const before = await storedMeta(live.server);
    const noReason = await create(s, s.expert, body({}, { harm: { state: "missing", reason: "  " } }));
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields?.["fields.harm.reason"]).toBeDefined();
    const partial: Record<string, unknown> = { ...body().fields };
    delete partial.recommendations;
    const leftOut = await create(s, s.expert, { ...body(), fields: partial });
    expect(leftOut.status).toBe(400);
    expect(Object.keys(leftOut.body.error.fields ?? {})).toContain("fields.recommendations");
    const badDate = await create(s, s.expert, body({}, { endDate: filled("next Tuesday") }));
    expect(badDate.body.error.fields?.["fields.endDate.value"]).toEqual(["must be a date (YYYY-MM-DD)"]);
    const badLink = await create(s, s.expert, body({ scenarioIds: ["nope"] }));
    expect(badLink.body.error.fields).toEqual({ "scenarioIds.0": ["no such scenario"] });
    const early = await create(s, s.expert, body({ resolvedAt: "2026-03-01T00:00:00Z" }));
    expect(early.body.error.fields).toEqual({ resolvedAt: ["before awareAt"] });
    const ahead = await create(s, s.expert, body({ awareAt: "2999-01-01T00:00:00Z" }));
    expect(ahead.body.error.fields).toEqual({ awareAt: ["in the future"] });
    expect(await storedMeta(live.server)).toBe(before);
  });

  it("computes the clocks on the server and records reports sent, bundled ones included, with the fields they held", async () => {
    const s = await setup();
    const a = (await create(s, s.facilitator)).body.incident;
    expect(a.clock.schedule[0]).toMatchObject({
      kind: "initial",
      dueAt: "2026-03-07T14:30:00.000Z",
      state: "overdue",
    });
    const b = (
      await create(
        s,
        s.expert,
        body({
          title: "Second leak",
          category: "critical-infrastructure",
          awareAt: "2026-03-03T10:00:00+01:00",
        }),
      )
    ).body.incident;
    expect(b.clock.schedule[0]?.dueAt).toBe("2026-03-05T09:00:00.000Z");

    const sent = await call<{ report: IncidentReport }>(
      live.server.url,
      "POST",
      `${s.route}/incidents/reports`,
      {
        token: s.expert,
        body: {
          kind: "initial",
          incidentIds: [a.id, b.id],
          sentAt: "2026-03-04T08:00:00Z",
          recipient: "AI Office",
        },
      },
    );
    expect(sent.status).toBe(201);
    expect(sent.body.report).toMatchObject({
      kind: "initial",
      recordedBy: "expert 1",
      incidentIds: [a.id, b.id],
    });
    expect(sent.body.report.held[a.id]).toEqual(["startDate", "harm"]);

    const got = await call<{ incident: View }>(live.server.url, "GET", `${s.route}/incidents/${a.id}`, {
      token: s.observer,
    });
    expect(got.body.incident.clock.schedule[0]).toEqual({
      kind: "initial",
      dueAt: "2026-03-07T14:30:00.000Z",
      state: "sent",
      sentAt: "2026-03-04T08:00:00Z",
    });
    expect(got.body.incident.clock.next).toMatchObject({
      kind: "intermediate",
      dueAt: "2026-04-01T08:00:00.000Z",
    });

    const before = await storedMeta(live.server);
    const final = await call<ErrorBody>(live.server.url, "POST", `${s.route}/incidents/reports`, {
      token: s.facilitator,
      body: { kind: "final", incidentIds: [a.id] },
    });
    expect(final.status).toBe(400);
    expect(final.body.error.fields?.["incidentIds.0"]?.[0]).toMatch(/not resolved/);
    const unknown = await call<ErrorBody>(live.server.url, "POST", `${s.route}/incidents/reports`, {
      token: s.facilitator,
      body: { kind: "initial", incidentIds: ["missing-one"] },
    });
    expect(unknown.body.error.fields).toEqual({ "incidentIds.0": ["no such incident"] });
    expect(await storedMeta(live.server)).toBe(before);
    expect(audited(before, "incident.report", sent.body.report.id)).toBe(true);
  });

  it("exports an incident's report, or a bundle, as Markdown and JSON, to observers too", async () => {
    const s = await setup();
    const a = (
      await create(s, s.facilitator, body({}, { modelEvidence: missing("awaiting the red team's replay") }))
    ).body.incident;
    const b = (await create(s, s.facilitator, body({ title: "Second leak" }))).body.incident;
    const get = (query: string) =>
      fetch(`${live.server.url}/api${s.route}/incidents/report?${query}`, {
        headers: { authorization: `Bearer ${s.observer}` },
      });
    const md = await get(`ids=${a.id}&format=md`);
    expect(md.status).toBe(200);
    expect(md.headers.get("content-disposition")).toMatch(
      /attachment; filename="riskroom-incident-report-.*\.md"/,
    );
    const text = await md.text();
    expect(text).toContain("# Serious incident report: Agent leaked credentials to a third party");
    expect(text).toContain("awaiting the red team's replay");
    expect(text).toContain("2026-03-07 14:30 UTC");

    const json = await get(`ids=${a.id},${b.id}&format=json`);
    const doc = (await json.json()) as { schema: string; incidents: View[] };
    expect(doc.schema).toBe("riskroom.incident-report/v1");
    expect(doc.incidents.map((i) => i.id)).toEqual([a.id, b.id]);
    expect((await get(`ids=nope&format=md`)).status).toBe(404);
    expect((await get(`format=md`)).status).toBe(400);
  });

  it("flags a linked scenario for re-estimation until a round revealed after the link covers it", async () => {
    const s = await setup();
    const control = live.peer(`${s.workshopId}/control`, s.observer);
    await control.synced();
    const [first, second] = s.scenarioIds as [string, string];
    const made = await create(s, s.expert, body({ scenarioIds: [first] }));
    expect(made.status).toBe(201);
    await vi.waitFor(() =>
      expect(readReestimateFlags(control.doc).get(first)?.incidentIds).toEqual([made.body.incident.id]),
    );
    expect(readIncidentSummaries(control.doc)[0]).toMatchObject({
      id: made.body.incident.id,
      scenarioIds: [first],
    });
    expect(readReestimateFlags(control.doc).has(second)).toBe(false);

    // A round over the other scenario leaves the flag; one covering it, revealed, clears it.
    const roundId = await lockAndOpen(live.server.url, { ...s, scenarioIds: [second] });
    expect(
      (await call(live.server.url, "POST", `${s.route}/rounds/${roundId}/reveal`, { token: s.facilitator }))
        .status,
    ).toBe(200);
    await call(live.server.url, "POST", `${s.route}/rounds/${roundId}/close`, { token: s.facilitator });
    expect(readReestimateFlags(control.doc).has(first)).toBe(true);
    const covering = await call<{ round: { id: string } }>(live.server.url, "POST", `${s.route}/rounds`, {
      token: s.facilitator,
      body: { scenarioIds: [first] },
    });
    expect(covering.status).toBe(201);
    // Open is not enough: only a revealed round clears it.
    expect(readReestimateFlags(control.doc).has(first)).toBe(true);
    await call(live.server.url, "POST", `${s.route}/rounds/${covering.body.round.id}/reveal`, {
      token: s.facilitator,
    });
    await vi.waitFor(() => expect(readReestimateFlags(control.doc).has(first)).toBe(false));

    // Linking the other scenario now flags it; the earlier reveal of it does not count.
    await call(live.server.url, "PUT", `${s.route}/incidents/${made.body.incident.id}`, {
      token: s.expert,
      body: body({ scenarioIds: [first, second] }),
    });
    await vi.waitFor(() => expect([...readReestimateFlags(control.doc).keys()]).toEqual([second]));

    // The flags are rebuilt from metadata when the control room loads again.
    const server = await live.restart();
    const reloaded = live.peer(`${s.workshopId}/control`, s.observer);
    await reloaded.synced();
    expect(server.url).toBeTruthy();
    expect([...readReestimateFlags(reloaded.doc).keys()]).toEqual([second]);
  });

  it("keeps incidents and reports through a JSON export and import, and in snapshots as they were", async () => {
    const s = await setup();
    const made = (
      await create(s, s.facilitator, body({ scenarioIds: [s.scenarioIds[0]!], riskIds: ["cbrn"] }))
    ).body.incident;
    await call(live.server.url, "POST", `${s.route}/incidents/reports`, {
      token: s.facilitator,
      body: { kind: "initial", incidentIds: [made.id], sentAt: "2026-03-03T00:00:00Z" },
    });
    const snapshot = await takeSnapshot(live.server.url, s.route, s.facilitator, "after the initial report");
    await call(live.server.url, "PUT", `${s.route}/incidents/${made.id}`, {
      token: s.facilitator,
      body: body({ title: "Renamed after the snapshot", resolvedAt: "2026-03-10T00:00:00Z" }),
    });

    const exportOf = async (workshopId: string, token: string, query = "") => {
      const res = await fetch(`${live.server.url}/api/workshops/${workshopId}/export?format=json${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      return (await res.json()) as WorkshopExport;
    };
    const original = await exportOf(s.workshopId, s.facilitator);
    expect(original.incidents.map((i) => i.title)).toEqual(["Renamed after the snapshot"]);
    expect(original.incidentReports).toHaveLength(1);
    const atSnapshot = await exportOf(s.workshopId, s.facilitator, `&snapshot=${snapshot.id}`);
    expect(atSnapshot.incidents.map((i) => i.title)).toEqual(["Agent leaked credentials to a third party"]);

    const imported = await call<ImportWorkshopResponse>(live.server.url, "POST", "/workshops/import", {
      body: { export: original },
    });
    expect(imported.status).toBe(201);
    const again = await exportOf(imported.body.workshop.id, imported.body.session.token);
    expect(again.incidents).toEqual(original.incidents);
    expect(again.incidentReports).toEqual(original.incidentReports);

    const md = await fetch(`${live.server.url}/api/workshops/${s.workshopId}/export?format=md`, {
      headers: { authorization: `Bearer ${s.facilitator}` },
    });
    expect(await md.text()).toContain("## 7. Serious incidents");
  });

  it("keeps a link to a scenario removed from the content when the incident is edited, and refuses a new unknown one", async () => {
    const s = await setup();
    const [gone, other] = s.scenarioIds as [string, string];
    const made = (await create(s, s.expert, body({ scenarioIds: [gone] }))).body.incident;
    const author = live.peer(s.workshopId, s.facilitator);
    await author.synced();
    const check = live.peer(s.workshopId, s.facilitator);
    await check.synced();
    removeScenario(author.doc, gone);
    // Relayed only after the server applied it: once another client sees it, the server has it.
    await vi.waitFor(() => expect(listScenarios(check.doc).map((x) => x.id)).toEqual([other]));
    const unknown = await call<ErrorBody>(live.server.url, "PUT", `${s.route}/incidents/${made.id}`, {
      token: s.expert,
      body: body({ scenarioIds: [gone, "never-was"] }),
    });
    expect(unknown.body.error.fields).toEqual({ "scenarioIds.1": ["no such scenario"] });
    const relink = await create(s, s.expert, body({ scenarioIds: [gone] }));
    expect(relink.body.error.fields).toEqual({ "scenarioIds.0": ["no such scenario"] });
    const kept = await call<{ incident: View }>(live.server.url, "PUT", `${s.route}/incidents/${made.id}`, {
      token: s.expert,
      body: body({ scenarioIds: [gone, other] }),
    });
    expect(kept.status).toBe(200);
    expect(kept.body.incident.scenarioIds).toEqual([gone, other]);
    expect(Object.keys(kept.body.incident.scenarioLinkedAt).sort()).toEqual([gone, other].sort());
  });
});
