/**
 * A seeded run of random edits from nine clients on three instances, with instances killed and
 * restarted and Redis restarted at random. At the end every client's document equals the store's
 * and holds every edit any client made. A failure names its seed: replay with MULTI_SEED=<seed>.
 */
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { mulberry32 } from "../../shared/estimation/random";
import { workshopWith } from "../helpers/api";
import { type Cluster, type PlacedPeer, startCluster } from "../helpers/cluster";
import { MULTI_SKIP_REASON } from "../helpers/multiSkip";

const STEPS = 240;
const CLIENTS = 9;
const SEED = Number(process.env.MULTI_SEED || Math.floor(Math.random() * 2 ** 32));

const tick = () => new Promise((resolve) => setImmediate(resolve));
const vector = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString("hex");

/** Points a live peer at another instance, as a balancer would send its next connection. */
function move(cluster: Cluster, peer: PlacedPeer, to: number): void {
  peer.instance = to;
  peer.provider.serverUrl = `${cluster.url(to).replace(/^http/, "ws")}/ws`;
  peer.provider.disconnect();
  peer.provider.connect();
}

async function run(seed: number): Promise<void> {
  const random = mulberry32(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const cluster = await startCluster(3);
  const { workshopId, people } = await workshopWith(cluster.url(0), Array(CLIENTS).fill("expert"));
  const peers = people.map((p, k) => cluster.peer(k % 3, workshopId, p.token));
  await Promise.all(peers.map((p) => p.synced()));
  const made: string[] = [];
  const counts = { edits: 0, kills: 0, restarts: 0, redis: 0 };

  for (let step = 0; step < STEPS; step++) {
    const roll = random();
    const alive = [0, 1, 2].filter((i) => cluster.alive(i));
    const dead = [0, 1, 2].filter((i) => !cluster.alive(i));
    if (roll < 0.04 && alive.length > 1) {
      await cluster.kill(alive[pick(alive.length)]!, "SIGKILL");
      counts.kills += 1;
    } else if (roll < 0.08 && dead.length > 0) {
      const i = dead[pick(dead.length)]!;
      await cluster.restart(i);
      for (let n = 1 + pick(3); n > 0; n--) move(cluster, peers[pick(CLIENTS)]!, i);
      counts.restarts += 1;
    } else if (roll < 0.1) {
      await cluster.redis.kill();
      // Some edits while Redis is away, then it comes back empty.
      for (let n = 0; n < 5; n++) edit(step, n);
      await cluster.redis.start();
      counts.redis += 1;
    } else if (roll < 0.16) {
      // Now and then, let two clients on different instances catch up with each other.
      const [a, b] = [peers[pick(CLIENTS)]!, peers[pick(CLIENTS)]!];
      await vi.waitFor(() => expect(vector(a.doc), where(step)).toBe(vector(b.doc)), {
        timeout: 20_000,
        interval: 20,
      });
    } else {
      edit(step, 0);
    }
    await tick();
  }

  /** Where everyone is, for a failure message. */
  function where(step: number): string {
    const alive = [0, 1, 2].filter((i) => cluster.alive(i)).join(",");
    const each = peers.map(
      (p, k) =>
        `${k}@${p.instance}${p.provider.wsconnected ? "" : "(offline)"} ${p.doc.getMap("edits").size}`,
    );
    return `step ${step}, alive ${alive}: ${each.join("; ")}`;
  }

  function edit(step: number, n: number): void {
    const k = pick(CLIENTS);
    const doc = peers[k]!.doc;
    const key = `c${k}-${step}-${n}`;
    doc.getMap("edits").set(key, random());
    const text = doc.getText("notes");
    text.insert(pick(text.length + 1), `${key} `);
    made.push(key);
    counts.edits += 1;
  }

  await vi.waitFor(
    () => {
      expect(new Set(peers.map((p) => vector(p.doc))).size, where(STEPS)).toBe(1);
      for (const p of peers) expect(made.filter((key) => !p.doc.getMap("edits").has(key))).toEqual([]);
    },
    { timeout: 30_000, interval: 100 },
  );
  const stored = await cluster.storedDoc(workshopId, "content");
  expect(vector(stored)).toBe(vector(peers[0]!.doc));
  expect(stored.getText("notes").toString()).toBe(peers[0]!.doc.getText("notes").toString());
  expect(made.filter((key) => !stored.getMap("edits").has(key))).toEqual([]);
  for (const p of peers) expect(p.doc.getText("notes").toString()).toBe(stored.getText("notes").toString());
  expect(counts.kills + counts.redis).toBeGreaterThan(0);
  console.log(`seed ${seed}: ${JSON.stringify(counts)}`);
}

describe.skipIf(MULTI_SKIP_REASON !== null)(`three instances ${MULTI_SKIP_REASON ?? ""}`, () => {
  it(`loses no edit over ${STEPS} random steps of edits, instance kills and restarts, and Redis restarts`, {
    timeout: 120_000,
  }, async () => {
    try {
      await run(SEED);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      throw new Error(`seed ${SEED} failed (replay with MULTI_SEED=${SEED}): ${message}`);
    }
  });
});
