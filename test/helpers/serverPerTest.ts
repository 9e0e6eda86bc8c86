/**
 * A fresh server for every test of the file (or describe block) that calls `serverPerTest`, so no
 * test sees another's workshops, and the peers a test opened are closed before its server is.
 */
import { afterEach, beforeEach } from "vitest";
import type * as Y from "yjs";
import { startTestServer, type TestServer } from "./testServer";
import { connectPeer, type Peer } from "./yclient";

export interface ServerPerTest {
  /** This test's server; the one started last, after a restart or a replacement. */
  readonly server: TestServer;
  /** Stops the server and starts it again on the same data directory and settings, as a restart would. */
  restart(): Promise<TestServer>;
  /** Closes the server (its data goes too) and starts a fresh one with other settings in its place. */
  replace(env: Record<string, string>): Promise<TestServer>;
  /** A client of the current server, destroyed after the test. */
  peer(room: string, token: string, doc?: Y.Doc): Peer;
}

/**
 * Registers the hooks that start a server before each test and, after it, destroy the test's
 * peers and close whichever server is current then. Used outside a test, `server` throws.
 */
export function serverPerTest(env: Record<string, string> = {}): ServerPerTest {
  let current: { server: TestServer; env: Record<string, string> } | undefined;
  const peers: Peer[] = [];
  beforeEach(async () => {
    current = { server: await startTestServer(env), env };
  });
  afterEach(async () => {
    for (const p of peers.splice(0)) p.destroy();
    const ending = current;
    current = undefined;
    await ending?.server.close();
  });
  const get = () => {
    if (!current) throw new Error("the test server runs only inside a test");
    return current;
  };
  return {
    get server() {
      return get().server;
    },
    async restart() {
      const { server: old, env: same } = get();
      await old.stop();
      // Until the new one is up, the stopped one stays current, so its data directory is still removed.
      current = { server: await startTestServer(same, old.dataDir), env: same };
      return current.server;
    },
    async replace(other) {
      await get().server.close();
      current = { server: await startTestServer(other), env: other };
      return current.server;
    },
    peer(room, token, doc) {
      const p = connectPeer(get().server.wsUrl, room, token, doc);
      peers.push(p);
      return p;
    },
  };
}
