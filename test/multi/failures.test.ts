/** Three instances: one is killed, or Redis restarts, while clients type; nothing is lost. */
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { workshopWith } from "../helpers/api";
import { type PlacedPeer, startCluster } from "../helpers/cluster";
import { MULTI_SKIP_REASON } from "../helpers/multiSkip";

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Every key each writer set is in every peer's document, and all state vectors are equal. */
async function expectAllHave(peers: PlacedPeer[], keys: string[]): Promise<void> {
  await vi.waitFor(
    () => {
      for (const p of peers) {
        const map = p.doc.getMap("edits");
        const missing = keys.filter((k) => !map.has(k));
        expect(missing, `instance ${p.instance} peer misses`).toEqual([]);
      }
      const vectors = peers.map((p) => Buffer.from(Y.encodeStateVector(p.doc)).toString("hex"));
      expect(new Set(vectors).size).toBe(1);
    },
    { timeout: 20_000, interval: 50 },
  );
}

describe.skipIf(MULTI_SKIP_REASON !== null)(`three instances ${MULTI_SKIP_REASON ?? ""}`, () => {
  it("keeps every edit when an instance is SIGKILLed while its clients type; the others never stop syncing", async () => {
    const cluster = await startCluster(3);
    const { workshopId, people } = await workshopWith(cluster.url(1), [
      "expert",
      "expert",
      "expert",
      "expert",
    ]);
    // Two writers on A (the one killed), one on B, one on C.
    const peers = [0, 0, 1, 2].map((i, k) => cluster.peer(i, workshopId, people[k]!.token));
    await Promise.all(peers.map((p) => p.synced()));
    const keys: string[] = [];
    const type = (step: number) => {
      for (const [k, p] of peers.entries()) {
        const key = `w${k}-${step}`;
        p.doc.getMap("edits").set(key, step);
        keys.push(key);
      }
    };
    for (let step = 0; step < 40; step++) {
      type(step);
      await tick();
    }
    // A dies mid-typing; its clients keep typing offline and reconnect to B through the balancer.
    const killed = cluster.kill(0, "SIGKILL");
    for (let step = 40; step < 60; step++) {
      type(step);
      await tick();
    }
    await killed;
    // B and C go on syncing with each other while A's clients are away.
    const [, , onB, onC] = peers as [PlacedPeer, PlacedPeer, PlacedPeer, PlacedPeer];
    onB.doc.getMap("edits").set("b-during", 1);
    keys.push("b-during");
    await vi.waitFor(() => expect(onC.doc.getMap("edits").has("b-during")).toBe(true));
    for (let step = 60; step < 80; step++) {
      type(step);
      await tick();
    }
    await expectAllHave(peers, keys);
    expect(peers.map((p) => p.instance)).toEqual([1, 1, 1, 2]);
    const stored = await cluster.storedDoc(workshopId, "content");
    expect(keys.filter((k) => !stored.getMap("edits").has(k))).toEqual([]);
  });

  it("loses nothing when Redis restarts mid-session: edits made during and after reach everyone", async () => {
    const cluster = await startCluster(3);
    const { workshopId, people } = await workshopWith(cluster.url(0), ["expert", "expert", "expert"]);
    const peers = [0, 1, 2].map((i) => cluster.peer(i, workshopId, people[i]!.token));
    await Promise.all(peers.map((p) => p.synced()));
    const keys: string[] = [];
    const type = (tag: string, n: number) => {
      for (let step = 0; step < n; step++)
        for (const [k, p] of peers.entries()) {
          p.doc.getMap("edits").set(`${tag}-${k}-${step}`, step);
          keys.push(`${tag}-${k}-${step}`);
        }
    };
    type("before", 10);
    await expectAllHave(peers, keys);

    await cluster.redis.kill();
    type("during", 10);
    // Each instance has its own clients' edits while the bus is down (they are committed).
    await vi.waitFor(async () => {
      const stored = await cluster.storedDoc(workshopId, "content");
      expect(keys.filter((k) => !stored.getMap("edits").has(k))).toEqual([]);
    });
    await cluster.redis.start();
    type("after", 10);
    await expectAllHave(peers, keys);
  });
});
