/**
 * Snapshots: the whole workshop frozen at one moment (both documents, the framework with its lock
 * history, every revealed round, determinations, and each scenario's standing), stored once with its
 * SHA-256 and verified on every read. There is no way to change or delete one.
 */
import * as Y from "yjs";
import { writeSnapshotEntry } from "../../shared/controlDoc";
import { readRounds } from "../../shared/estimationView";
import { DEFAULT_MAX_DOC_BYTES } from "../../shared/limits";
import { SNAPSHOT_SCHEMA, type SnapshotBlob, type SnapshotEntry } from "../../shared/snapshot";
import { standingsOf } from "../../shared/standings";
import { assertSnapshotExportable } from "../export/exportable";
import { ApiError, notFound } from "../http/errors";
import type { MetaStore } from "../store/metaStore";
import { SnapshotCorrupt, type SnapshotStore } from "../store/snapshotStore";
import type { RoomRegistry } from "../sync/registry";
import type { ControlProjection } from "./controlProjection";
import type { FrameworkService } from "./framework";
import type { RoundService } from "./rounds";
import type { SessionContext } from "./sessions";
import { newId } from "./tokens";

export interface SnapshotDeps {
  store: MetaStore;
  blobs: SnapshotStore;
  control: ControlProjection;
  registry: () => RoomRegistry;
  frameworks: FrameworkService;
  rounds: RoundService;
  /** MAX_DOC_BYTES: a snapshot's content over it is refused. */
  maxDocBytes?: number;
}

export class SnapshotService {
  constructor(private readonly deps: SnapshotDeps) {}

  async take(workshopId: string, label: string, takenBy: string, auto: boolean): Promise<SnapshotEntry> {
    const { store, blobs, control, registry, frameworks, rounds } = this.deps;
    const content = await registry().withRoom({ workshopId, kind: "content" }, (r) =>
      Y.encodeStateAsUpdate(r.doc),
    );
    const controlState = await registry().withRoom({ workshopId, kind: "control" }, (r) =>
      Y.encodeStateAsUpdate(r.doc),
    );
    // Refused (413/422), nothing written, if the snapshot could not be exported.
    assertSnapshotExportable(content, this.deps.maxDocBytes ?? DEFAULT_MAX_DOC_BYTES);
    const controlDoc = new Y.Doc();
    Y.applyUpdate(controlDoc, controlState);
    const roundViews = readRounds(controlDoc);
    controlDoc.destroy();
    const record = frameworks.record(workshopId);
    const revealed = rounds.revealedOf(workshopId);
    const id = newId();
    const blob: SnapshotBlob = {
      schema: SNAPSHOT_SCHEMA,
      id,
      workshopId,
      label,
      takenAt: new Date().toISOString(),
      takenBy,
      auto,
      content: Buffer.from(content).toString("base64"),
      control: Buffer.from(controlState).toString("base64"),
      framework: record.framework,
      lock: record.lock,
      unlocks: record.unlocks,
      rounds: roundViews,
      revealed,
      determinations: store.determinationsOf(workshopId).map(({ workshopId: _w, ...d }) => d),
      verdict: record.verdict ?? null,
      standings: standingsOf(roundViews, revealed),
    };
    const { sha256, bytes } = blobs.write(workshopId, id, blob);
    const entry: SnapshotEntry = { id, label, takenAt: blob.takenAt, takenBy, auto, sha256, bytes };
    store.addSnapshot({ ...entry, workshopId });
    store.audit({ at: blob.takenAt, workshopId, actor: takenBy, action: "snapshot.take", target: id });
    await store.commit();
    await control.write(workshopId, (doc) => writeSnapshotEntry(doc, entry));
    return entry;
  }

  list(ctx: SessionContext): { snapshots: SnapshotEntry[] } {
    return {
      snapshots: this.deps.store.snapshotsOf(ctx.workshop.id).map(({ workshopId: _w, ...entry }) => entry),
    };
  }

  /** The verified blob; a blob altered on disk is refused, never served. */
  read(workshopId: string, id: string): SnapshotBlob {
    const entry = this.deps.store.snapshotsOf(workshopId).find((x) => x.id === id);
    if (!entry) throw notFound("snapshot");
    try {
      return this.deps.blobs.read(workshopId, id, entry.sha256) as SnapshotBlob;
    } catch (err) {
      if (err instanceof SnapshotCorrupt) throw new ApiError(500, "snapshot_corrupt", err.message);
      if ((err as NodeJS.ErrnoException).code === "ENOENT")
        throw new ApiError(500, "snapshot_missing", `the file of snapshot ${id} is missing`);
      throw err;
    }
  }
}
