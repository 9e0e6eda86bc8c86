/**
 * What the room does with snapshots beyond taking and reading them: the risk history across every
 * snapshot, and a new workshop started from one. Both reuse the export code, so the room, the
 * downloads and an import of a downloaded snapshot agree.
 */
import { readContent } from "../../shared/content";
import type { NewWorkshopFromSnapshotBody } from "../../shared/snapshotNewWorkshop";
import type {
  ExportContent,
  HistoryPoint,
  ImportWorkshopResponse,
  SnapshotIndexEntry,
} from "../../shared/workshopExport";
import { gatherSnapshot } from "../export/gather";
import { historyOf } from "../export/history";
import { narrativeToMarkdown } from "../export/narrativeMarkdown";
import type { Services } from ".";

export interface SnapshotHistory {
  snapshots: SnapshotIndexEntry[];
  history: Array<{ scenarioId: string; points: HistoryPoint[] }>;
}

type Deps = Pick<Services, "meta" | "control" | "snapshots" | "importer">;

export class SnapshotRoomService {
  constructor(private readonly deps: Deps) {}

  /** Every snapshot (verified or not) and each scenario's standing in each verified one, in order. */
  async history(workshopId: string): Promise<SnapshotHistory> {
    const { meta, control, snapshots } = this.deps;
    const content = await control.registry.withRoom({ workshopId, kind: "content" }, (room) =>
      liveContent(readContent(room.doc)),
    );
    const entries = await meta.snapshotsOf(workshopId);
    const { index, history } = await historyOf({ snapshots }, workshopId, entries, content);
    return { snapshots: index, history };
  }

  /** The snapshot's export, imported: its content and framework, none of its people or rounds. */
  async newWorkshop(
    workshopId: string,
    snapshotId: string,
    body: NewWorkshopFromSnapshotBody,
  ): Promise<ImportWorkshopResponse> {
    const { meta, snapshots, importer } = this.deps;
    // The live documents are never read for a snapshot's export; the gatherer only needs the type.
    const exp = await gatherSnapshot(
      { meta, snapshots, readDocs: () => Promise.reject(new Error("not used")) },
      workshopId,
      snapshotId,
    );
    return importer.import({ export: exp, ...body });
  }
}

/** The content as the export shapes it; historyOf reads only the scenarios' order from it. */
function liveContent(content: ReturnType<typeof readContent>): ExportContent {
  return {
    ...content,
    scenarios: content.scenarios.map((s) => ({ ...s, narrativeMarkdown: narrativeToMarkdown(s.narrative) })),
  };
}
