/**
 * The small index beside the per-workshop files: which workshop holds a session or invite token
 * hash, and the workshop list. It is an append-only file of JSON lines (`index.jsonl`), one line
 * per new entry, written and fsynced in batches: a join costs one short append, never a rewrite
 * that grows with the number of workshops. Entries are never changed (revocation lives in the
 * workshop's file), so the file needs compaction only after a torn or failed append; it is
 * compacted at start when replay found one. The index is derived data: a line appended before a
 * workshop write that then failed points at nothing and is harmless, and an unreadable index is
 * rebuilt from the workshop files.
 */
import { type FileHandle, open, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { syncDir, writeDurable } from "../durableWrite";
import { readJsonStrict } from "./durableFile";
import { checkWorkshopMeta, type WorkshopMeta, workshopMetaFile } from "./workshopMeta";

export type IndexEntry =
  | { w: string; c: string } // a workshop and its creation time
  | { s: string; w: string } // a session token hash and its workshop
  | { i: string; w: string }; // an invite token hash and its workshop

interface Waiting {
  lines: string;
  entries: IndexEntry[];
  resolve(): void;
  reject(err: unknown): void;
}

export class TokenIndex {
  /** Workshop id → creation time. */
  readonly workshops = new Map<string, string>();
  readonly sessions = new Map<string, string>();
  readonly invites = new Map<string, string>();
  private handle: FileHandle | null = null;
  private waiting: Waiting[] = [];
  private flushing: Promise<void> | null = null;
  /** After a failed append a partial line may be on disk; the next append starts a fresh line. */
  private startWithNewline = false;

  private constructor(private readonly file: string) {}

  /** Read-only (the offline export) replays and rebuilds in memory only, and cannot append. */
  static async open(dataDir: string, readOnly = false): Promise<TokenIndex> {
    const index = new TokenIndex(path.join(dataDir, "index.jsonl"));
    const text = await readFile(index.file, "utf8").catch((err: NodeJS.ErrnoException) => {
      if (err.code === "ENOENT") return null;
      throw err;
    });
    const clean = text !== null && index.replay(text);
    if (!clean) {
      if (text !== null)
        console.warn(`${index.file}: unreadable lines; rebuilding it from the workshop files`);
      await index.rebuild(dataDir, readOnly);
    } else if (text !== "" && !text.endsWith("\n") && !readOnly) {
      // A crash cut the last append short: compact, so the next append does not extend a torn line.
      await writeIndex(index.file, index.entries());
    }
    if (!readOnly) index.handle = await open(index.file, "a");
    return index;
  }

  /** Makes the entries durable, then visible. Concurrent appends share one write and fsync. */
  append(entries: IndexEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    const lines = entries.map((e) => `${JSON.stringify(e)}\n`).join("");
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ lines, entries, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  async close(): Promise<void> {
    await this.flushing;
    await this.handle?.close();
    this.handle = null;
  }

  private async flush(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0);
      const text = (this.startWithNewline ? "\n" : "") + batch.map((w) => w.lines).join("");
      try {
        if (!this.handle) throw new Error("the token index is closed");
        await this.handle.appendFile(text);
        await this.handle.sync();
        this.startWithNewline = false;
        for (const w of batch) this.apply(w.entries);
        for (const w of batch) w.resolve();
      } catch (err) {
        this.startWithNewline = true;
        for (const w of batch) w.reject(err);
      }
    }
    this.flushing = null;
  }

  /** False when a line other than a torn last one cannot be read. */
  private replay(text: string): boolean {
    const lines = text.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line === "") continue;
      const entry = parseEntry(line);
      if (entry) this.apply([entry]);
      else if (i < lines.length - 1) return false;
    }
    return true;
  }

  private entries(): IndexEntry[] {
    return [
      ...[...this.workshops].map(([w, c]) => ({ w, c })),
      ...[...this.sessions].map(([s, w]) => ({ s, w })),
      ...[...this.invites].map(([i, w]) => ({ i, w })),
    ];
  }

  private apply(entries: IndexEntry[]): void {
    for (const e of entries) {
      if ("c" in e) this.workshops.set(e.w, e.c);
      else if ("s" in e) this.sessions.set(e.s, e.w);
      else this.invites.set(e.i, e.w);
    }
  }

  /** Rebuilds the index from every workshop's file: once, at start, when it is missing or unreadable. */
  private async rebuild(dataDir: string, readOnly: boolean): Promise<void> {
    this.workshops.clear();
    this.sessions.clear();
    this.invites.clear();
    const entries: IndexEntry[] = [];
    const ids = await readdir(path.join(dataDir, "workshops")).catch(() => [] as string[]);
    for (const id of ids) {
      const file = workshopMetaFile(dataDir, id);
      const value = await readJsonStrict(file);
      if (value === null) continue;
      entries.push(...entriesOf(checkWorkshopMeta(value as object, file)));
    }
    if (!readOnly) await writeIndex(this.file, entries);
    this.apply(entries);
  }
}

/** Every index entry a workshop's file implies. */
export function entriesOf(meta: WorkshopMeta): IndexEntry[] {
  const w = meta.workshop.id;
  return [
    { w, c: meta.workshop.createdAt },
    ...meta.sessions.map((s) => ({ s: s.tokenHash, w })),
    ...meta.invites.map((i) => ({ i: i.tokenHash, w })),
  ];
}

/** Writes a whole index at once (rebuild, migration), atomically and durably. */
export async function writeIndex(file: string, entries: IndexEntry[]): Promise<void> {
  await writeDurable(file, entries.map((e) => `${JSON.stringify(e)}\n`).join(""));
  await syncDir(path.dirname(file));
}

function parseEntry(line: string): IndexEntry | null {
  try {
    const v = JSON.parse(line) as Record<string, unknown>;
    if (typeof v.w !== "string") return null;
    if (typeof v.c === "string") return { w: v.w, c: v.c };
    if (typeof v.s === "string") return { s: v.s, w: v.w };
    if (typeof v.i === "string") return { i: v.i, w: v.w };
    return null;
  } catch {
    return null;
  }
}
