/** The room's snapshot endpoints: the risk history, and a new workshop started from a snapshot. */
import { describe, expect, it, vi } from "vitest";
import { addScenario, listScenarios, risksOf } from "../../shared/content";
import { defaultFramework } from "../../shared/estimation/framework";
import type { SnapshotEntry } from "../../shared/snapshot";
import type { HistoryPoint, ImportWorkshopResponse, SnapshotIndexEntry } from "../../shared/workshopExport";
import { call, workshopWith } from "../helpers/api";
import { lockAndOpen, setupWorkshop } from "../helpers/estimation";
import { serverPerTest } from "../helpers/serverPerTest";
import { takeSnapshot, tamperSnapshot } from "../helpers/snapshots";
import { storedMeta } from "../helpers/storedMeta";

interface HistoryBody {
  snapshots: SnapshotIndexEntry[];
  history: Array<{ scenarioId: string; points: HistoryPoint[] }>;
}
interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string[]> };
}

const live = serverPerTest();

const take = (route: string, token: string, label: string) =>
  takeSnapshot(live.server.url, route, token, label);

function tamper(workshopId: string, entry: SnapshotEntry): Promise<void> {
  return tamperSnapshot(live.server, workshopId, entry.id, `"${entry.label}"`, '"innocent"');
}

describe("GET /workshops/:id/history", () => {
  it("gives every snapshot and each scenario's standing per verified snapshot, to any session", async () => {
    const s = await setupWorkshop(live.server.url, live.server.wsUrl, ["expert", "observer"], 2);
    const roundId = await lockAndOpen(live.server.url, s);
    const level = defaultFramework().severityLevels[2]!.id;
    const estimate = await call(live.server.url, "POST", `${s.route}/rounds/${roundId}/estimates`, {
      token: s.people[0]!.token,
      body: {
        scenarioId: s.scenarioIds[0],
        probability: { low: 0.001, best: 0.004, high: 0.02 },
        severity: { levelId: level },
        confidence: "low",
      },
    });
    expect(estimate.status).toBe(201);
    await call(live.server.url, "POST", `${s.route}/rounds/${roundId}/reveal`, { token: s.facilitator });
    const manual = await take(s.route, s.facilitator, "after reveal");
    const broken = await take(s.route, s.facilitator, "broken later");
    await tamper(s.workshopId, broken);

    const res = await call<HistoryBody>(live.server.url, "GET", `${s.route}/history`, {
      token: s.people[1]!.token,
    });
    expect(res.status).toBe(200);
    expect(res.body.snapshots.map((x) => [x.label, x.auto, x.verified])).toEqual([
      ["Round 1 revealed", true, true],
      ["after reveal", false, true],
      ["broken later", false, false],
    ]);
    // Scenarios in content order; the unestimated one has no points.
    expect(res.body.history.map((h) => h.scenarioId)).toEqual(s.scenarioIds);
    const points = res.body.history[0]!.points;
    expect(points.map((p) => p.label)).toEqual(["Round 1 revealed", "after reveal"]);
    expect(points[1]).toMatchObject({ snapshotId: manual.id, residual: null });
    expect(points[1]!.pre).toMatchObject({ roundNumber: 1, n: 1, levelId: level });
    expect(points[1]!.pre!.best).toBeCloseTo(0.004, 12);
    expect(res.body.history[1]!.points).toEqual([]);
  });

  it("is empty for a workshop without snapshots, and only for the workshop's own sessions", async () => {
    const a = await workshopWith(live.server.url, []);
    const b = await workshopWith(live.server.url, []);
    const res = await call<HistoryBody>(live.server.url, "GET", `/workshops/${a.workshopId}/history`, {
      token: a.facilitator,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ snapshots: [], history: [] });
    const other = await call(live.server.url, "GET", `/workshops/${a.workshopId}/history`, {
      token: b.facilitator,
    });
    expect(other.status).toBe(403);
    expect((await call(live.server.url, "GET", `/workshops/${a.workshopId}/history`)).status).toBe(401);
  });
});

describe("POST /workshops/:id/snapshots/:snapshotId/new-workshop", () => {
  it("starts a new workshop with the snapshot's content and framework, and the caller as its facilitator", async () => {
    const { workshopId, facilitator, people } = await workshopWith(live.server.url, ["expert", "observer"]);
    const route = `/workshops/${workshopId}`;
    const editor = live.peer(workshopId, facilitator);
    await editor.synced();
    addScenario(editor.doc, { riskId: "cbrn", title: "In the snapshot", status: "draft" });
    const check = live.peer(workshopId, people[0]!.token);
    await vi.waitFor(() => expect(listScenarios(check.doc)).toHaveLength(1));
    const entry = await take(route, facilitator, "baseline");
    addScenario(editor.doc, { riskId: "cbrn", title: "After the snapshot", status: "draft" });
    risksOf(editor.doc).update("cbrn", { title: "CBRN (renamed later)" });
    await vi.waitFor(() => expect(listScenarios(check.doc)).toHaveLength(2));

    const res = await call<ImportWorkshopResponse>(
      live.server.url,
      "POST",
      `${route}/snapshots/${entry.id}/new-workshop`,
      { token: facilitator, body: { title: "Model X, second pass", displayName: "Nora New" } },
    );
    expect(res.status).toBe(201);
    const { workshop, session, imported } = res.body;
    expect(workshop.id).not.toBe(workshopId);
    expect(workshop.title).toBe("Model X, second pass");
    expect(session.participant).toMatchObject({ displayName: "Nora New", role: "facilitator" });
    expect(imported).toMatchObject({
      from: { workshopId, source: "snapshot" },
      scenarios: 1,
      frameworkLocked: false,
    });

    // The new workshop holds the snapshot's content, not today's, and only its new facilitator.
    const fresh = live.peer(workshop.id, session.token);
    await vi.waitFor(() => expect(listScenarios(fresh.doc).map((s) => s.title)).toEqual(["In the snapshot"]));
    expect(risksOf(fresh.doc).get("cbrn")?.title).toBe("CBRN");
    const framework = await call<{ framework: unknown }>(
      live.server.url,
      "GET",
      `/workshops/${workshop.id}/framework`,
      {
        token: session.token,
      },
    );
    expect(framework.status).toBe(200);
    expect(framework.body.framework).toEqual(defaultFramework());
    const snapshots = await call<{ snapshots: SnapshotEntry[] }>(
      live.server.url,
      "GET",
      `/workshops/${workshop.id}/snapshots`,
      { token: session.token },
    );
    expect(snapshots.body.snapshots).toEqual([]);
    const history = await call<HistoryBody>(live.server.url, "GET", `/workshops/${workshop.id}/history`, {
      token: session.token,
    });
    expect(history.body.snapshots).toEqual([]);

    // Without a body the snapshot's title is kept.
    const plain = await call<ImportWorkshopResponse>(
      live.server.url,
      "POST",
      `${route}/snapshots/${entry.id}/new-workshop`,
      { token: facilitator, body: {} },
    );
    expect(plain.status).toBe(201);
    expect(plain.body.workshop.title).toBe("Model X pre-deployment");
    expect(plain.body.workshop.id).not.toBe(workshop.id);
  });

  it("refuses experts and observers, unknown snapshots, bad bodies and corrupt snapshots", async () => {
    const { workshopId, facilitator, people } = await workshopWith(live.server.url, ["expert", "observer"]);
    const route = `/workshops/${workshopId}`;
    const entry = await take(route, facilitator, "baseline");
    const url = `${route}/snapshots/${entry.id}/new-workshop`;
    for (const person of people) {
      const res = await call<ErrorBody>(live.server.url, "POST", url, { token: person.token, body: {} });
      expect(res.status, person.role).toBe(403);
    }
    const unknown = await call<ErrorBody>(
      live.server.url,
      "POST",
      `${route}/snapshots/AAAAAAAAAAAAAAAA/new-workshop`,
      {
        token: facilitator,
        body: {},
      },
    );
    expect(unknown.status).toBe(404);
    const extra = await call<ErrorBody>(live.server.url, "POST", url, {
      token: facilitator,
      body: { title: "x", participants: [] },
    });
    expect(extra.status).toBe(400);
    const blank = await call<ErrorBody>(live.server.url, "POST", url, {
      token: facilitator,
      body: { title: "  " },
    });
    expect(blank.status).toBe(400);
    expect(blank.body.error.fields?.title).toBeDefined();

    await tamper(workshopId, entry);
    const corrupt = await call<ErrorBody>(live.server.url, "POST", url, { token: facilitator, body: {} });
    expect(corrupt.status).toBe(500);
    expect(corrupt.body.error.code).toBe("snapshot_corrupt");
  });
});

describe("a new workshop from a snapshot, on a server with a create token", () => {
  it("is refused with the way round it, and creates nothing", async () => {
    await live.replace({ RISKROOM_CREATE_TOKEN: "s3cret-create-token" });
    const created = await call<{ workshop: { id: string }; session: { token: string } }>(
      live.server.url,
      "POST",
      "/workshops",
      { token: "s3cret-create-token", body: { title: "Guarded", displayName: "Fran" } },
    );
    const route = `/workshops/${created.body.workshop.id}`;
    const facilitator = created.body.session.token;
    const entry = await take(route, facilitator, "baseline");
    const before = await storedMeta(live.server);
    const res = await call<ErrorBody>(
      live.server.url,
      "POST",
      `${route}/snapshots/${entry.id}/new-workshop`,
      {
        token: facilitator,
        body: {},
      },
    );
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("create_token_required");
    expect(res.body.error.message).toMatch(/import it with the token/);
    expect(await storedMeta(live.server)).toBe(before);
  });
});
