/** The official y-websocket client, as a browser would use it, over the `ws` polyfill. */
import { vi } from "vitest";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

// Each provider adds a process "exit" listener; tests open dozens on purpose.
process.setMaxListeners(0);

export interface Peer {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close events the server sent, in order. */
  closes: Array<{ code: number; reason: string }>;
  synced(): Promise<void>;
  destroy(): void;
}

export function connectPeer(wsUrl: string, room: string, token: string | undefined, doc = new Y.Doc()): Peer {
  const closes: Peer["closes"] = [];
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    // ws, not the global WebSocket, so tests run the same on every Node version.
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Same-process peers must not sync through a BroadcastChannel behind the server's back.
    disableBc: true,
    params: token ? { token } : {},
    maxBackoffTime: 200,
  });
  provider.on("connection-close", (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  return {
    doc,
    provider,
    closes,
    synced: () => vi.waitFor(() => expectTrue(provider.synced, "provider never synced"), { timeout: 10_000 }),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function expectTrue(value: boolean, message: string): void {
  if (!value) throw new Error(message);
}
