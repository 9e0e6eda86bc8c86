/**
 * Exports of a workshop, current or of one snapshot, in every format. The gathering and rendering
 * live in server/export/; this service only wires them to where the state comes from, so that the
 * server and the offline command produce the same bytes from the same state.
 */
import * as Y from "yjs";
import type { ExportFormat, WorkshopExport } from "../../shared/workshopExport";
import { type ExportFile, exportFile } from "../export/files";
import { type DocStates, type ExportSources, gatherLive, gatherSnapshot } from "../export/gather";
import type { RoomRegistry } from "../sync/registry";
import type { AuditService } from "./audit";

export class ExportService {
  constructor(private readonly sources: ExportSources) {}

  gather(workshopId: string, snapshotId?: string, now = new Date()): Promise<WorkshopExport> {
    return snapshotId === undefined
      ? gatherLive(this.sources, workshopId, now)
      : gatherSnapshot(this.sources, workshopId, snapshotId, now);
  }

  /**
   * With `audit` (a caller who may read it), the JSON export carries the audit trail: the whole
   * chain, or for a snapshot the chain up to the entry that took it.
   */
  async file(
    workshopId: string,
    format: ExportFormat,
    snapshotId?: string,
    audit?: Pick<AuditService, "entries">,
  ): Promise<ExportFile> {
    const exp = await this.gather(workshopId, snapshotId);
    if (!audit || format !== "json") return exportFile(exp, format);
    const until =
      snapshotId === undefined
        ? undefined
        : (e: { action: string; target?: string }) => e.action === "snapshot.take" && e.target === snapshotId;
    return exportFile({ ...exp, audit: await audit.entries(workshopId, until) }, format);
  }
}

/** The live documents, read through the registry so an open room is read as its peers see it. */
export function registryDocs(registry: RoomRegistry): ExportSources["readDocs"] {
  const read = (workshopId: string, kind: "content" | "control") =>
    registry.withRoom({ workshopId, kind }, (room) => Y.encodeStateAsUpdate(room.doc));
  return async (workshopId): Promise<DocStates> => ({
    content: await read(workshopId, "content"),
    control: await read(workshopId, "control"),
  });
}
