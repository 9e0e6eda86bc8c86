/**
 * The room bus: how one instance's committed updates, awareness changes and socket closes reach
 * every other instance that shares its rooms. The single-process default has no one else to tell,
 * so publishing is nothing and closing is local; the Redis bus (redisBus.ts) is the same seam.
 * A bus is a hook in the server's hook list (it publishes from `afterCommit` and `onAwareness`).
 */
import type { ConnectionIdentity } from "./connection";
import type { ServerHook } from "./hooks";

/** Which sockets to close: every field given must match. Plain data, so it can cross instances. */
export interface SocketFilter {
  inviteId?: string;
  sessionHash?: string;
  participantId?: string;
  workshopId?: string;
}

export function matchesFilter(
  filter: SocketFilter,
  identity: ConnectionIdentity,
  workshopId: string,
): boolean {
  if (filter.inviteId !== undefined && identity.inviteId !== filter.inviteId) return false;
  if (filter.sessionHash !== undefined && identity.sessionHash !== filter.sessionHash) return false;
  if (filter.participantId !== undefined && identity.participantId !== filter.participantId) return false;
  if (filter.workshopId !== undefined && workshopId !== filter.workshopId) return false;
  return true;
}

/** What a bus needs from this instance's sync layer. */
export interface LocalSockets {
  /** Closes this instance's sockets matching the filter; returns how many. */
  closeLocal(filter: SocketFilter, code: number, reason: string): number;
}

export interface RoomBus {
  /** The bus's part in the hook list: publishing this instance's changes, attaching loaded rooms. */
  readonly hook: ServerHook;
  /** Closes matching sockets here at once, and on every other instance. */
  closeEverywhere(filter: SocketFilter, code: number, reason: string): Promise<void>;
  /** Stops publishing and receiving (after the rooms are stored, at shutdown). */
  close(): Promise<void>;
}

/** One process: nothing to publish; closes reach this process's sockets only, which are all of them. */
export class LocalBus implements RoomBus {
  readonly hook: ServerHook = {};

  constructor(private readonly sockets: LocalSockets) {}

  async closeEverywhere(filter: SocketFilter, code: number, reason: string): Promise<void> {
    this.sockets.closeLocal(filter, code, reason);
  }

  async close(): Promise<void> {}
}
