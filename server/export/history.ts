/**
 * The risk history: each scenario's standing (latest pre- and post-mitigation aggregate) in every
 * snapshot, in the order they were taken, read from the standings each snapshot froze. A snapshot
 * whose blob fails its SHA-256 check is listed as unverified and contributes nothing.
 */
import type { ScenarioAggregate } from "../../shared/estimation/aggregate";
import type { ScenarioStanding, SnapshotBlob, SnapshotEntry } from "../../shared/snapshot";
import type {
  ExportContent,
  HistoryPoint,
  SnapshotIndexEntry,
  StandingPoint,
  WorkshopExport,
} from "../../shared/workshopExport";
import { DomainError } from "../domainErrors";
import type { SnapshotRecord } from "../store/records";
import type { ExportSources } from "./gather";

export async function historyOf(
  src: Pick<ExportSources, "snapshots">,
  workshopId: string,
  entries: readonly SnapshotRecord[],
  content: ExportContent,
  current?: SnapshotBlob,
): Promise<{ index: SnapshotIndexEntry[]; history: WorkshopExport["history"] }> {
  const points = new Map<string, HistoryPoint[]>();
  const index: SnapshotIndexEntry[] = [];
  for (const { workshopId: _w, ...entry } of entries) {
    const blob = entry.id === current?.id ? current : await readVerified(src, workshopId, entry.id);
    if (!blob) {
      index.push({ ...entry, verified: false });
      continue;
    }
    for (const [scenarioId, standing] of Object.entries(blob.standings)) {
      const point = historyPoint(entry, standing);
      if (point) points.set(scenarioId, [...(points.get(scenarioId) ?? []), point]);
    }
    index.push({ ...entry, verified: true });
  }
  // Scenarios in content order first, then any that existed only in earlier snapshots.
  const known = content.scenarios.map((s) => s.id);
  const gone = [...points.keys()].filter((id) => !known.includes(id)).sort();
  const history = [...known, ...gone].map((scenarioId) => ({
    scenarioId,
    points: points.get(scenarioId) ?? [],
  }));
  return { index, history };
}

async function readVerified(src: Pick<ExportSources, "snapshots">, workshopId: string, id: string) {
  try {
    return await src.snapshots.read(workshopId, id);
  } catch (err) {
    // An altered or missing blob is reported in the index, not allowed to sink the whole export.
    if (err instanceof DomainError) return null;
    throw err;
  }
}

function historyPoint(entry: SnapshotEntry, standing: ScenarioStanding): HistoryPoint | null {
  if (!standing.pre && !standing.residual) return null;
  return {
    snapshotId: entry.id,
    label: entry.label,
    takenAt: entry.takenAt,
    pre: standing.pre ? standingPoint(standing.pre) : null,
    residual: standing.residual ? standingPoint(standing.residual) : null,
  };
}

function standingPoint(a: ScenarioAggregate & { roundNumber: number }): StandingPoint {
  return {
    roundNumber: a.roundNumber,
    n: a.probability.n,
    low: a.probability.low,
    best: a.probability.best,
    high: a.probability.high,
    levelId: a.severity.levelId,
    tier: a.tier,
  };
}
