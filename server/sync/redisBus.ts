/**
 * The room bus over Redis pub/sub, for several instances on one PostgreSQL store. The store is the
 * record and Redis only the fast path: an update is committed first and published after (the
 * `afterCommit` hook), each instance applies what it receives and relays it to its own sockets.
 * Pub/sub may lose messages (Redis restarted, a blip, a publisher killed between commit and
 * publish), so nothing is trusted to arrive: every frame carries its publisher's sequence for the
 * room, and a receiver that sees a gap, resubscribes after a reconnect, or hears that a peer
 * instance went silent heals each room from the store by state vector. A room's channel is
 * subscribed before the room is read from the store, so whatever is published after that read
 * arrives; whatever was published before it is in what was read.
 */
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import * as awarenessProtocol from "y-protocols/awareness";
import { type RoomName, roomName } from "../../shared/rooms";
import type { DocPersistence } from "../store/docLog";
import type { LocalSockets, RoomBus, SocketFilter } from "./bus";
import { BusRoom } from "./busRoom";
import type { ServerHook } from "./hooks";
import {
  awarenessClients,
  CONTROL_CHANNEL,
  type ControlMessage,
  decodeFrame,
  encodeFrame,
  FrameType,
  parseControl,
  type RoomFrame,
  roomChannel,
  roomOfChannel,
} from "./redisWire";
import type { RoomRegistry } from "./registry";
import { REMOTE_ORIGIN, type Room } from "./room";

/** How often an instance says it is alive. */
export const HEARTBEAT_MS = 1000;
/** An instance not heard from for this long is gone: its presences are removed, rooms healed. */
export const PEER_TIMEOUT_MS = 5000;

/** How long a socket close is published again with each heartbeat, after it is made or Redis is back. */
const CLOSE_REPEAT_MS = 5000;
/** Frames kept for a room still loading; past this, it is healed from the store once loaded. */
const MAX_EARLY_FRAMES = 1024;

export interface RedisBusDeps {
  registry: RoomRegistry;
  sockets: LocalSockets;
  persistence: Pick<DocPersistence, "read">;
}

export class RedisBus implements RoomBus {
  readonly instance = randomBytes(9).toString("base64url");
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly attached = new Map<string, BusRoom>();
  /** Rooms subscribed but still loading: their frames wait here; `heal` if subscribed late. */
  private readonly early = new Map<string, { name: RoomName; frames: RoomFrame[]; heal: boolean }>();
  private readonly peers = new Map<string, number>();
  /** Socket closes still being repeated (see `closeEverywhere`). */
  private closes: Array<{ message: ControlMessage; until: number }> = [];
  private readonly ticker: NodeJS.Timeout;
  private everReady = { pub: false, sub: false };
  private closed = false;

  readonly hook: ServerHook = {
    beforeLoad: ({ name }) => this.subscribe(name),
    afterLoad: ({ room }) => this.attach(room),
    afterCommit: ({ room, update }) => this.publishUpdate(room, update),
    onAwareness: ({ room, update, origin }) => {
      // Every instance times out presences on its own; echoing that would only race the owner.
      if (origin !== "timeout") this.publishFrame(room.name, FrameType.awareness, update);
    },
    afterUnload: ({ room }) => this.detach(room),
  };

  constructor(
    url: string,
    private readonly deps: RedisBusDeps,
  ) {
    // Retries forever: a close published while Redis is away waits for it rather than failing.
    this.pub = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true });
    // Resubscribed by hand on each reconnect, so the heal starts only once the channels are back.
    // No offline queue: while Redis is away nothing is subscribed, and `subReady` catches up.
    this.sub = new Redis(url, {
      maxRetriesPerRequest: null,
      lazyConnect: true,
      autoResubscribe: false,
      enableOfflineQueue: false,
    });
    for (const client of [this.pub, this.sub])
      client.on("error", (err: Error) => console.warn(`redis: ${err.message}`));
    this.pub.on("ready", () => this.pubReady());
    this.sub.on("ready", () => this.subReady());
    this.sub.on("messageBuffer", (channel: Buffer, data: Buffer) => this.receive(channel.toString(), data));
    this.ticker = setInterval(() => this.tick(), HEARTBEAT_MS);
    this.ticker.unref();
  }

  /** Connects both clients and subscribes the control channel; rejects if Redis cannot be reached. */
  async start(): Promise<void> {
    await Promise.all([this.pub.connect(), this.sub.connect()]);
    await this.sub.subscribe(CONTROL_CHANNEL);
    this.everReady = { pub: true, sub: true };
    this.sendControl({ t: "heartbeat", instance: this.instance });
  }

  /**
   * Closes here at once and publishes the close, then publishes it again with each heartbeat for
   * CLOSE_REPEAT_MS (counted again from each reconnect): a receiver that was resubscribing when it
   * first went out still gets it. Repeating is harmless, since a revoked session cannot reconnect.
   * Not awaited, so the REST call that revoked is never held up by Redis.
   */
  async closeEverywhere(filter: SocketFilter, code: number, reason: string): Promise<void> {
    this.deps.sockets.closeLocal(filter, code, reason);
    const message: ControlMessage = { t: "close", instance: this.instance, filter, code, reason };
    this.closes.push({ message, until: Date.now() + CLOSE_REPEAT_MS });
    if (this.pub.status === "ready") void this.sendControl(message);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.ticker);
    if (this.pub.status === "ready") await this.sendControl({ t: "bye", instance: this.instance });
    this.sub.disconnect();
    await this.pub.quit().catch(() => this.pub.disconnect());
  }

  /** Redis away: the room loads anyway, and is healed once attached (and again on reconnect). */
  private async subscribe(name: RoomName): Promise<void> {
    const early = { name, frames: [], heal: this.sub.status !== "ready" };
    this.early.set(roomName(name), early);
    if (early.heal) return;
    await this.sub.subscribe(roomChannel(name)).catch(() => {
      early.heal = true;
    });
  }

  private attach(room: Room): void {
    const key = roomName(room.name);
    const attached = new BusRoom(room, this.deps.persistence);
    this.attached.set(key, attached);
    const early = this.early.get(key);
    this.early.delete(key);
    for (const frame of early?.frames ?? []) this.applyFrame(attached, frame);
    if (early?.heal) void attached.heal();
    this.publishFrame(room.name, FrameType.awarenessQuery, new Uint8Array());
  }

  private detach(name: RoomName): void {
    const key = roomName(name);
    const attached = this.attached.get(key);
    if (attached) attached.detached = true;
    this.attached.delete(key);
    this.early.delete(key);
    if (!this.closed && this.sub.status === "ready")
      this.sub.unsubscribe(roomChannel(name)).catch(() => undefined);
  }

  private publishUpdate(room: Room, update: Uint8Array): void {
    const attached = this.attached.get(roomName(room.name));
    if (!attached) return;
    attached.seq += 1;
    this.send(room.name, { type: FrameType.update, seq: attached.seq, payload: update }, attached);
  }

  private publishFrame(name: RoomName, type: number, payload: Uint8Array): void {
    const attached = this.attached.get(roomName(name));
    if (attached) this.send(name, { type, seq: attached.seq, payload }, attached);
  }

  /**
   * Publishes at once when connected; while Redis is away the frame is dropped, not queued: the
   * receivers heal from the store when they are back, and the `mark` sent on reconnect shows the gap.
   */
  private send(name: RoomName, frame: Pick<RoomFrame, "type" | "seq" | "payload">, attached: BusRoom): void {
    if (this.pub.status !== "ready") return;
    const data = encodeFrame({ ...frame, instance: this.instance, epoch: attached.epoch });
    this.pub.publish(roomChannel(name), data).catch(() => undefined);
  }

  private sendControl(message: ControlMessage): Promise<unknown> {
    return this.pub.publish(CONTROL_CHANNEL, JSON.stringify(message)).catch(() => undefined);
  }

  private receive(channel: string, data: Buffer): void {
    if (channel === CONTROL_CHANNEL) {
      this.onControl(parseControl(data.toString()));
      return;
    }
    const name = roomOfChannel(channel);
    if (!name) return;
    let frame: RoomFrame;
    try {
      frame = decodeFrame(data);
    } catch {
      console.warn(`redis: undecodable frame on ${channel}, ignored`);
      return;
    }
    if (frame.instance === this.instance) return;
    this.peers.set(frame.instance, Date.now());
    const key = roomName(name);
    const attached = this.attached.get(key);
    if (!attached) {
      const early = this.early.get(key);
      if (!early) return;
      // Bounded even if the load never finishes: past the cap, the room heals once attached.
      if (early.frames.length < MAX_EARLY_FRAMES) early.frames.push(frame);
      else early.heal = true;
      return;
    }
    this.applyFrame(attached, frame);
  }

  /** One frame that does not apply (a foreign publisher's) is logged and costs no one else anything. */
  private applyFrame(attached: BusRoom, frame: RoomFrame): void {
    try {
      this.onFrame(attached, frame);
    } catch (err) {
      console.warn(`redis: a frame for ${roomName(attached.room.name)} could not be applied`, err);
    }
  }

  private onFrame(attached: BusRoom, frame: RoomFrame): void {
    const { room } = attached;
    if (room.broken) return;
    attached.checkSequence(frame);
    switch (frame.type) {
      case FrameType.update:
        room.applyRemote(frame.payload);
        return;
      case FrameType.awareness:
        for (const [id, participantId] of awarenessClients(frame.payload)) {
          // An id a client of this instance holds now (it moved here) stays this instance's.
          if (room.awarenessOwners.has(id)) continue;
          if (participantId === null) room.remoteClients.delete(id);
          else room.remoteClients.set(id, { instance: frame.instance, participantId });
        }
        awarenessProtocol.applyAwarenessUpdate(room.awareness, frame.payload, REMOTE_ORIGIN);
        return;
      case FrameType.awarenessQuery: {
        const mine = [...room.awarenessOwners.keys()].filter((id) => room.awareness.getStates().has(id));
        if (mine.length > 0)
          this.publishFrame(
            room.name,
            FrameType.awareness,
            awarenessProtocol.encodeAwarenessUpdate(room.awareness, mine),
          );
        return;
      }
    }
  }

  private onControl(message: ControlMessage | null): void {
    if (!message || message.instance === this.instance) return;
    if (message.t === "bye") {
      this.departed(message.instance, false);
      return;
    }
    this.peers.set(message.instance, Date.now());
    if (message.t === "close") this.deps.sockets.closeLocal(message.filter, message.code, message.reason);
  }

  /** Heartbeat out; peers silent past the timeout are gone. */
  private tick(): void {
    const now = Date.now();
    this.closes = this.closes.filter((c) => c.until > now);
    if (this.pub.status === "ready") {
      void this.sendControl({ t: "heartbeat", instance: this.instance });
      for (const { message } of this.closes) void this.sendControl(message);
    }
    for (const [peer, seen] of this.peers) if (now - seen > PEER_TIMEOUT_MS) this.departed(peer, true);
  }

  /**
   * A peer instance is gone: its presences go with it, and (unless it said goodbye) what it
   * committed but had no time to publish is read from the store.
   */
  private departed(peer: string, heal: boolean): void {
    this.peers.delete(peer);
    for (const attached of this.attached.values()) {
      attached.forget(peer);
      const { remoteClients } = attached.room;
      const ids = [...remoteClients].filter(([, held]) => held.instance === peer).map(([id]) => id);
      for (const id of ids) remoteClients.delete(id);
      if (ids.length > 0)
        awarenessProtocol.removeAwarenessStates(attached.room.awareness, ids, REMOTE_ORIGIN);
      if (heal) void attached.heal();
    }
  }

  /** Back after a blip: tell receivers how far each room's sequence got, so they see any gap. */
  private pubReady(): void {
    if (!this.everReady.pub) return;
    const until = Date.now() + CLOSE_REPEAT_MS;
    for (const close of this.closes) close.until = until;
    for (const attached of this.attached.values())
      this.publishFrame(attached.room.name, FrameType.mark, new Uint8Array());
  }

  /** Back after a blip: resubscribe, then heal every room (frames published meanwhile are lost). */
  private subReady(): void {
    if (!this.everReady.sub || this.closed) return;
    const channels = [CONTROL_CHANNEL, ...[...this.attached.values()].map((a) => roomChannel(a.room.name))];
    for (const early of this.early.values()) {
      channels.push(roomChannel(early.name));
      early.heal = true;
    }
    this.sub.subscribe(...channels).then(
      () => {
        // Sequences are kept: a later frame past them shows what was lost after this heal's read.
        for (const attached of this.attached.values()) {
          void attached.heal();
          this.publishFrame(attached.room.name, FrameType.awarenessQuery, new Uint8Array());
        }
      },
      (err: unknown) => console.warn("redis: resubscribing failed", err),
    );
  }
}
