/**
 * A reveal is committed to metadata, then the server is killed (SIGKILL) before the control
 * document shows it (RISKROOM_TEST_PAUSE_AT=reveal-commit holds it there). After a restart, the
 * control room's load rebuilds the projection: every client sees the round revealed, with its values.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultFramework } from "../../shared/estimation/framework";
import { readRevealed, readRounds } from "../../shared/estimationView";
import { call } from "../helpers/api";
import { type ChildServer, spawnServer } from "../helpers/childServer";
import { lockAndOpen, setupWorkshop } from "../helpers/estimation";
import { connectPeer, type Peer } from "../helpers/yclient";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function start(dataDir: string, env: Record<string, string> = {}): Promise<ChildServer> {
  const server = await spawnServer(dataDir, env);
  cleanups.push(() => server.kill("SIGKILL"));
  return server;
}

function peer(server: ChildServer, room: string, token: string): Peer {
  const p = connectPeer(server.wsUrl, room, token);
  cleanups.push(() => p.destroy());
  return p;
}

describe("a crash between a reveal's commit and its projection", () => {
  it("heals on restart: every client sees the revealed values", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "riskroom-reveal-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await start(dataDir, { RISKROOM_TEST_PAUSE_AT: "reveal-commit" });
    const s = await setupWorkshop(first.url, first.wsUrl, ["expert", "expert", "observer"], 1);
    const roundId = await lockAndOpen(first.url, s, { kind: "pre", anonymous: false });
    for (const [i, p] of s.people.filter((x) => x.role === "expert").entries()) {
      const res = await call(first.url, "POST", `${s.route}/rounds/${roundId}/estimates`, {
        token: p.token,
        body: {
          scenarioId: s.scenarioIds[0],
          probability: { low: 0.01, best: 0.02 + i / 100, high: 0.08 },
          severity: { levelId: defaultFramework().severityLevels[2]!.id },
          confidence: "medium",
          rationale: `expert ${i + 1}`,
        },
      });
      expect(res.status).toBe(201);
    }
    const watcher = peer(first, `${s.workshopId}/control`, s.facilitator);
    await watcher.synced();

    // The reveal never answers: the server stops after the commit, and is killed there.
    const pending = call(first.url, "POST", `${s.route}/rounds/${roundId}/reveal`, {
      token: s.facilitator,
    }).catch(() => "no answer");
    await vi.waitFor(() => expect(first.output()).toContain("paused at reveal-commit"), { timeout: 10_000 });
    expect(readRounds(watcher.doc)[0]?.state).toBe("open");
    await first.kill("SIGKILL");
    expect(await pending).toBe("no answer");
    watcher.destroy();

    const second = await start(dataDir);
    const tokens = [s.facilitator, ...s.people.map((p) => p.token)];
    const clients = tokens.map((token) => peer(second, `${s.workshopId}/control`, token));
    await Promise.all(clients.map((c) => c.synced()));
    for (const client of clients) {
      expect(readRounds(client.doc)[0]).toMatchObject({ id: roundId, state: "revealed" });
      const values = readRevealed(client.doc, roundId)?.estimates[s.scenarioIds[0]!] ?? [];
      expect(values.map((v) => v.rationale).sort()).toEqual(["expert 1", "expert 2"]);
    }
    // And the store agrees: a second reveal is refused.
    const again = await call(second.url, "POST", `${s.route}/rounds/${roundId}/reveal`, {
      token: s.facilitator,
    });
    expect(again).toMatchObject({ status: 409, body: { error: { code: "round_not_open" } } });
  });
});
