/**
 * Several real server instances (child processes) on one PostgreSQL database and one Redis, as an
 * operator would run them behind a load balancer. Peers are placed on an instance; when it is
 * killed, its peers are pointed at the next live one, as a balancer would send their reconnects.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { onTestFinished } from "vitest";
import * as Y from "yjs";
import { type ChildServer, spawnServer } from "./childServer";
import { startRedis, type TestRedis } from "./redisServer";
import { freshDatabase, onDatabase } from "./testDatabase";
import { connectPeer, type Peer } from "./yclient";

export interface PlacedPeer extends Peer {
  /** The instance this peer's socket goes to now. */
  instance: number;
}

export interface Cluster {
  redis: TestRedis;
  databaseUrl: string;
  size: number;
  url(i: number): string;
  /** Whether instance `i` is running. */
  alive(i: number): boolean;
  peer(i: number, room: string, token: string, doc?: Y.Doc): PlacedPeer;
  /** Kills instance `i` and sends its peers to the next live instance. */
  kill(i: number, signal?: NodeJS.Signals): Promise<void>;
  /** Starts instance `i` again (a new port) on the same database and Redis. */
  restart(i: number): Promise<void>;
  /** The document as the store of record holds it now. */
  storedDoc(workshopId: string, kind: "content" | "control"): Promise<Y.Doc>;
}

export async function startCluster(size = 3, env: Record<string, string> = {}): Promise<Cluster> {
  const redis = await startRedis();
  const database = await freshDatabase();
  const dirs: string[] = [];
  const servers: Array<ChildServer | null> = [];
  const peers: PlacedPeer[] = [];
  onTestFinished(async () => {
    for (const p of peers) p.destroy();
    await Promise.all(servers.map((s) => s?.kill("SIGKILL")));
    await database.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const spawnAt = async (i: number): Promise<void> => {
    const dir = mkdtempSync(path.join(tmpdir(), `riskroom-multi-${i}-`));
    dirs.push(dir);
    servers[i] = await spawnServer(dir, { DATABASE_URL: database.url, REDIS_URL: redis.url, ...env });
  };
  // One after another: the first runs the migrations, the others find them done.
  for (let i = 0; i < size; i++) await spawnAt(i);
  const server = (i: number): ChildServer => {
    const s = servers[i];
    if (!s) throw new Error(`instance ${i} is not running`);
    return s;
  };
  const nextAlive = (i: number): number => {
    for (let k = 1; k <= size; k++) if (servers[(i + k) % size]) return (i + k) % size;
    throw new Error("no instance is running");
  };
  return {
    redis,
    databaseUrl: database.url,
    size,
    url: (i) => server(i).url,
    alive: (i) => servers[i] !== null && servers[i] !== undefined,
    peer(i, room, token, doc) {
      const placed = connectPeer(server(i).wsUrl, room, token, doc) as PlacedPeer;
      placed.instance = i;
      peers.push(placed);
      return placed;
    },
    async kill(i, signal = "SIGKILL") {
      const s = server(i);
      servers[i] = null;
      await s.kill(signal);
      const to = nextAlive(i);
      for (const p of peers.filter((x) => x.instance === i)) {
        p.instance = to;
        p.provider.serverUrl = server(to).wsUrl;
      }
    },
    restart: spawnAt,
    async storedDoc(workshopId, kind) {
      const doc = new Y.Doc();
      await onDatabase(database.url, async (client) => {
        const args = [workshopId, kind];
        // One snapshot, so a compaction cannot fall between the two reads.
        await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        const state = await client.query<{ state: Buffer }>(
          "SELECT state FROM doc_states WHERE workshop_id = $1 AND kind = $2",
          args,
        );
        const rows = await client.query<{ data: Buffer }>(
          "SELECT data FROM doc_updates WHERE workshop_id = $1 AND kind = $2 ORDER BY seq",
          args,
        );
        await client.query("COMMIT");
        for (const row of [...state.rows.map((r) => r.state), ...rows.rows.map((r) => r.data)])
          Y.applyUpdate(doc, row);
      });
      return doc;
    },
  };
}
