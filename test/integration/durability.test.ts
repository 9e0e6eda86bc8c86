import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readParticipants } from "../../shared/controlDoc";
import { workshopWith } from "../helpers/api";
import { type ChildServer, spawnServer } from "../helpers/childServer";
import { connectPeer, type Peer } from "../helpers/yclient";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "riskroom-kill-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function start(dataDir: string): Promise<ChildServer> {
  const server = await spawnServer(dataDir, { COMPACT_AFTER_BYTES: "4096" });
  cleanups.push(() => server.kill("SIGKILL"));
  return server;
}

function peer(wsUrl: string, room: string, token: string): Peer {
  const p = connectPeer(wsUrl, room, token);
  cleanups.push(() => p.destroy());
  return p;
}

describe("durability", () => {
  it("loses no relayed edit when the server is killed with SIGKILL", async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    const { workshopId, people } = await workshopWith(first.url, ["expert", "expert"]);
    const writer = peer(first.wsUrl, workshopId, people[0]!.token);
    const reader = peer(first.wsUrl, workshopId, people[1]!.token);
    await Promise.all([writer.synced(), reader.synced()]);

    // Enough edits to pass the compaction threshold several times while they flow.
    const scenarios = writer.doc.getMap("scenarios");
    const text = writer.doc.getText("narrative");
    for (let i = 0; i < 300; i++) {
      scenarios.set(`s${i}`, { title: `Scenario ${i}`, body: "x".repeat(40) });
      text.insert(text.length, `step ${i}; `);
    }
    const expectedText = text.toString();
    // The edits have been relayed: another client has seen every one of them.
    await vi.waitFor(() => {
      expect(reader.doc.getMap("scenarios").size).toBe(300);
      expect(reader.doc.getText("narrative").toString()).toBe(expectedText);
    });
    await first.kill("SIGKILL");
    writer.provider.disconnect();
    reader.provider.disconnect();

    const second = await start(dataDir);
    // Sessions survive too: the same token opens the room on the restarted server.
    const fresh = peer(second.wsUrl, workshopId, people[1]!.token);
    await fresh.synced();
    expect(fresh.doc.getMap("scenarios").size).toBe(300);
    expect(fresh.doc.getText("narrative").toString()).toBe(expectedText);
    const control = peer(second.wsUrl, `${workshopId}/control`, people[0]!.token);
    await control.synced();
    expect(readParticipants(control.doc)).toHaveLength(3);
  });

  it("stores everything on SIGTERM and starts again from the merged state", async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    const { workshopId, people } = await workshopWith(first.url, ["expert"]);
    const writer = peer(first.wsUrl, workshopId, people[0]!.token);
    await writer.synced();
    writer.doc.getText("narrative").insert(0, "graceful");
    // A second client confirms the edit reached the server before the signal.
    const check = peer(first.wsUrl, workshopId, people[0]!.token);
    await vi.waitFor(() => expect(check.doc.getText("narrative").toString()).toBe("graceful"));
    await first.kill("SIGTERM");
    expect(first.process.exitCode).toBe(0);
    writer.provider.disconnect();
    check.provider.disconnect();

    const second = await start(dataDir);
    const fresh = peer(second.wsUrl, workshopId, people[0]!.token);
    await fresh.synced();
    expect(fresh.doc.getText("narrative").toString()).toBe("graceful");
  });
});
