/**
 * Loaded rooms by name. A room is loaded once however many clients ask at the same moment, held
 * while anyone (a connection or a server write) uses it, and stored and unloaded after the last
 * release. Whoever asks for a room that is being unloaded waits for the store to finish first.
 */

import type { SyncLimits } from "../../shared/limits";
import { CloseCode } from "../../shared/limits";
import { type RoomName, roomName } from "../../shared/rooms";
import type { DocPersistence } from "../store/docLog";
import type { HookList } from "./hooks";
import { Room, type RoomOptions } from "./room";

/** Logs shorter than this stay as they are when a room unloads. */
const UNLOAD_COMPACT_BYTES = 64 * 1024;

interface Entry {
  loading: Promise<Room>;
  holders: number;
  unloading?: Promise<void>;
  /** The loaded room, so a late release of an earlier load of the same name is told apart. */
  room?: Room;
}

export interface RegistryOptions {
  persistence: DocPersistence;
  compactAfterBytes: number;
  maxDocBytes: number;
  limits: SyncLimits;
  /** `beforeLoad` and `afterLoad` run once per load, before anyone sees the room. */
  hooks: HookList;
}

export class RoomRegistry {
  private readonly entries = new Map<string, Entry>();
  /** One options object for every room (its callbacks are told which room), not one per room. */
  private readonly roomOptions: RoomOptions;

  constructor(private readonly options: RegistryOptions) {
    const { persistence, compactAfterBytes, maxDocBytes, limits, hooks } = options;
    this.roomOptions = {
      persistence,
      compactAfterBytes,
      maxDocBytes,
      limits,
      onFailure: (failed, what, err) => {
        console.error(`${what} of ${roomName(failed.name)} failed; dropping its connections`, err);
        for (const conn of failed.conns) conn.close(CloseCode.internal, `${what} failed`);
      },
      onCompacted: (room, bytes) => hooks.emit("afterStore", { room: room.name, bytes }),
      onCommitted: (room, update, origin) => hooks.emit("afterCommit", { room, update, origin }),
      onAwareness: (room, update, origin) => hooks.emit("onAwareness", { room, update, origin }),
    };
  }

  /** Gets the room, loading it if needed; the caller must `release` it. */
  async acquire(name: RoomName): Promise<Room> {
    const key = roomName(name);
    for (;;) {
      const entry = this.entries.get(key);
      if (entry?.unloading) {
        await entry.unloading;
        continue;
      }
      if (entry) {
        entry.holders += 1;
        return entry.loading;
      }
      const fresh: Entry = {
        loading: this.load(name).then((room) => {
          fresh.room = room;
          return room;
        }),
        holders: 1,
      };
      this.entries.set(key, fresh);
      fresh.loading.catch(() => this.entries.delete(key));
      return fresh.loading;
    }
  }

  release(room: Room): void {
    const key = roomName(room.name);
    const entry = this.entries.get(key);
    if (!entry || entry.unloading || entry.room !== room) return;
    entry.holders -= 1;
    if (entry.holders > 0) return;
    entry.unloading = this.unload(room).finally(() => this.entries.delete(key));
  }

  /** The room if it is loaded and ready here (for changes from other instances); never loads it. */
  loaded(name: RoomName): Room | undefined {
    const entry = this.entries.get(roomName(name));
    return entry && !entry.unloading ? entry.room : undefined;
  }

  /** Every room loaded and ready here. */
  loadedRooms(): Room[] {
    const rooms: Room[] = [];
    for (const entry of this.entries.values()) if (entry.room && !entry.unloading) rooms.push(entry.room);
    return rooms;
  }

  /** Runs `fn` on the room's document, loading it for the duration if nobody has it open. */
  async withRoom<T>(name: RoomName, fn: (room: Room) => T): Promise<T> {
    const room = await this.acquire(name);
    try {
      return fn(room);
    } finally {
      this.release(room);
    }
  }

  /**
   * Stores and unloads every room, held or not, and waits for it (used at shutdown): each log's file
   * is closed here rather than left to the garbage collector. A late release finds the room
   * unloading and does nothing.
   */
  async flushAll(): Promise<void> {
    for (const [key, entry] of this.entries) {
      if (entry.unloading) continue;
      entry.unloading = entry.loading
        .then(
          (room) => this.unload(room),
          () => undefined,
        )
        .finally(() => this.entries.delete(key));
    }
    await Promise.all([...this.entries.values()].map((e) => e.unloading));
  }

  private async load(name: RoomName): Promise<Room> {
    const { persistence, hooks } = this.options;
    await hooks.run("beforeLoad", { name });
    const updates = await persistence.load(name);
    const room = new Room(name, this.roomOptions);
    room.hydrate(updates);
    try {
      await hooks.run("afterLoad", { room, updates: updates.length });
    } catch (err) {
      // A room that cannot be reconciled is not shown: its stored log stays as it was.
      this.options.persistence.close(name);
      room.destroy();
      throw err;
    }
    return room;
  }

  private async unload(room: Room): Promise<void> {
    try {
      // A short log is cheaper to replay on the next load than to merge now.
      await room.flush(UNLOAD_COMPACT_BYTES);
    } finally {
      this.options.persistence.close(room.name);
      room.destroy();
      this.options.hooks.emit("afterUnload", { room: room.name });
    }
  }
}
