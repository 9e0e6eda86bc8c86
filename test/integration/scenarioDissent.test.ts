/**
 * Dissent on a scenario goes through the server, on both stores: the author and time are the
 * session's whatever the body says, the note is stored in metadata, projected into the control
 * document and audited; a note a client writes straight into the content document is not dissent
 * on record; notes stored in content documents before this are taken over once, marked legacy.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import type { AuditResponse } from "../../shared/audit";
import { readScenarioDissent, type ScenarioDissent } from "../../shared/scenarioDissent";
import type { WorkshopExport } from "../../shared/workshopExport";
import { call } from "../helpers/api";
import { setupWorkshop } from "../helpers/estimation";
import { serverPerTest } from "../helpers/serverPerTest";
import { storedMeta } from "../helpers/storedMeta";
import { onDatabase } from "../helpers/testDatabase";

const ctx = serverPerTest();
type ErrorBody = { error: { code: string } };

async function workshop() {
  const s = await setupWorkshop(ctx.server.url, ctx.server.wsUrl, ["expert", "observer"], 1);
  const [expert, observer] = s.people;
  return { ...s, expert: expert!, observer: observer!, scenarioId: s.scenarioIds[0]! };
}

const post = (token: string, route: string, scenarioId: string, body: unknown) =>
  call<{ dissent: ScenarioDissent } & Partial<ErrorBody>>(
    ctx.server.url,
    "POST",
    `${route}/scenarios/${scenarioId}/dissent`,
    { token, body },
  );

async function exported(route: string, token: string): Promise<WorkshopExport> {
  return (await call<WorkshopExport>(ctx.server.url, "GET", `${route}/export?format=json`, { token })).body;
}

/** Writes a dissent note into the scenario's list in the content document, as a raw client could. */
function writeRawNote(doc: Y.Doc, scenarioId: string, note: Record<string, unknown>): void {
  const list = doc.getMap<Y.Map<unknown>>("scenarios").get(scenarioId)?.get("dissent") as Y.Array<
    Y.Map<unknown>
  >;
  const map = new Y.Map<unknown>();
  list.push([map]);
  for (const [k, v] of Object.entries(note)) map.set(k, v);
}

describe("dissent on a scenario", () => {
  it("records the session's author and time, ignoring a forged author in the body, and projects and audits it", async () => {
    const s = await workshop();
    const before = Date.now();
    const res = await post(s.expert.token, s.route, s.scenarioId, {
      text: "The uplift step is understated.",
      name: "Fran Facilitator",
      participantId: s.observer.participant.id,
      at: "2020-01-01T00:00:00.000Z",
    });
    expect(res.status).toBe(201);
    expect(res.body.dissent).toMatchObject({
      scenarioId: s.scenarioId,
      participantId: s.expert.participant.id,
      name: "expert 1",
      text: "The uplift step is understated.",
    });
    expect(Date.parse(res.body.dissent.at)).toBeGreaterThanOrEqual(before - 1000);
    expect(res.body.dissent.legacy).toBeUndefined();
    expect(await storedMeta(ctx.server)).toContain("The uplift step is understated.");

    const control = ctx.peer(`${s.workshopId}/control`, s.observer.token);
    await control.synced();
    await vi.waitFor(() =>
      expect(readScenarioDissent(control.doc, s.scenarioId)).toEqual([res.body.dissent]),
    );

    const trail = await call<AuditResponse>(ctx.server.url, "GET", `${s.route}/audit`, {
      token: s.facilitator,
    });
    expect(trail.body.entries.at(-1)).toMatchObject({
      action: "scenario.dissent",
      actor: s.expert.participant.id,
      target: s.scenarioId,
    });
    expect(JSON.stringify(trail.body)).not.toContain("understated");
    const exp = await exported(s.route, s.facilitator);
    expect(exp.content.scenarios[0]!.dissent).toEqual([
      expect.objectContaining({ name: "expert 1", text: "The uplift step is understated." }),
    ]);
  });

  it("refuses observers, unknown scenarios and empty text, storing nothing", async () => {
    const s = await workshop();
    const stored = await storedMeta(ctx.server);
    const observer = await post(s.observer.token, s.route, s.scenarioId, { text: "I object" });
    expect(observer.status).toBe(403);
    expect((await post(s.expert.token, s.route, "no-such-scenario", { text: "x" })).status).toBe(404);
    const empty = await post(s.expert.token, s.route, s.scenarioId, { text: "   " });
    expect(empty.status).toBe(400);
    expect(empty.body.error?.code).toBe("invalid_input");
    expect(await storedMeta(ctx.server)).toBe(stored);
  });

  it("does not take a note a client writes into the content document as dissent on record", async () => {
    const s = await workshop();
    const writer = ctx.peer(s.workshopId, s.expert.token);
    await writer.synced();
    writeRawNote(writer.doc, s.scenarioId, {
      id: "forged-note",
      order: 0,
      participantId: s.observer.participant.id,
      name: "Olga Observer",
      at: new Date().toISOString(),
      text: "Words put in someone else's mouth",
    });
    // The write reached the server: another client of the content document sees it.
    const other = ctx.peer(s.workshopId, s.facilitator);
    await other.synced();
    await vi.waitFor(() =>
      expect(JSON.stringify(other.doc.getMap("scenarios").toJSON())).toContain("forged-note"),
    );

    // Not in metadata, the control document, the export's dissent or the audit trail; not after a restart either.
    for (let pass = 0; pass < 2; pass++) {
      expect(await storedMeta(ctx.server)).not.toContain("someone else's mouth");
      const control = ctx.peer(`${s.workshopId}/control`, s.facilitator);
      await control.synced();
      expect(readScenarioDissent(control.doc)).toEqual([]);
      expect((await exported(s.route, s.facilitator)).content.scenarios[0]!.dissent).toEqual([]);
      const trail = await call<AuditResponse>(ctx.server.url, "GET", `${s.route}/audit`, {
        token: s.facilitator,
      });
      expect(trail.body.entries.map((e) => e.action)).not.toContain("scenario.dissent");
      if (pass === 0) {
        writer.destroy();
        other.destroy();
        control.destroy();
        await ctx.restart();
      }
    }
  });

  it("takes over notes stored in the content document by an earlier version once, marked legacy", async () => {
    const s = await workshop();
    const writer = ctx.peer(s.workshopId, s.expert.token);
    await writer.synced();
    writeRawNote(writer.doc, s.scenarioId, {
      id: "old-note",
      order: 0,
      participantId: s.expert.participant.id,
      name: "expert 1",
      at: "2026-11-01T10:00:00.000Z",
      text: "Recorded the old way",
    });
    const other = ctx.peer(s.workshopId, s.facilitator);
    await other.synced();
    await vi.waitFor(() =>
      expect(JSON.stringify(other.doc.getMap("scenarios").toJSON())).toContain("old-note"),
    );
    writer.destroy();
    other.destroy();
    // As an earlier version left it: no takeover on record.
    await ctx.server.stop();
    await forgetTakeover(s.workshopId);
    await ctx.restart();

    const control = ctx.peer(`${s.workshopId}/control`, s.facilitator);
    const content = ctx.peer(s.workshopId, s.facilitator);
    await Promise.all([control.synced(), content.synced()]);
    await vi.waitFor(() =>
      expect(readScenarioDissent(control.doc, s.scenarioId)).toEqual([
        {
          id: "old-note",
          scenarioId: s.scenarioId,
          participantId: s.expert.participant.id,
          name: "expert 1",
          at: "2026-11-01T10:00:00.000Z",
          text: "Recorded the old way",
          legacy: true,
        },
      ]),
    );
    const trail = await call<AuditResponse>(ctx.server.url, "GET", `${s.route}/audit?verify=1`, {
      token: s.facilitator,
    });
    expect(trail.body.entries.filter((e) => e.action === "scenario.dissent.takeover")).toEqual([
      expect.objectContaining({ actor: "server", target: "1 notes" }),
    ]);
    expect(trail.body.verification?.ok).toBe(true);
  });
});

/** Removes the record that the workshop's content-document notes were taken over. */
async function forgetTakeover(workshopId: string): Promise<void> {
  const { databaseUrl, dataDir } = ctx.server;
  if (databaseUrl) {
    await onDatabase(databaseUrl, (client) =>
      client.query("DELETE FROM scenario_dissent_takeover WHERE workshop_id = $1", [workshopId]),
    );
    return;
  }
  const file = path.join(dataDir, "workshops", workshopId, "meta.json");
  const meta = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  delete meta.scenarioDissentTakenOverAt;
  writeFileSync(file, JSON.stringify(meta));
}
