/**
 * The offline export's view of a data directory, read-only: the metadata file and snapshot blobs
 * through the server's own store and services (which are never asked to commit), and the document
 * logs through a reader that only reads. It works while a server runs on the same directory: a log
 * merged away between listing and reading is simply read again.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import * as Y from "yjs";
import { ContentReader } from "../services/contentReader";
import { ControlProjection } from "../services/controlProjection";
import { FrameworkService } from "../services/framework";
import { RoundService } from "../services/rounds";
import { SnapshotService } from "../services/snapshots";
import { readLog } from "../store/logRecords";
import { MetaStore } from "../store/metaStore";
import { SnapshotStore } from "../store/snapshotStore";
import type { RoomRegistry } from "../sync/registry";
import type { DocStates, ExportSources } from "./gather";

export async function openOfflineSources(dataDir: string): Promise<ExportSources> {
  if (!existsSync(path.join(dataDir, "meta.json")))
    throw new Error(`${dataDir} holds no Riskroom data (meta.json is missing)`);
  const store = await MetaStore.open(dataDir);
  // Nothing offline loads a room: the services below only read records and blobs.
  const noRooms = (): RoomRegistry => {
    throw new Error("the offline export reads documents from their files, never through rooms");
  };
  const control = new ControlProjection(store, noRooms);
  const frameworks = new FrameworkService(store, control);
  const rounds = new RoundService(store, control, frameworks, new ContentReader(noRooms));
  const blobs = new SnapshotStore(dataDir);
  const snapshots = new SnapshotService({ store, blobs, control, registry: noRooms, frameworks, rounds });
  return { store, frameworks, rounds, snapshots, readDocs: (id) => readDocFiles(dataDir, id) };
}

/** The layout of server/store/docLog.ts: `<kind>.state`, then `<kind>.<n>.log` (format in store/logRecords.ts). */
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
  for (const gen of generations) {
    const file = path.join(dir, `${kind}.${gen}.log`);
    // Complete records only: a record cut short by a writer still at work is left out, not repaired.
    updates.push(...readLog(await readFile(file), file).records);
  }
  return Y.mergeUpdates(updates.filter((u) => u.length > 0));
}
