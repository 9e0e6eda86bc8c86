/**
 * One Y.Doc and the websocket provider that syncs it with the server. Transport only: views read
 * the document and the connection through hooks, and never create either.
 */
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { FINAL_CLOSE_CODES } from "../../shared/limits";
import { type DocKind, roomName } from "../../shared/rooms";

export interface FinalClose {
  code: number;
  reason: string;
}

export type ConnectionState = "connecting" | "syncing" | "synced" | "offline" | "closed";

export class DocConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  /** Set when the server closed with a code after which the same token cannot get back in. */
  finalClose: FinalClose | null = null;

  constructor(
    readonly kind: DocKind,
    workshopId: string,
    token: string,
  ) {
    const url = `${window.location.origin.replace(/^http/, "ws")}/ws`;
    this.provider = new WebsocketProvider(url, roomName({ workshopId, kind }), this.doc, {
      params: { token },
      // The owner connects once it knows it keeps this connection (see useRoomConnections).
      connect: false,
      // Tabs of one browser would otherwise sync with each other directly, past the server's role checks.
      disableBc: true,
      shouldReconnect: (event) => !FINAL_CLOSE_CODES.has(event.code),
    });
    this.provider.on("closed", (event) => {
      this.finalClose = event;
    });
  }

  connect(): void {
    this.provider.connect();
  }

  state(): ConnectionState {
    const p = this.provider;
    if (this.finalClose) return "closed";
    if (p.wsconnected) return p.synced ? "synced" : "syncing";
    // Every failed or dropped attempt counts until a connection syncs again.
    return p.wsUnsuccessfulReconnects > 0 ? "offline" : "connecting";
  }

  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}
