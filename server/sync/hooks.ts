/**
 * One typed hook list for the server, in the manner of Hocuspocus's extensions: `beforeX` may
 * refuse by throwing, `afterX` observes (or, for loads, may still write as the server), `onX`
 * reports. Each lifecycle point has one typed payload. The control projection's reconciliation,
 * the automatic snapshot after a round changes, the room bus (single process or Redis) and the
 * tests' event log are all hooks in one list.
 */

import type { Role } from "../../shared/roles";
import type { RoomName } from "../../shared/rooms";
import type { RoundRecord } from "../store/records";
import type { Room } from "./room";

export interface ServerHook {
  /** Before a room is read from storage; throwing refuses the load. */
  beforeLoad?(event: { name: RoomName }): void | Promise<void>;
  /** After a room is read from storage and before anyone sees it; throwing refuses the load. */
  afterLoad?(event: { room: Room; updates: number }): void | Promise<void>;
  /**
   * An update is durable in the store (write-before-relay) and is being relayed to this instance's
   * sockets. Not called for updates that came from another instance or a heal.
   */
  afterCommit?(event: { room: Room; update: Uint8Array; origin: unknown }): void;
  /** The awareness of a room changed on this instance (encoded once, for the changed clients). */
  onAwareness?(event: { room: Room; update: Uint8Array; origin: unknown }): void;
  /** A document's log was merged into one stored state. */
  afterStore?(event: { room: RoomName; bytes: number }): void;
  /** A document left memory after its last holder released it. */
  afterUnload?(event: { room: RoomName }): void;
  onConnect?(event: { room: RoomName; participantId: string; role: Role }): void;
  onDisconnect?(event: { room: RoomName; participantId: string }): void;
  /** A round was revealed or closed, after its metadata and projection are written. */
  afterRoundChange?(event: { round: RoundRecord; event: "revealed" | "closed"; by: string }): Promise<void>;
}

export type HookName = keyof ServerHook;
type Payload<K extends HookName> = Parameters<NonNullable<ServerHook[K]>>[0];

export class HookList {
  private readonly hooks: ServerHook[] = [];

  constructor(hooks: ServerHook[] = []) {
    this.hooks.push(...hooks);
  }

  add(hook: ServerHook): void {
    this.hooks.push(hook);
  }

  /** Runs the hooks in order, each awaited; the first to throw stops the rest and rejects. */
  async run<K extends HookName>(name: K, payload: Payload<K>): Promise<void> {
    for (const hook of this.hooks) {
      const fn = hook[name] as ((p: Payload<K>) => void | Promise<void>) | undefined;
      if (fn) await fn.call(hook, payload);
    }
  }

  /**
   * Calls the synchronous hooks of a hot path (a relay, a connect); one hook's error is logged and
   * never reaches the others or the caller.
   */
  emit<K extends HookName>(name: K, payload: Payload<K>): void {
    for (const hook of this.hooks) {
      const fn = hook[name] as ((p: Payload<K>) => unknown) | undefined;
      if (!fn) continue;
      try {
        fn.call(hook, payload);
      } catch (err) {
        console.error(`hook ${name} failed`, err);
      }
    }
  }
}
