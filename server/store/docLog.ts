/**
 * Durable storage of Yjs documents: a merged state file plus append-only update logs.
 *
 * Layout per document (`<dataDir>/docs/<workshopId>/`):
 *   <kind>.state       one merged Yjs update (written atomically: tmp + fsync + rename)
 *   <kind>.<n>.log     records of [u32 little-endian length][update bytes], appended in order
 * Loading applies the state and then every log in order; Yjs updates are idempotent, so a crash
 * between writing a new state and deleting the logs it covers only costs a little replay.
 */
import {
  closeSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  writeSync,
} from "node:fs";
import { open, rename, unlink } from "node:fs/promises";
import path from "node:path";
import type { RoomName } from "../../shared/rooms";

/** What the sync layer needs from storage: read a document, append an update, replace by a merged state. */
export interface DocPersistence {
  load(room: RoomName): Promise<Uint8Array[]>;
  /** Returns once the update is in the operating system's hands, so a killed process cannot lose it. */
  append(room: RoomName, update: Uint8Array): void;
  /** Bytes appended since the last compaction, to decide when to compact. */
  pendingBytes(room: RoomName): number;
  /** `state` must contain everything appended so far; later appends go to a new log. */
  compact(room: RoomName, state: Uint8Array): Promise<void>;
  /** Releases the open log file of an unloaded document. */
  close(room: RoomName): void;
}

interface OpenLog {
  dir: string;
  kind: string;
  generation: number;
  fd: number;
  bytes: number;
}

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
    mkdirSync(dir, { recursive: true });
    const updates: Uint8Array[] = [];
    const state = readIfExists(path.join(dir, `${room.kind}.state`));
    if (state && state.length > 0) updates.push(state);
    const generations = readdirSync(dir)
      .map((f) => LOG_FILE.exec(f))
      .filter((m): m is RegExpExecArray => m !== null && m[1] === room.kind)
      .map((m) => Number(m[2]))
      .sort((a, b) => a - b);
    let bytes = 0;
    for (const gen of generations) {
      const file = path.join(dir, `${room.kind}.${gen}.log`);
      const { records, validLength } = readRecords(readFileSync(file));
      updates.push(...records);
      bytes += validLength;
      // A record cut short by a crash mid-write is dropped, so later appends stay aligned.
      const fd = openSync(file, "r+");
      ftruncateSync(fd, validLength);
      closeSync(fd);
    }
    const generation = generations.at(-1) ?? 0;
    const fd = openSync(path.join(dir, `${room.kind}.${generation}.log`), "a");
    this.logs.set(this.key(room), { dir, kind: room.kind, generation, fd, bytes });
    return updates;
  }

  append(room: RoomName, update: Uint8Array): void {
    const log = this.logs.get(this.key(room));
    if (!log) throw new Error(`document ${this.key(room)} is not loaded`);
    const record = Buffer.allocUnsafe(4 + update.length);
    record.writeUInt32LE(update.length, 0);
    record.set(update, 4);
    writeAll(log.fd, record);
    log.bytes += record.length;
  }

  pendingBytes(room: RoomName): number {
    return this.logs.get(this.key(room))?.bytes ?? 0;
  }

  async compact(room: RoomName, state: Uint8Array): Promise<void> {
    const log = this.logs.get(this.key(room));
    if (!log) throw new Error(`document ${this.key(room)} is not loaded`);
    // Switch appends to a fresh log first (synchronously), so nothing written after `state` was taken is deleted.
    const covered = log.generation;
    closeSync(log.fd);
    log.generation += 1;
    log.fd = openSync(path.join(log.dir, `${log.kind}.${log.generation}.log`), "a");
    log.bytes = 0;
    await writeAtomically(path.join(log.dir, `${log.kind}.state`), state);
    for (const file of readdirSync(log.dir)) {
      const m = LOG_FILE.exec(file);
      if (m && m[1] === log.kind && Number(m[2]) <= covered) await unlink(path.join(log.dir, file));
    }
  }

  close(room: RoomName): void {
    const key = this.key(room);
    const log = this.logs.get(key);
    if (!log) return;
    closeSync(log.fd);
    this.logs.delete(key);
  }
}

function readIfExists(file: string): Uint8Array | null {
  try {
    return readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}

function readRecords(buf: Buffer): { records: Uint8Array[]; validLength: number } {
  const records: Uint8Array[] = [];
  let pos = 0;
  while (pos + 4 <= buf.length) {
    const len = buf.readUInt32LE(pos);
    if (pos + 4 + len > buf.length) break;
    records.push(buf.subarray(pos + 4, pos + 4 + len));
    pos += 4 + len;
  }
  return { records, validLength: pos };
}

function writeAll(fd: number, data: Uint8Array): void {
  let off = 0;
  while (off < data.length) off += writeSync(fd, data, off, data.length - off);
}

async function writeAtomically(file: string, data: Uint8Array): Promise<void> {
  const tmp = `${file}.tmp`;
  const handle = await open(tmp, "w");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, file);
  // The directory entry must reach the disk too, or the rename can be lost on power failure.
  const dirFd = openSync(path.dirname(file), "r");
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}
