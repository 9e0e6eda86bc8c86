/**
 * Accepts authenticated websockets into rooms. Messages that arrive before the room is loaded wait
 * in a queue, so no client is answered from a half-loaded document.
 */
import type { Duplex } from "node:stream";
import type { WebSocket } from "ws";
import { CloseCode, type SyncLimits } from "../../shared/limits";
import { roomName as nameOf, type RoomName } from "../../shared/rooms";
import { CorruptLog } from "../store/logRecords";
import { matchesFilter, type SocketFilter } from "./bus";
import { Connection, type ConnectionIdentity } from "./connection";
import { Expiries } from "./expiries";
import type { HookList } from "./hooks";
import { handleMessage, MalformedMessage, UpdateRefused } from "./protocol";
import { RateBook } from "./rateLimit";
import type { RoomRegistry } from "./registry";
import type { Room } from "./room";

const PING_INTERVAL_MS = 30_000;

/** The connection each socket carries, for the read listeners below (shared by every socket). */
const connOfSocket = new WeakMap<Duplex, Connection>();

/**
 * Around ws's own listener: ws handles every complete message of a read synchronously, so what
 * one read changed in the room is relayed as one update once it has been handled (Room.beginRead).
 */
function readStarts(this: Duplex): void {
  connOfSocket.get(this)?.loaded?.beginRead();
}
function readEnds(this: Duplex): void {
  connOfSocket.get(this)?.loaded?.endRead();
}

export class SyncServer {
  private readonly conns = new Set<Connection>();
  private readonly pinger: NodeJS.Timeout;
  private readonly rates: RateBook;
  /** Closes a socket with 4401 when its session expires. */
  private readonly expiries = new Expiries(this.conns, (conn) =>
    conn.close(CloseCode.unauthorized, "session expired"),
  );

  constructor(
    private readonly registry: RoomRegistry,
    private readonly hooks: HookList,
    private readonly limits: SyncLimits,
    maxMessageBytes: number,
  ) {
    this.rates = new RateBook(limits, maxMessageBytes);
    this.pinger = setInterval(() => this.sweep(), PING_INTERVAL_MS);
    this.pinger.unref();
  }

  /**
   * Takes a socket into its room; `socket` is the stream under `ws` (the upgrade's), which relays
   * write their frames to. The caller hands the socket's messages and close to `message` and
   * `closed`: no closure is kept per socket beyond the caller's listeners.
   */
  accept(ws: WebSocket, socket: Duplex, roomName: RoomName, identity: ConnectionIdentity): Connection {
    const conn = new Connection(
      ws,
      socket,
      roomName,
      identity,
      this.limits,
      this.rates.of(identity.sessionHash),
    );
    this.conns.add(conn);
    connOfSocket.set(socket, conn);
    socket.prependListener("data", readStarts);
    socket.on("data", readEnds);
    ws.on("pong", () => {
      conn.alive = true;
    });
    this.expiries.add(conn);
    this.registry.acquire(roomName).then(
      (loaded) => this.entered(conn, loaded),
      (err: unknown) => {
        if (err instanceof CorruptLog)
          console.error(
            `room ${nameOf(roomName)} not loaded (its files are kept for recovery): ${err.message}`,
          );
        else console.error("loading a room failed", err);
        conn.close(CloseCode.internal, "could not load document");
      },
    );
    return conn;
  }

  /** The room is loaded: the connection joins it, and what it sent meanwhile is handled in order. */
  private entered(conn: Connection, loaded: Room): void {
    if (conn.closed) {
      this.registry.release(loaded);
      return;
    }
    // A room that failed is unloaded once its last holder lets go; the next load reads the disk.
    if (loaded.broken) {
      conn.close(CloseCode.internal, "document unavailable, try again");
      this.registry.release(loaded);
      return;
    }
    conn.loaded = loaded;
    loaded.conns.add(conn);
    const { identity } = conn;
    this.hooks.emit("onConnect", {
      room: conn.room,
      participantId: identity.participantId,
      role: identity.role,
    });
    conn.send(loaded.syncStep1());
    const states = [...loaded.awareness.getStates().keys()];
    if (states.length > 0) conn.send(loaded.awarenessMessage(states));
    const queued = conn.queue ?? [];
    conn.queue = null;
    for (const data of queued) this.receive(conn, loaded, data);
  }

  /** A message from the socket: counted on arrival, handled once its room is loaded. */
  message(conn: Connection, data: ArrayBuffer | Uint8Array | string): void {
    if (typeof data === "string") {
      conn.close(CloseCode.malformed, "text frames are not part of the protocol");
      return;
    }
    if (!conn.open) return;
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    // Counted on arrival, so the queue of a room still loading is bounded too.
    if (!conn.rates.take("messages") || !conn.rates.take("bytes", bytes.length)) {
      this.log(conn, "sent messages or bytes over its rate limit");
      conn.close(CloseCode.rateLimited, "messages or bytes over the rate limit");
      return;
    }
    if (conn.loaded) this.receive(conn, conn.loaded, bytes);
    else conn.queue?.push(bytes);
  }

  /** The socket closed: its presence and its hold on the room go. */
  closed(conn: Connection): void {
    if (conn.closed) return;
    conn.closed = true;
    clearTimeout(conn.awarenessTimer);
    this.conns.delete(conn);
    const room = conn.loaded;
    if (!room) return;
    room.removeConnection(conn);
    this.hooks.emit("onDisconnect", { room: conn.room, participantId: conn.identity.participantId });
    this.registry.release(room);
  }

  private receive(conn: Connection, room: Room, data: Uint8Array): void {
    // What a closing sender sent after the message that closed it is never applied.
    if (conn.closed || !conn.open) return;
    if (room.broken) {
      conn.close(CloseCode.internal, "document unavailable, try again");
      return;
    }
    if (conn.rates.empty("cpu")) {
      this.log(conn, "used up its share of the server's time");
      conn.close(CloseCode.rateLimited, "over its share of the server's processing time");
      return;
    }
    const started = performance.now();
    try {
      handleMessage(room, conn, data);
    } catch (err) {
      this.refuse(conn, err);
      return;
    } finally {
      conn.rates.charge("cpu", performance.now() - started);
    }
    this.checkTime(conn, performance.now() - started);
  }

  private refuse(conn: Connection, err: unknown): void {
    if (err instanceof MalformedMessage) conn.close(CloseCode.malformed, err.message.slice(0, 120));
    else if (err instanceof UpdateRefused) {
      this.log(conn, `was refused: ${err.message}`);
      conn.close(err.code, err.message.slice(0, 120));
    } else {
      console.error("unexpected error handling a message", err);
      conn.close(CloseCode.internal, "internal error");
    }
  }

  /** A message over the time budget was applied whole (the room stays consistent); its sender goes. */
  private checkTime(conn: Connection, ms: number): void {
    const budget = this.limits.messageTimeBudgetMs;
    if (ms <= budget || !conn.open) return;
    this.log(conn, `sent a message that took ${Math.round(ms)} ms to handle (budget ${budget} ms)`);
    conn.close(CloseCode.tooSlow, `message took ${Math.round(ms)} ms, over ${budget} ms`);
  }

  /** One line per refused sender, saying who, where and why. */
  private log(conn: Connection, what: string): void {
    console.warn(
      `sync: participant ${conn.identity.participantId} in ${nameOf(conn.room)} ${what}; closing it`,
    );
  }

  /** Closes this instance's connections matching the filter at once (revocation; see RoomBus). */
  closeLocal(filter: SocketFilter, code: number, reason: string): number {
    let closed = 0;
    for (const conn of this.conns) {
      if (!matchesFilter(filter, conn.identity, conn.room.workshopId)) continue;
      conn.close(code, reason);
      closed += 1;
    }
    return closed;
  }

  /** Closes everything and stores every room (graceful shutdown). */
  async shutdown(): Promise<void> {
    clearInterval(this.pinger);
    this.expiries.stop();
    this.closeLocal({}, CloseCode.goingAway, "server shutting down");
    await this.registry.flushAll();
  }

  /** Drops sockets that did not answer the last ping. */
  private sweep(): void {
    this.rates.sweep();
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
