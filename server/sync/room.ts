/**
 * A loaded document and the connections that share it. Every change is appended to storage before
 * it is relayed, and each change is encoded once and the same bytes are sent to every peer.
 */
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { CloseCode, type SyncLimits } from "../../shared/limits";
import type { RoomName } from "../../shared/rooms";
import type { DocPersistence } from "../store/docLog";
import type { AwarenessOwners, RemoteClients } from "./awarenessGate";
import type { Connection } from "./connection";
import { UpdateRefused } from "./errors";
import { JoinState } from "./joinState";
import type { DecodedUpdate } from "./pendingEstimate";
import { checkUpdate } from "./updateGuard";
import { binaryFrame } from "./wsFrame";

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

/**
 * Origin of changes that came from another instance or from a heal out of the store: they are
 * durable already, so they are relayed to this instance's sockets but neither stored nor published.
 */
export const REMOTE_ORIGIN = Symbol("remote");

export interface RoomOptions {
  persistence: DocPersistence;
  compactAfterBytes: number;
  /** Largest stored size of the document (state plus log since); a client update past it is refused. */
  maxDocBytes: number;
  limits: SyncLimits;
  /**
   * Called when storing or applying an update failed; the room must then be dropped, and what the
   * failure left in memory is never stored or relayed.
   */
  onFailure(room: Room, what: string, err: unknown): void;
  onCompacted(room: Room, bytes: number): void;
  /** An update of this instance is durable and being relayed (see `ServerHook.afterCommit`). */
  onCommitted(room: Room, update: Uint8Array, origin: unknown): void;
  /** The awareness changed on this instance (not by another instance); `update` is encoded once. */
  onAwareness(room: Room, update: Uint8Array, origin: unknown): void;
}

/** One change waiting to be relayed: its update, its sender, its pending append (if any). */
interface RelayPart {
  update: Uint8Array;
  origin: unknown;
  stored: void | Promise<void>;
  /** From another instance or a heal: relayed, never published again. */
  remote: boolean;
}

export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly conns = new Set<Connection>();
  readonly awarenessOwners: AwarenessOwners = new Map();
  /** Awareness ids of other instances' clients; made when the room bus first records one. */
  private remote: RemoteClients | undefined;
  /** What a fresh client is sent on joining, kept valid across updates. */
  private joinState: JoinState | null = null;
  private compacting: Promise<void> | null = null;
  private failed = false;
  /** Settles when every update applied so far is committed; null when nothing is waiting. */
  private durable: Promise<void> | null = null;
  /** Bytes of the stored state and the updates logged since, counted as they are written. */
  private storedBytes = 0;

  constructor(
    readonly name: RoomName,
    private readonly options: RoomOptions,
  ) {
    // The server is not a participant: it shows no presence of its own.
    this.awareness.setLocalState(null);
    this.doc.on("update", this.onDocUpdate);
    this.awareness.on("update", this.onAwarenessUpdate);
  }

  /** Awareness ids of other instances' clients (kept by the room bus). */
  get remoteClients(): RemoteClients {
    this.remote ??= new Map();
    return this.remote;
  }

  /** The same, without making it: a single instance never has any. */
  get knownRemoteClients(): RemoteClients | undefined {
    return this.remote;
  }

  get limits(): SyncLimits {
    return this.options.limits;
  }

  /** Storing or applying an update failed: the room is being dropped and must take no one in. */
  get broken(): boolean {
    return this.failed;
  }

  /** Applies stored updates without storing or relaying them again. */
  hydrate(updates: Uint8Array[]): void {
    this.doc.off("update", this.onDocUpdate);
    try {
      for (const update of updates) {
        Y.applyUpdate(this.doc, update, "storage");
        this.storedBytes += update.length;
      }
    } finally {
      this.doc.on("update", this.onDocUpdate);
    }
  }

  /**
   * Applies an update that is already durable (another instance's, or a heal from the store): it is
   * relayed to this instance's sockets, neither stored again nor published.
   */
  applyRemote(update: Uint8Array): void {
    if (this.failed) return;
    Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
  }

  /**
   * Every change is appended before anything else happens to it. Changes that arrive together (one
   * read of a socket, see `beginRead`) are merged and relayed as one update when the read has been
   * handled; otherwise the first change of an event-loop turn is relayed at once. Either way nothing
   * is held back when nothing else is queued. What follows a relay in the same turn is merged and
   * relayed once at the turn's end, after every part is durable. A change from another instance or
   * a heal is relayed, never stored or published again.
   */
  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (this.failed) return;
    const remote = origin === REMOTE_ORIGIN;
    let stored: void | Promise<void> | undefined;
    if (!remote) {
      try {
        stored = this.options.persistence.append(this.name, update);
      } catch (err) {
        this.fail("storing an update", err);
        return;
      }
    }
    // Counted so the document-size limit holds across instances (remote: an upper bound).
    this.storedBytes += update.length;
    this.joinState?.add(update);
    const part: RelayPart = { update, origin, stored, remote };
    if (this.queued) this.queued.push(part);
    else this.queued = [part];
    // Also the backstop of a read whose end was never signalled: the turn's end relays what waits.
    this.turnEnded ??= new Promise<void>((resolve) =>
      setImmediate(() => {
        this.endTurn();
        resolve();
      }),
    );
    if (!this.reading && !this.relayedInTurn) this.relayQueued();
  };

  /** Changes applied and not yet relayed; null when none wait (most rooms, most of the time). */
  private queued: RelayPart[] | null = null;
  /** Whether this event-loop turn relayed already: what follows waits for the turn's end. */
  private relayedInTurn = false;
  /** Settles once the open turn's merged relay is under way; null when no turn is open. */
  private turnEnded: Promise<void> | null = null;
  /** A socket's read is being handled: its changes wait for the read's end (`endRead`). */
  private reading = false;
  private destroyed = false;

  /**
   * A read of one of this room's sockets starts: the messages it holds arrived together, so their
   * changes are relayed as one update when it has been handled.
   */
  beginRead(): void {
    this.reading = true;
  }

  /** The read was handled: what it changed goes out now, unless this turn relayed already. */
  endRead(): void {
    this.reading = false;
    if (!this.relayedInTurn && !this.failed && !this.destroyed) this.relayQueued();
  }

  private relayQueued(): void {
    const parts = this.queued;
    if (!parts) return;
    this.queued = null;
    this.relayedInTurn = true;
    this.relay(parts);
  }

  private endTurn(): void {
    this.turnEnded = null;
    this.reading = false;
    // A room is destroyed only after `flush`, which waits for the turn: this is a failed load's.
    if (!this.failed && !this.destroyed) this.relayQueued();
    this.relayedInTurn = false;
  }

  /** Relays parts as one update, framed once, after every part is durable (see `afterDurable`). */
  private relay(parts: RelayPart[]): void {
    const update = parts.length === 1 ? parts[0]!.update : Y.mergeUpdates(parts.map((p) => p.update));
    // Framed once: every peer is written the same bytes.
    const frame = binaryFrame(this.updateMessage(update));
    const origins = new Set(parts.map((p) => p.origin));
    // A sender has its own change already; with several senders merged, each gets the whole merge.
    const skip = origins.size === 1 ? parts[0]!.origin : undefined;
    const local = parts.filter((p) => !p.remote);
    const send = (): void => {
      for (const conn of this.conns) if (conn !== skip) conn.sendFrame(frame);
      if (local.length === 0) return;
      const committed = local.length === parts.length ? update : Y.mergeUpdates(local.map((p) => p.update));
      this.options.onCommitted(this, committed, local.length === 1 ? local[0]!.origin : undefined);
      this.scheduleCompaction();
    };
    const pending = parts.filter((p) => p.stored).map((p) => p.stored);
    // The file log's append is synchronous: relay at once, as always.
    if (pending.length === 0 && !this.durable) send();
    else
      this.afterDurable(pending.length === 0 ? undefined : Promise.all(pending).then(() => undefined), send);
  }

  private updateMessage(update: Uint8Array): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    return encoding.toUint8Array(encoder);
  }

  /**
   * Write-before-relay for a store whose append is asynchronous (PostgreSQL): `then` runs once
   * `stored` and everything queued before it are committed, in order; after a failed append,
   * nothing queued runs and the room fails as a synchronous failure would.
   */
  private afterDurable(stored: void | Promise<void>, then: () => void): void {
    const tail = Promise.all([this.durable, stored]).then(
      () => {
        if (!this.failed) then();
      },
      (err: unknown) => this.fail("storing an update", err),
    );
    this.durable = tail;
    void tail.then(() => {
      if (this.durable === tail) this.durable = null;
    });
  }

  private fail(what: string, err: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.options.onFailure(this, what, err);
  }

  /** Answers a sync step 1, once everything the answer holds is committed (see `afterDurable`). */
  sendSyncStep2(conn: Connection, stateVector: Uint8Array): void {
    const messages = this.syncStep2For(stateVector);
    const send = (): void => {
      for (const message of messages) conn.send(message);
    };
    if (!this.durable) send();
    else this.afterDurable(undefined, send);
  }

  /**
   * Applies a client's update (decoded once by the caller) if it passes the limits; throws
   * UpdateRefused, with nothing applied, when it does not. The size check is O(1): the stored bytes
   * are counted as they are written, never by encoding the document.
   */
  applyClientUpdate(update: Uint8Array, decoded: DecodedUpdate, conn: Connection): void {
    const { maxDocBytes, limits } = this.options;
    if (this.storedBytes + update.length > maxDocBytes)
      throw new UpdateRefused(
        CloseCode.documentFull,
        `document would pass ${maxDocBytes} bytes (holds ${this.storedBytes}, update ${update.length})`,
      );
    checkUpdate(this.doc, decoded, limits);
    let thrown: unknown;
    // One outer transaction, so that if Yjs throws half-way, the room is marked failed before the
    // transaction's cleanup emits the partial update, which is then neither stored nor relayed.
    this.doc.transact(() => {
      try {
        Y.applyUpdate(this.doc, update, conn);
      } catch (err) {
        thrown = err;
        this.failed = true;
      }
    }, conn);
    // What waits as pending is neither stored nor relayed (Yjs emits only what it applied): no
    // client has seen it, and its sender sends it again in its next sync step 2 if it is lost.
    if (thrown !== undefined) this.options.onFailure(this, "applying an update", thrown);
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = added.concat(updated, removed);
    if (changed.length === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    if (origin !== REMOTE_ORIGIN) this.options.onAwareness(this, update, origin);
    if (this.conns.size === 0) return;
    const frame = binaryFrame(awarenessFrame(update));
    for (const conn of this.conns) conn.sendFrame(frame);
  };

  awarenessMessage(clients: number[]): Uint8Array {
    return awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
  }

  /**
   * The frames answering a client's state vector: for a fresh client (empty vector) the cached
   * state and the updates since it (see JoinState), else a sync step 2 encoded for that vector.
   */
  syncStep2For(stateVector: Uint8Array): Uint8Array[] {
    const fresh = stateVector.length === 1 && stateVector[0] === 0;
    if (fresh) {
      const joinState = this.joinState ?? new JoinState();
      const messages = joinState.messages(this.doc);
      // Kept only while it holds a large document's encoding: every open room would carry one.
      this.joinState = joinState.holdsState ? joinState : null;
      return messages;
    }
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep2(encoder, this.doc, stateVector);
    return [encoding.toUint8Array(encoder)];
  }

  syncStep1(): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    return encoding.toUint8Array(encoder);
  }

  removeConnection(conn: Connection): void {
    this.conns.delete(conn);
    const ids = [...conn.clientIds];
    for (const id of ids) this.awarenessOwners.delete(id);
    // No ghost carets: a departed connection's presence goes with it.
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
  }

  /** Compaction runs after the relay, never inside it. */
  private scheduleCompaction(): void {
    if (this.compacting || this.options.persistence.pendingBytes(this.name) < this.options.compactAfterBytes)
      return;
    this.compacting = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.compactNow())
      // A failed compaction loses nothing: the log it would have replaced is still there.
      .catch((err: unknown) =>
        console.error(`compaction of ${this.name.workshopId}/${this.name.kind} failed`, err),
      )
      .finally(() => {
        this.compacting = null;
      });
  }

  /**
   * Merges the log into one stored state when it holds at least `minBytes`. Every update is already
   * durable in the log, so this only shortens the next load.
   */
  async flush(minBytes = 1): Promise<void> {
    // The open turn's relay (and its publish) goes out before the room is stored and unloaded.
    while (this.turnEnded) await this.turnEnded;
    while (this.durable) await this.durable;
    while (this.compacting) await this.compacting;
    await this.compactNow(minBytes);
  }

  private async compactNow(minBytes = 1): Promise<void> {
    if (this.failed) return;
    const bytes = this.options.persistence.pendingBytes(this.name);
    if (bytes === 0 || bytes < minBytes) return;
    await this.options.persistence.compact(this.name, () => {
      const state = Y.encodeStateAsUpdate(this.doc);
      // From this instant the stored document is this state plus what is appended after it.
      this.storedBytes = state.length;
      return state;
    });
    this.options.onCompacted(this, bytes);
  }

  destroy(): void {
    this.destroyed = true;
    this.doc.off("update", this.onDocUpdate);
    this.awareness.off("update", this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }
}

function awarenessFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
