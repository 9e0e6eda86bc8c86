/**
 * The offline export's view of a data directory, read-only: the metadata file and snapshot blobs
 * through the server's own store and services (which are never asked to commit), and the documents
 * through the document log's own reader. It works while a server runs on the same directory: a log
 * merged away between listing and reading is simply read again.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import * as Y from "yjs";
import type { DocKind } from "../../shared/rooms";
import { ContentReader } from "../services/contentReader";
import { ControlProjection } from "../services/controlProjection";
import { FrameworkService } from "../services/framework";
import { RoundService } from "../services/rounds";
import { SnapshotService } from "../services/snapshots";
import { readDocument } from "../store/docLog";
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
