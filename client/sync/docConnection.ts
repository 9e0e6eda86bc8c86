/**
 * One Y.Doc and the websocket provider that syncs it with the server. Transport only: views read
 * the document and the connection through hooks, and never create either.
 */
import * as encoding from "lib0/encoding";
import { encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import { messageAwareness, WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { FINAL_CLOSE_CODES } from "../../shared/limits";
import { type DocKind, roomName } from "../../shared/rooms";

export interface FinalClose {
  code: number;
  reason: string;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export type ConnectionState = "connecting" | "syncing" | "synced" | "offline" | "closed";

export class DocConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  /** Set when the server closed with a code after which the same token cannot get back in. */
  finalClose: FinalClose | null = null;
  /** The browser says it has no network: a socket that looks open is not trusted until it is back. */
  private browserOffline = typeof navigator !== "undefined" && navigator.onLine === false;
  private readonly listeners = new Set<() => void>();

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
    // y-websocket sends the server every awareness change it sees, other people's included, so each
    // departure came back from every peer as a "gone" for the departed client's id; the server let
    // the first such echo claim that unowned id for the echoing connection, and the departed
    // person, reconnecting, could no longer set their own presence. Only our own state goes out.
    this.provider.awareness.off("update", this.provider._awarenessUpdateHandler);
    this.provider.awareness.on("update", this.sendOwnPresence);
    this.provider.on("status", ({ status }) => {
      if (status === "disconnected") this.forgetPresenceClocks();
    });
    window.addEventListener("offline", this.onOffline);
    window.addEventListener("online", this.onOnline);
  }

  /**
   * A dropped network can leave a socket looking open for half a minute (y-websocket notices only
   * when no message arrives): close it at once, and reconnect as soon as the network is back.
   */
  private readonly onOffline = () => {
    this.browserOffline = true;
    this.provider.disconnect();
    this.notify();
  };

  private readonly sendOwnPresence = ({ added, updated, removed }: AwarenessChange): void => {
    const own = this.provider.awareness.clientID;
    if (![...added, ...updated, ...removed].includes(own)) return;
    const ws = this.provider.ws;
    if (!this.provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageAwareness);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(this.provider.awareness, [own]));
    ws.send(encoding.toUint8Array(encoder));
  };

  /**
   * A dropped connection leaves everyone's awareness clocks where they were, while the server (and
   * through it everyone else) drops this client's state at its last clock, and our own "gone" note
   * carries that clock too. Re-announcing at that clock would be ignored as already seen, so the
   * local clock moves on (the next socket announces a newer one), and the clocks of the others,
   * whose states y-websocket just removed here, are forgotten so their states are taken again when
   * the server sends them on reconnect.
   */
  private forgetPresenceClocks(): void {
    const awareness = this.provider.awareness;
    const others = (ids: Iterable<number>) => [...ids].filter((id) => id !== awareness.clientID);
    // y-websocket removes the others' states itself; any left would be ghosts until they time out.
    removeAwarenessStates(awareness, others(awareness.states.keys()), this);
    for (const id of others(awareness.meta.keys())) awareness.meta.delete(id);
    const local = awareness.getLocalState();
    if (local !== null) awareness.setLocalState({ ...local });
  }

  private readonly onOnline = () => {
    this.browserOffline = false;
    if (!this.finalClose) this.provider.connect();
    this.notify();
  };

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  /** Changes of state the provider does not announce itself (the browser's network going and coming). */
  onStateChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  connect(): void {
    if (!this.browserOffline) this.provider.connect();
  }

  state(): ConnectionState {
    const p = this.provider;
    if (this.finalClose) return "closed";
    if (this.browserOffline) return "offline";
    if (p.wsconnected) return p.synced ? "synced" : "syncing";
    // Every failed or dropped attempt counts until a connection syncs again.
    return p.wsUnsuccessfulReconnects > 0 ? "offline" : "connecting";
  }

  destroy(): void {
    window.removeEventListener("offline", this.onOffline);
    window.removeEventListener("online", this.onOnline);
    this.listeners.clear();
    this.provider.awareness.off("update", this.sendOwnPresence);
    this.provider.destroy();
    this.doc.destroy();
  }
}
