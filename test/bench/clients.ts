/**
 * Each server's own client, as a browser would use it, over the `ws` polyfill: the official
 * y-websocket provider for ours and the reference, `@hocuspocus/provider` for Hocuspocus.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { withTimeout } from "./wait";

// Each provider adds a process "exit" listener; the bench opens hundreds on purpose.
process.setMaxListeners(0);

/** Where a client connects: the provider's server URL, room name and URL parameters. */
export interface RoomAccess {
  serverUrl: string;
  room: string;
  params: Record<string, string>;
  /** Which client speaks to the server: y-websocket unless said otherwise. */
  client?: "hocuspocus";
}

export interface Client {
  doc: Y.Doc;
  /** Bytes the client's socket has not sent yet. */
  unsent(): number;
  /** performance.now() when the provider was created. */
  startedAt: number;
  /** Resolves with performance.now() at the provider's first 'sync' event. */
  synced: Promise<number>;
  /** performance.now() when the first message of LARGE_MESSAGE_BYTES or more arrived, before it was decoded. */
  largeMessageAt(): number | null;
  destroy(): void;
}

/** Messages at least this big are document states (a join's sync step 2), not edits. */
export const LARGE_MESSAGE_BYTES = 64 * 1024;

export function connectClient(access: RoomAccess, syncTimeoutMs = 15_000): Client {
  const doc = new Y.Doc();
  let largeAt: number | null = null;
  // ws itself, with a listener added before the provider's own, so it sees each message before decoding.
  class TimedWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      // A client destroyed before its socket opened must not crash the bench (Hocuspocus's does that).
      this.on("error", () => {});
      this.addEventListener("message", ({ data }) => {
        if (largeAt === null && !Array.isArray(data) && typeof data !== "string")
          if (data.byteLength >= LARGE_MESSAGE_BYTES) largeAt = performance.now();
      });
    }
  }
  const startedAt = performance.now();
  if (access.client === "hocuspocus")
    return connectHocuspocus(access, doc, TimedWebSocket, startedAt, () => largeAt, syncTimeoutMs);
  const provider = new WebsocketProvider(access.serverUrl, access.room, doc, {
    WebSocketPolyfill: TimedWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: access.params,
  });
  const synced = new Promise<number>((resolve, reject) => {
    provider.on("sync", (isSynced) => {
      if (isSynced) resolve(performance.now());
    });
    // A permanent close (4400-4499: bad token, no such room) would otherwise look like a slow sync.
    provider.on("closed", (event) => reject(new Error(`server closed ${event.code} ${event.reason}`)));
  });
  const bounded = withTimeout(synced, syncTimeoutMs, `sync of room ${access.room}`);
  // Callers await it; this only keeps a client dropped before its sync from crashing the bench.
  bounded.catch(() => {});
  return {
    doc,
    unsent: () => provider.ws?.bufferedAmount ?? 0,
    startedAt,
    synced: bounded,
    largeMessageAt: () => largeAt,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

function connectHocuspocus(
  access: RoomAccess,
  doc: Y.Doc,
  polyfill: unknown,
  startedAt: number,
  largeMessageAt: () => number | null,
  syncTimeoutMs: number,
): Client {
  const socket = new HocuspocusProviderWebsocket({ url: access.serverUrl, WebSocketPolyfill: polyfill });
  let resolveSynced: (at: number) => void = () => {};
  const synced = new Promise<number>((resolve) => {
    resolveSynced = resolve;
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: access.room,
    document: doc,
    onSynced: ({ state }) => {
      if (state) resolveSynced(performance.now());
    },
  });
  provider.attach();
  const bounded = withTimeout(synced, syncTimeoutMs, `sync of room ${access.room}`);
  bounded.catch(() => {});
  return {
    doc,
    unsent: () => (socket.webSocket as WebSocket | null)?.bufferedAmount ?? 0,
    startedAt,
    synced: bounded,
    largeMessageAt,
    destroy() {
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}
