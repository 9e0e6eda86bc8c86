/**
 * A data directory of the first version (one meta.json, test/fixtures/v1-data) boots, is migrated
 * to one file per workshop with the old file kept, and everything in it is there; a metadata file
 * that cannot be read stops the server and is left as it was.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readContent } from "../../shared/content";
import { readParticipants } from "../../shared/controlDoc";
import { readRevealed, readRounds } from "../../shared/estimationView";
import type { WorkshopExport } from "../../shared/workshopExport";
import { call } from "../helpers/api";
import { serversUsePostgres } from "../helpers/testDatabase";
import { startTestServer, type TestServer } from "../helpers/testServer";
import { connectPeer, type Peer } from "../helpers/yclient";

const fixtureDir = path.resolve(import.meta.dirname, "../fixtures/v1-data");
const ids = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, "../fixtures/v1-fixture.json"), "utf8"),
) as {
  first: string;
  round: string;
  second: string;
  facilitator: string;
  expert: string;
};

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function copyOfFixture(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "riskroom-migrate-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(fixtureDir, dir, { recursive: true });
  return dir;
}

async function start(dataDir: string): Promise<TestServer> {
  const server = await startTestServer({}, dataDir);
  cleanups.push(() => server.stop());
  return server;
}

function peer(server: TestServer, room: string, token: string): Peer {
  const p = connectPeer(server.wsUrl, room, token);
  cleanups.push(() => p.destroy());
  return p;
}

// A data directory of the first version is the embedded store's own; the PostgreSQL pass skips it.
describe.skipIf(serversUsePostgres())("migration from the first version's meta.json", () => {
  it("boots on it and keeps every workshop, session, round, estimate, snapshot and document", async () => {
    const dataDir = copyOfFixture();
    const legacy = readFileSync(path.join(dataDir, "meta.json"), "utf8");
    const server = await start(dataDir);

    // The layout: one file per workshop, the index, and the old file kept byte for byte as the backup.
    expect(existsSync(path.join(dataDir, "meta.json"))).toBe(false);
    expect(readFileSync(path.join(dataDir, "meta.json.pre-v2"), "utf8")).toBe(legacy);
    for (const id of [ids.first, ids.second])
      expect(existsSync(path.join(dataDir, "workshops", id, "meta.json"))).toBe(true);
    expect(readFileSync(path.join(dataDir, "index.jsonl"), "utf8")).toContain(ids.second);

    // Sessions: the facilitator's and the expert's tokens still work.
    const me = await call<{ participant: { role: string } }>(server.url, "GET", "/me", { token: ids.expert });
    expect(me).toMatchObject({ status: 200, body: { participant: { role: "expert" } } });
    const route = `/workshops/${ids.first}`;
    const participants = await call<{ participants: unknown[] }>(server.url, "GET", `${route}/participants`, {
      token: ids.facilitator,
    });
    expect(participants.body.participants).toHaveLength(5);

    // Rounds, estimates, snapshots, documents: the export reads them all from the migrated store.
    const exp = await call<WorkshopExport>(server.url, "GET", `${route}/export?format=json`, {
      token: ids.facilitator,
    });
    expect(exp.status).toBe(200);
    const round = exp.body.rounds.find((r) => r.id === ids.round)!;
    expect(round).toMatchObject({ state: "revealed", number: 1 });
    expect(Object.values(round.revealed!.estimates).flat()).toHaveLength(2);
    expect(exp.body.snapshots).toHaveLength(2);
    expect(exp.body.snapshots.every((s) => s.verified)).toBe(true);
    expect(exp.body.content.scenarios.map((s) => s.title)).toEqual(["Scenario 1"]);
    expect(exp.body.lock).not.toBeNull();

    // The expert's own estimate, and the live documents as a client sees them.
    const mine = await call<{ estimates: unknown[] }>(
      server.url,
      "GET",
      `${route}/rounds/${ids.round}/estimates/mine`,
      { token: ids.expert },
    );
    expect(mine.body.estimates).toHaveLength(1);
    const control = peer(server, `${ids.first}/control`, ids.facilitator);
    const content = peer(server, ids.first, ids.facilitator);
    await Promise.all([control.synced(), content.synced()]);
    expect(readRounds(control.doc).map((r) => r.state)).toEqual(["revealed"]);
    expect(readRevealed(control.doc, ids.round)).not.toBeNull();
    expect(readParticipants(control.doc)).toHaveLength(5);
    expect(readContent(content.doc).scenarios).toHaveLength(1);

    // A second start finds nothing left to migrate and the same data.
    await server.stop();
    const again = await start(dataDir);
    const after = await call(again.url, "GET", `${route}/snapshots`, { token: ids.facilitator });
    expect(after).toMatchObject({ status: 200, body: { snapshots: expect.any(Array) } });
    expect((after.body as { snapshots: unknown[] }).snapshots).toHaveLength(2);
  });

  it.each([
    ["empty", ""],
    ["truncated", '{"version":1,"workshops":[{"id":"a'],
    ["null", "null"],
  ])("refuses to start on a %s meta.json and leaves it untouched", async (_name, text) => {
    const dataDir = copyOfFixture();
    writeFileSync(path.join(dataDir, "meta.json"), text);
    await expect(startTestServer({}, dataDir)).rejects.toThrow(
      /meta\.json .*(empty|not valid JSON|JSON object)/,
    );
    expect(readFileSync(path.join(dataDir, "meta.json"), "utf8")).toBe(text);
    expect(existsSync(path.join(dataDir, "meta.json.pre-v2"))).toBe(false);
  });

  it("answers a request to a workshop whose file is corrupt with store_corrupt and never rewrites it", async () => {
    const dataDir = copyOfFixture();
    const server = await start(dataDir);
    await server.stop();
    const file = path.join(dataDir, "workshops", ids.first, "meta.json");
    const cut = readFileSync(file, "utf8").slice(0, 100);
    writeFileSync(file, cut);
    const again = await start(dataDir);
    const res = await call(again.url, "PUT", `/workshops/${ids.first}/phase`, {
      token: ids.facilitator,
      body: { phase: "analyse" },
    });
    expect(res).toMatchObject({ status: 500, body: { error: { code: "store_corrupt" } } });
    expect(readFileSync(file, "utf8")).toBe(cut);
  });
});
