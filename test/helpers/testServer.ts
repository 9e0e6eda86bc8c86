/** Starts the real server in this process on a random port, with its own temporary data directory. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../../server/config";
import { startServer } from "../../server/server";
import type { SyncHooks } from "../../server/sync/hooks";

export interface TestServer {
  url: string;
  wsUrl: string;
  dataDir: string;
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
  const config = loadConfig({ HOST: "127.0.0.1", PORT: "0", DATA_DIR: dataDir, CLIENT_DIR: dataDir, ...env });
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
    events,
    stop,
    async close() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
