/**
 * The seeder's two ways in, as a person in the room would use them: the REST API with a bearer
 * token, and the official y-websocket client for the content document.
 */
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

export type Api = <T = unknown>(method: string, path: string, token?: string, body?: unknown) => Promise<T>;

export function restClient(baseUrl: string): Api {
  return async <T>(method: string, path: string, token?: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: {
        "content-type": "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  };
}

/** Connects as `token`, applies `edit`, and returns once a second connection sees all of it on the server. */
export function editContent(
  wsUrl: string,
  workshopId: string,
  token: string,
  edit: (doc: Y.Doc) => void,
): Promise<void> {
  return withContentDoc(wsUrl, workshopId, token, async (doc) => {
    edit(doc);
    const written = clock(doc, doc.clientID);
    await withContentDoc(wsUrl, workshopId, token, (check) =>
      until(() => clock(check, doc.clientID) >= written),
    );
  });
}

/** Connects as `token`, waits for the first sync, and runs `use` on the document before disconnecting. */
export async function withContentDoc<T>(
  wsUrl: string,
  workshopId: string,
  token: string,
  use: (doc: Y.Doc) => T | Promise<T>,
): Promise<T> {
  const connection = connect(wsUrl, workshopId, token);
  try {
    await connection.synced;
    return await use(connection.doc);
  } finally {
    connection.close();
  }
}

function connect(wsUrl: string, room: string, token: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
  });
  const synced = until(() => provider.synced);
  return {
    doc,
    synced,
    close() {
      provider.destroy();
      doc.destroy();
    },
  };
}

function clock(doc: Y.Doc, clientId: number): number {
  return Y.decodeStateVector(Y.encodeStateVector(doc)).get(clientId) ?? 0;
}

async function until(ok: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!ok()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting for the server");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
