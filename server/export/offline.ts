/**
 * The offline export's view of a data directory, read-only: the metadata files and snapshot blobs
 * through the server's own store opened read-only, and the documents through the document log's
 * own reader. It works while a server runs on the same directory: a log
 * merged away between listing and reading is simply read again.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import * as Y from "yjs";
import type { DocKind } from "../../shared/rooms";
import { readSnapshot } from "../services/snapshots";
import { readDocument } from "../store/docLog";
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

export async function readDocFiles(dataDir: string, workshopId: string): Promise<DocStates> {
  const read = (kind: DocKind) => readMerged(dataDir, workshopId, kind);
  return { content: await read("content"), control: await read("control") };
}

async function readMerged(dataDir: string, workshopId: string, kind: DocKind): Promise<Uint8Array> {
  for (let attempt = 0; ; attempt++) {
    try {
      return Y.mergeUpdates(await readDocument(dataDir, { workshopId, kind }));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT" || attempt >= 3) throw err;
    }
  }
}
