/**
 * The offline export's view of a data directory, read-only: the metadata files and snapshot blobs
 * through the server's own store opened read-only, and the document
 * logs through a reader that only reads. It works while a server runs on the same directory: a log
 * merged away between listing and reading is simply read again.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import * as Y from "yjs";
import { readSnapshot } from "../services/snapshots";
import { EmbeddedMetaRepository } from "../store/embedded/embeddedRepository";
import { SnapshotStore } from "../store/snapshotStore";
import type { DocStates, ExportSources } from "./gather";

export async function openOfflineSources(dataDir: string): Promise<ExportSources> {
  if (!existsSync(path.join(dataDir, "workshops"))) {
    if (existsSync(path.join(dataDir, "meta.json")))
      throw new Error(
        `${dataDir} is in the first version's layout: start the server on it once to migrate it`,
      );
    throw new Error(`${dataDir} holds no Riskroom data (workshops/ is missing)`);
  }
  const meta = await EmbeddedMetaRepository.open(dataDir, { readOnly: true });
  const blobs = new SnapshotStore(dataDir);
  return {
    meta,
    snapshots: { read: (workshopId, id) => readSnapshot({ meta, blobs }, workshopId, id) },
    readDocs: (id) => readDocFiles(dataDir, id),
  };
}

/** The layout of server/store/docLog.ts: `<kind>.state`, then `<kind>.<n>.log` of [u32 LE length][update] records. */
const LOG_FILE = /^(content|control)\.(\d+)\.log$/;

export async function readDocFiles(dataDir: string, workshopId: string): Promise<DocStates> {
  const dir = path.join(dataDir, "docs", workshopId);
  for (let attempt = 0; ; attempt++) {
    try {
      return { content: await readKind(dir, "content"), control: await readKind(dir, "control") };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT" || attempt >= 3) throw err;
    }
  }
}

async function readKind(dir: string, kind: "content" | "control"): Promise<Uint8Array> {
  let files: string[];
  try {
    files = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return Y.mergeUpdates([]);
    throw err;
  }
  const updates: Uint8Array[] = [];
  if (files.includes(`${kind}.state`)) updates.push(await readFile(path.join(dir, `${kind}.state`)));
  const generations = files
    .map((f) => LOG_FILE.exec(f))
    .filter((m): m is RegExpExecArray => m !== null && m[1] === kind)
    .map((m) => Number(m[2]))
    .sort((a, b) => a - b);
  for (const gen of generations)
    updates.push(...records(await readFile(path.join(dir, `${kind}.${gen}.log`))));
  return Y.mergeUpdates(updates.filter((u) => u.length > 0));
}

/** Complete records only: a record cut short by a writer still at work is left out, not repaired. */
function records(buf: Buffer): Uint8Array[] {
  const out: Uint8Array[] = [];
  let pos = 0;
  while (pos + 4 <= buf.length) {
    const len = buf.readUInt32LE(pos);
    if (pos + 4 + len > buf.length) break;
    out.push(buf.subarray(pos + 4, pos + 4 + len));
    pos += 4 + len;
  }
  return out;
}
