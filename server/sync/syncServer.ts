/**
 * Accepts authenticated websockets into rooms. Messages that arrive before the room is loaded wait
 * in a queue, so no client is answered from a half-loaded document.
 */
import type { WebSocket } from "ws";
import { CloseCode } from "../../shared/limits";
import type { RoomName } from "../../shared/rooms";
import { Connection, type ConnectionIdentity } from "./connection";
import type { SyncHooks } from "./hooks";
import { handleMessage, MalformedMessage } from "./protocol";
import type { RoomRegistry } from "./registry";
import type { Room } from "./room";

const PING_INTERVAL_MS = 30_000;
/** setTimeout's ceiling; longer session lifetimes are re-checked when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** What the websocket route hands over for each message and close. */
export interface SocketHandlers {
  message(data: ArrayBuffer | string): void;
  closed(): void;
}

export class SyncServer {
  private readonly conns = new Set<Connection>();
  private readonly pinger: NodeJS.Timeout;

  constructor(
    private readonly registry: RoomRegistry,
    private readonly hooks: SyncHooks,
  ) {
    this.pinger = setInterval(() => this.sweep(), PING_INTERVAL_MS);
    this.pinger.unref();
  }

  accept(ws: WebSocket, roomName: RoomName, identity: ConnectionIdentity): SocketHandlers {
    const conn = new Connection(ws, roomName, identity);
    this.conns.add(conn);
    ws.on("pong", () => {
      conn.alive = true;
    });
    this.armExpiry(conn);
    let room: Room | null = null;
    const queue: Uint8Array[] = [];

    const receive = (data: Uint8Array): void => {
      if (!room || conn.closed) return;
      try {
        handleMessage(room, conn, data);
      } catch (err) {
        if (err instanceof MalformedMessage) conn.close(CloseCode.malformed, err.message.slice(0, 120));
        else {
          console.error("unexpected error handling a message", err);
          conn.close(1011, "internal error");
        }
      }
    };

    this.registry.acquire(roomName).then(
      (loaded) => {
        if (conn.closed) return this.registry.release(loaded);
        room = loaded;
        loaded.conns.add(conn);
        this.hooks.onConnect?.({
          room: roomName,
          participantId: identity.participantId,
          role: identity.role,
        });
        conn.send(loaded.syncStep1());
        const states = [...loaded.awareness.getStates().keys()];
        if (states.length > 0) conn.send(loaded.awarenessMessage(states));
        for (const data of queue.splice(0)) receive(data);
      },
      (err: unknown) => {
        console.error("loading a room failed", err);
        conn.close(1011, "could not load document");
      },
    );

    return {
      message: (data) => {
        if (typeof data === "string")
          return conn.close(CloseCode.malformed, "text frames are not part of the protocol");
        const bytes = new Uint8Array(data);
        if (room) receive(bytes);
        else queue.push(bytes);
      },
      closed: () => {
        if (conn.closed) return;
        conn.closed = true;
        clearTimeout(conn.expiryTimer);
        this.conns.delete(conn);
        if (!room) return;
        room.removeConnection(conn);
        this.hooks.onDisconnect?.({ room: roomName, participantId: identity.participantId });
        this.registry.release(room);
      },
    };
  }

  /** Closes every connection matching `predicate` at once (revocation, expiry). */
  closeWhere(predicate: (identity: ConnectionIdentity) => boolean, code: number, reason: string): number {
    let closed = 0;
    for (const conn of this.conns) {
      if (!predicate(conn.identity)) continue;
      conn.close(code, reason);
      closed += 1;
    }
    return closed;
  }

  /** Closes everything and stores every room (graceful shutdown). */
  async shutdown(): Promise<void> {
    clearInterval(this.pinger);
    this.closeWhere(() => true, CloseCode.goingAway, "server shutting down");
    await this.registry.flushAll();
  }

  /** Closes the socket with 4401 when its session expires. */
  private armExpiry(conn: Connection): void {
    const left = conn.identity.expiresAt - Date.now();
    if (left <= 0) {
      conn.close(CloseCode.unauthorized, "session expired");
      return;
    }
    conn.expiryTimer = setTimeout(() => this.armExpiry(conn), Math.min(left, MAX_TIMER_MS));
    conn.expiryTimer.unref();
  }

  /** Drops sockets that did not answer the last ping. */
  private sweep(): void {
    for (const conn of this.conns) {
      if (!conn.alive) {
        conn.ws.terminate();
        continue;
      }
      conn.alive = false;
      conn.ws.ping();
    }
  }
}
