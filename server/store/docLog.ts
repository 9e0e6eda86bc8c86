/**
 * Durable storage of Yjs documents: a merged state file plus append-only update logs.
 *
 * Layout per document (`<dataDir>/docs/<workshopId>/`):
 *   <kind>.state       one merged Yjs update (written atomically: tmp + fsync + rename)
 *   <kind>.<n>.log     checksummed records of updates, appended in order (format in logRecords.ts)
 * Loading applies the state and then every log in order; Yjs updates are idempotent, so a crash
 * between writing a new state and deleting the logs it covers only costs a little replay. A torn
 * last record is cut off; a corrupt one before it stops the load, and the file is left as it is.
 * Only the append is synchronous (the relay waits on it); everything else yields the event loop.
 */
import { close, fstat, open, write, writeSync } from "node:fs";
import { mkdir, readdir, readFile, truncate, unlink } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import type { RoomName } from "../../shared/rooms";
import { writeDurable } from "./durableWrite";
import { encodeRecord, LOG_MAGIC, readLog } from "./logRecords";

/** What the sync layer needs from storage: read a document, append an update, replace by a merged state. */
export interface DocPersistence {
  load(room: RoomName): Promise<Uint8Array[]>;
  /**
   * Returns once the update is in the operating system's hands, so a killed process cannot lose it;
   * or returns a promise that settles once it is committed (PostgreSQL), and the room relays the
   * update only then.
   */
  append(room: RoomName, update: Uint8Array): void | Promise<void>;
  /** Bytes appended since the last compaction, to decide when to compact. */
  pendingBytes(room: RoomName): number;
  /**
   * Replaces the logs by one merged state. `encodeState` is called at the instant appends switch to
   * a new log, so the state holds everything the deleted logs held.
   */
  compact(room: RoomName, encodeState: () => Uint8Array): Promise<void>;
  /** Releases the open log file of an unloaded document. */
  close(room: RoomName): void;
  /**
   * The document's updates as stored now, read only (nothing opened or truncated), for an instance
   * that heals a loaded room from the store of record after missing another instance's message.
   */
  read(room: RoomName): Promise<Uint8Array[]>;
}

/**
 * An open document's log. The file is held as a plain descriptor, not a FileHandle: every open room
 * has one, and a FileHandle costs a few hundred bytes of heap each; `close` and `compact` close it.
 */
interface OpenLog {
  generation: number;
  fd: number;
  bytes: number;
}

const openFile = promisify(open);
const closeFile = promisify(close);
const statFile = promisify(fstat);
const writeFile = promisify(write);

const LOG_FILE = /^(content|control)\.(\d+)\.log$/;

export class FileDocLog implements DocPersistence {
  private readonly logs = new Map<string, OpenLog>();

  constructor(private readonly dataDir: string) {}

  private key(room: RoomName): string {
    return `${room.workshopId}/${room.kind}`;
  }

  private dirOf(room: RoomName): string {
    return path.join(this.dataDir, "docs", room.workshopId);
  }

  async load(room: RoomName): Promise<Uint8Array[]> {
    const dir = this.dirOf(room);
    await mkdir(dir, { recursive: true });
    const updates: Uint8Array[] = [];
    const state = await readIfExists(path.join(dir, `${room.kind}.state`));
    if (state && state.length > 0) updates.push(state);
    const generations = logGenerations(await readdir(dir), room.kind);
    let bytes = 0;
    let lastIsCurrent = false;
    for (const gen of generations) {
      const file = path.join(dir, `${room.kind}.${gen}.log`);
      // Throws CorruptLog before anything is truncated, so a corrupt file stays as it was.
      const { records, validLength, current } = readLog(await readFile(file), file);
      updates.push(...records);
      bytes += validLength;
      // A record cut short by a crash mid-write is dropped, so later appends stay aligned.
      await truncate(file, validLength);
      lastIsCurrent = current;
    }
    // Appends continue a log of the current format; after one of the first format, a new log begins.
    const last = generations.at(-1);
    const generation = last === undefined ? 0 : lastIsCurrent ? last : last + 1;
    const fd = await openLog(path.join(dir, `${room.kind}.${generation}.log`));
    this.logs.set(this.key(room), { generation, fd, bytes });
    return updates;
  }

  append(room: RoomName, update: Uint8Array): void {
    const log = this.logs.get(this.key(room));
    if (!log) throw new Error(`document ${this.key(room)} is not loaded`);
    const record = encodeRecord(update);
    let off = 0;
    while (off < record.length) off += writeSync(log.fd, record, off, record.length - off);
    log.bytes += record.length;
  }

  pendingBytes(room: RoomName): number {
    return this.logs.get(this.key(room))?.bytes ?? 0;
  }

  async compact(room: RoomName, encodeState: () => Uint8Array): Promise<void> {
    const log = this.logs.get(this.key(room));
    if (!log) throw new Error(`document ${this.key(room)} is not loaded`);
    const dir = this.dirOf(room);
    const next = await openLog(path.join(dir, `${room.kind}.${log.generation + 1}.log`));
    // Nothing awaits from here to the swap, so no append can fall between the state and the new log.
    const state = encodeState();
    const covered = log.generation;
    const previous = log.fd;
    log.generation += 1;
    log.fd = next;
    log.bytes = 0;
    await closeFile(previous);
    await writeDurable(path.join(dir, `${room.kind}.state`), state);
    for (const gen of logGenerations(await readdir(dir), room.kind)) {
      if (gen <= covered) await unlink(path.join(dir, `${room.kind}.${gen}.log`));
    }
  }

  read(room: RoomName): Promise<Uint8Array[]> {
    return readDocument(this.dataDir, room);
  }

  close(room: RoomName): void {
    const key = this.key(room);
    const log = this.logs.get(key);
    if (!log) return;
    this.logs.delete(key);
    closeFile(log.fd).catch((err: unknown) => console.error(`closing the log of ${key} failed`, err));
  }
}

/**
 * A document's stored updates, read only (no log truncated or opened), so it may run beside a server
 * on the same directory; a file compacted away meanwhile rejects with ENOENT, and reading again heals.
 */
export async function readDocument(dataDir: string, room: RoomName): Promise<Uint8Array[]> {
  const dir = path.join(dataDir, "docs", room.workshopId);
  const files = await readdir(dir).catch((err: NodeJS.ErrnoException): string[] => {
    if (err.code === "ENOENT") return [];
    throw err;
  });
  const updates: Uint8Array[] = [];
  if (files.includes(`${room.kind}.state`))
    updates.push(await readFile(path.join(dir, `${room.kind}.state`)));
  for (const gen of logGenerations(files, room.kind)) {
    const file = path.join(dir, `${room.kind}.${gen}.log`);
    // Complete records only: a record cut short by a writer still at work is left out, not repaired.
    updates.push(...readLog(await readFile(file), file).records);
  }
  return updates.filter((u) => u.length > 0);
}

function logGenerations(files: string[], kind: string): number[] {
  return files
    .map((f) => LOG_FILE.exec(f))
    .filter((m): m is RegExpExecArray => m !== null && m[1] === kind)
    .map((m) => Number(m[2]))
    .sort((a, b) => a - b);
}

async function readIfExists(file: string): Promise<Uint8Array | null> {
  try {
    return await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}

/** Opens a log for appending; a new (or emptied) one starts with the current format's header. */
async function openLog(file: string): Promise<number> {
  const fd = await openFile(file, "a");
  try {
    if ((await statFile(fd)).size === 0) await writeFile(fd, LOG_MAGIC);
  } catch (err) {
    await closeFile(fd);
    throw err;
  }
  return fd;
}
