/**
 * Starts the real server in this process on a random port, with its own temporary data directory
 * (and, in the PostgreSQL pass, its own database).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../../server/config";
import { startServer } from "../../server/server";
import type { SyncHooks } from "../../server/sync/hooks";
import { databaseFor, dropDatabaseFor, serversUsePostgres } from "./testDatabase";

export interface TestServer {
  url: string;
  wsUrl: string;
  dataDir: string;
  /** The server's PostgreSQL database, when it uses one. */
  databaseUrl?: string;
  events: Array<{ type: keyof SyncHooks; room: string }>;
  /** Stops the server; the data directory stays until `cleanup`. */
  stop(): Promise<void>;
  /** Stops the server and removes its data directory. */
  close(): Promise<void>;
}

export async function startTestServer(
  env: Record<string, string> = {},
  dataDir = mkdtempSync(path.join(tmpdir(), "riskroom-test-")),
): Promise<TestServer> {
  const events: TestServer["events"] = [];
  const log =
    (type: keyof SyncHooks) =>
    (e: { room: { workshopId: string; kind: string } }): void => {
      events.push({ type, room: `${e.room.workshopId}/${e.room.kind}` });
    };
  const hooks: SyncHooks = {
    onLoad: log("onLoad"),
    onStore: log("onStore"),
    onUnload: log("onUnload"),
    onConnect: log("onConnect"),
    onDisconnect: log("onDisconnect"),
  };
  // The PostgreSQL pass: a database of this data directory's own, unless the test names one.
  const usePg = serversUsePostgres() && env.DATABASE_URL === undefined;
  const database = usePg ? { DATABASE_URL: await databaseFor(dataDir) } : {};
  const config = loadConfig({
    HOST: "127.0.0.1",
    PORT: "0",
    DATA_DIR: dataDir,
    CLIENT_DIR: dataDir,
    ...database,
    ...env,
  });
  const server = await startServer(config, hooks);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.close();
  };
  return {
    url: server.url,
    wsUrl: `${server.url.replace(/^http/, "ws")}/ws`,
    dataDir,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    events,
    stop,
    async close() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
      if (usePg) await dropDatabaseFor(dataDir);
    },
  };
}
