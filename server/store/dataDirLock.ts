/**
 * One server per DATA_DIR: a lock file (`riskroom.lock`, the holder's pid, host and start time)
 * created exclusively at start and removed at shutdown. A second server refuses to start, naming
 * the holder; a lock left by a process that is gone (a crash, `kill -9`) is taken over, saying so.
 * A lock from another host cannot be checked from here and is never taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

export const LOCK_FILE = "riskroom.lock";

interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
}

export class DataDirLocked extends Error {}

export interface DataDirLock {
  /** Removes the lock file if it is still ours. */
  release(): void;
}

export function lockDataDir(dataDir: string, log: (line: string) => void = console.warn): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  // A few rounds at most: each either creates the lock, refuses, or clears one stale lock.
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(file, me)) return { release: () => release(file, me) };
    const holder = readHolder(file);
    if (!holder) continue; // released between our two calls, or unreadable and set aside below
    if (holder.host !== me.host || alive(holder.pid))
      throw new DataDirLocked(
        `DATA_DIR ${dataDir} is in use by process ${holder.pid} on ${holder.host} (since ${holder.startedAt}); ` +
          `stop that server first, or remove ${file} if it is no longer running`,
      );
    if (takeOverStale(file, holder))
      log(`Took over a stale lock on ${dataDir}: process ${holder.pid} on ${holder.host} is gone`);
  }
  throw new DataDirLocked(`could not take the lock ${file}: another server is starting on the same DATA_DIR`);
}

function tryCreate(file: string, me: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, "wx");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
  try {
    writeFileSync(fd, `${JSON.stringify(me)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readHolder(file: string): LockHolder | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  try {
    const v = JSON.parse(text) as Partial<LockHolder>;
    if (typeof v.pid === "number" && typeof v.host === "string")
      return { pid: v.pid, host: v.host, startedAt: String(v.startedAt ?? "an unknown time") };
  } catch {
    // An unreadable lock (a crash while writing it) holds nothing: treated as a dead local holder.
  }
  return { pid: 0, host: hostname(), startedAt: "an unknown time" };
}

/** Signal 0 tests for a process without touching it; EPERM means it exists under another user. */
function alive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Moves the stale lock aside (one rename: of two servers taking it over, one wins) and checks that
 * what it moved is the lock it judged stale; a fresh lock moved by mistake is put back.
 */
function takeOverStale(file: string, stale: LockHolder): boolean {
  const aside = `${file}.stale-${process.pid}`;
  try {
    renameSync(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw err;
  }
  const moved = readHolder(aside);
  if (moved && moved.pid !== stale.pid) {
    renameSync(aside, file);
    return false;
  }
  rmSync(aside, { force: true });
  return true;
}

function release(file: string, me: LockHolder): void {
  const holder = readHolder(file);
  if (holder?.pid === me.pid && holder.host === me.host) rmSync(file, { force: true });
}
