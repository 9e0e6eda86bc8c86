/** Listens: the HTTP server, the websocket upgrade and graceful shutdown. */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import type { Config } from "./config";
import { lockDataDir } from "./store/dataDirLock";
import type { ServerHook } from "./sync/hooks";

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startServer(config: Config, hooks?: ServerHook[]): Promise<RunningServer> {
  // Before anything reads or writes the embedded store: a second server on this DATA_DIR stops here.
  // On PostgreSQL, instances share the database by design and DATA_DIR holds nothing of theirs.
  const lock = config.databaseUrl ? { release() {} } : lockDataDir(config.dataDir);
  const riskroom = await createApp({ config, ...(hooks ? { hooks } : {}) }).catch((err: unknown) => {
    lock.release();
    throw err;
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: riskroom.app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(s),
    );
  });
  riskroom.websocket.injectWebSocket(server);
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;
  if (!config.publicUrlSet) riskroom.site.publicUrl = `http://${host}:${port}`;
  riskroom.allowedOrigins.add(new URL(riskroom.site.publicUrl).origin);
  return {
    url: `http://${host}:${port}`,
    port,
    async close() {
      await riskroom.shutdown();
      riskroom.websocket.wss.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive HTTP connections would hold close() open.
        if ("closeAllConnections" in server) server.closeAllConnections();
      });
      lock.release();
    },
  };
}
