/**
 * Snapshots: the whole workshop frozen at one moment (both documents, the framework with its lock
 * history, every revealed round, determinations, and each scenario's standing), stored once with its
 * SHA-256 and verified on every read. There is no way to change or delete one.
 */
import * as Y from "yjs";
import { writeSnapshotEntry } from "../../shared/controlDoc";
import { ErrorCode } from "../../shared/errors";
import { DEFAULT_MAX_DOC_BYTES } from "../../shared/limits";
import { SNAPSHOT_SCHEMA, type SnapshotBlob, type SnapshotEntry } from "../../shared/snapshot";
import { standingsOf } from "../../shared/standings";
import { DomainError, notFound } from "../domainErrors";
import { assertSnapshotExportable } from "../export/exportable";
import { SnapshotCorrupt } from "../store/blobIntegrity";
import type { MetaRepository, SnapshotBlobs } from "../store/repository";
import type { RoomRegistry } from "../sync/registry";
import type { ControlProjection } from "./controlProjection";
import { revealedOf, roundViewsOf } from "./controlState";
import { presentIncident, presentReport } from "./incidentPresenter";
import type { SessionContext } from "./sessions";
import { newId } from "./tokens";

export interface SnapshotDeps {
  meta: MetaRepository;
  blobs: SnapshotBlobs;
  control: ControlProjection;
  registry: RoomRegistry;
  /** MAX_DOC_BYTES: a snapshot's content over it is refused. */
  maxDocBytes?: number;
}

export class SnapshotService {
  constructor(private readonly deps: SnapshotDeps) {}

  async take(workshopId: string, label: string, takenBy: string, auto: boolean): Promise<SnapshotEntry> {
    const { meta, blobs, control, registry } = this.deps;
    const content = await registry.withRoom({ workshopId, kind: "content" }, (r) =>
      Y.encodeStateAsUpdate(r.doc),
    );
    const controlState = await registry.withRoom({ workshopId, kind: "control" }, (r) =>
      Y.encodeStateAsUpdate(r.doc),
    );
    // Refused (413/422), nothing written, if the snapshot could not be exported.
    assertSnapshotExportable(content, this.deps.maxDocBytes ?? DEFAULT_MAX_DOC_BYTES);
    // Rounds, values and records come from metadata, the store of record, not from the document.
    const roundViews = await roundViewsOf(meta, workshopId);
    const record = await meta.framework(workshopId);
    const revealed = await revealedOf(meta, workshopId);
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
      determinations: (await meta.determinationsOf(workshopId)).map(({ workshopId: _w, ...d }) => d),
      verdict: record.verdict ?? null,
      standings: standingsOf(roundViews, revealed),
      incidents: (await meta.incidentsOf(workshopId)).map(presentIncident),
      incidentReports: (await meta.incidentReportsOf(workshopId)).map(presentReport),
    };
    const { sha256, bytes } = await blobs.write(workshopId, id, blob);
    const entry: SnapshotEntry = { id, label, takenAt: blob.takenAt, takenBy, auto, sha256, bytes };
    await meta.addSnapshot({ ...entry, workshopId }, { actor: takenBy, at: blob.takenAt });
    await control.write(workshopId, (doc) => writeSnapshotEntry(doc, entry));
    return entry;
  }

  async list(ctx: SessionContext): Promise<{ snapshots: SnapshotEntry[] }> {
    const all = await this.deps.meta.snapshotsOf(ctx.workshop.id);
    return { snapshots: all.map(({ workshopId: _w, ...entry }) => entry) };
  }

  read(workshopId: string, id: string): Promise<SnapshotBlob> {
    return readSnapshot(this.deps, workshopId, id);
  }
}

/** The verified blob; a blob altered on disk is refused, never served. */
export async function readSnapshot(
  { meta, blobs }: Pick<SnapshotDeps, "meta" | "blobs">,
  workshopId: string,
  id: string,
): Promise<SnapshotBlob> {
  const entry = (await meta.snapshotsOf(workshopId)).find((x) => x.id === id);
  if (!entry) throw notFound("snapshot");
  try {
    return (await blobs.read(workshopId, id, entry.sha256)) as SnapshotBlob;
  } catch (err) {
    if (err instanceof SnapshotCorrupt) throw new DomainError(ErrorCode.snapshotCorrupt, err.message);
    if ((err as NodeJS.ErrnoException).code === "ENOENT")
      throw new DomainError(ErrorCode.snapshotMissing, `the file of snapshot ${id} is missing`);
    throw err;
  }
}
