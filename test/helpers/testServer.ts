/**
 * Starts the real server in this process on a random port, with its own temporary data directory
 * (and, in the PostgreSQL pass, its own database).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../../server/config";
import { startServer } from "../../server/server";
import type { ServerHook } from "../../server/sync/hooks";
import { databaseFor, dropDatabaseFor, serversUsePostgres } from "./testDatabase";

export interface TestServer {
  url: string;
  wsUrl: string;
  dataDir: string;
  /** The server's PostgreSQL database, when it uses one. */
  databaseUrl?: string;
  events: Array<{ type: ServerEvent; room: string }>;
  /** Stops the server; the data directory stays until `cleanup`. */
  stop(): Promise<void>;
  /** Stops the server and removes its data directory. */
  close(): Promise<void>;
}

/** The lifecycle points the tests watch, by the names they have always had. */
export type ServerEvent = "onLoad" | "onStore" | "onUnload" | "onConnect" | "onDisconnect";

export async function startTestServer(
  env: Record<string, string> = {},
  dataDir = mkdtempSync(path.join(tmpdir(), "riskroom-test-")),
): Promise<TestServer> {
  const events: TestServer["events"] = [];
  const log = (type: ServerEvent, room: { workshopId: string; kind: string }): void => {
    events.push({ type, room: `${room.workshopId}/${room.kind}` });
  };
  const hooks: ServerHook = {
    afterLoad: (e) => log("onLoad", e.room.name),
    afterStore: (e) => log("onStore", e.room),
    afterUnload: (e) => log("onUnload", e.room),
    onConnect: (e) => log("onConnect", e.room),
    onDisconnect: (e) => log("onDisconnect", e.room),
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
  const server = await startServer(config, [hooks]);
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
