/**
 * What the model page shows beside the model itself: each risk's latest determination across the
 * attached workshops, and every scenario's risk history over all their verified snapshots. Read
 * live per workshop (bounded by MAX_MODEL_WORKSHOPS); the history reads each workshop's snapshots
 * as the room's own history does.
 */
import { listScenarios, risksOf } from "../../shared/content";
import type { ModelHistorySeries, ModelOverview, ModelRiskView } from "../../shared/models";
import type { ModelRecord } from "../store/modelRecords";
import type { MetaRepository } from "../store/repository";
import type { RoomRegistry } from "../sync/registry";
import type { ConditionService } from "./conditions";
import type { SnapshotHistory } from "./snapshotRoom";

export interface OverviewDeps {
  meta: MetaRepository;
  registry: RoomRegistry;
  conditions: Pick<ConditionService, "states">;
  history: (workshopId: string) => Promise<SnapshotHistory>;
}

export async function modelOverview(deps: OverviewDeps, model: ModelRecord): Promise<ModelOverview> {
  const latest = new Map<string, ModelRiskView>();
  const history: ModelHistorySeries[] = [];
  for (const w of model.workshops) {
    const workshop = await deps.meta.workshop(w.workshopId);
    if (!workshop) continue;
    const { risks, scenarios } = await deps.registry.withRoom(
      { workshopId: w.workshopId, kind: "content" },
      (room) => ({
        risks: risksOf(room.doc).list(),
        scenarios: listScenarios(room.doc),
      }),
    );
    const ladders = (await deps.meta.framework(w.workshopId)).framework.ladders;
    const broken = new Set(
      (await deps.conditions.states(w.workshopId)).filter((r) => r.noLongerHolds).map((r) => r.riskId),
    );
    for (const d of await deps.meta.determinationsOf(w.workshopId)) {
      const previous = latest.get(d.riskId);
      if (previous && previous.at >= d.at) continue;
      latest.set(d.riskId, {
        riskId: d.riskId,
        riskTitle: risks.find((r) => r.id === d.riskId)?.title ?? d.riskId,
        workshopId: w.workshopId,
        workshopTitle: workshop.title,
        tier:
          d.tierId === null ? null : (ladders[d.riskId]?.find((t) => t.id === d.tierId)?.name ?? d.tierId),
        verdict: d.verdict,
        at: d.at,
        noLongerHolds: broken.has(d.riskId),
      });
    }
    const { history: perScenario } = await deps.history(w.workshopId);
    for (const h of perScenario) {
      const points = h.points.flatMap((p) =>
        p.pre
          ? [
              {
                snapshotId: p.snapshotId,
                label: p.label,
                takenAt: p.takenAt,
                best: p.pre.best,
                low: p.pre.low,
                high: p.pre.high,
              },
            ]
          : [],
      );
      if (points.length === 0) continue;
      history.push({
        workshopId: w.workshopId,
        workshopTitle: workshop.title,
        scenarioId: h.scenarioId,
        scenarioTitle: scenarios.find((s) => s.id === h.scenarioId)?.title ?? h.scenarioId,
        points,
      });
    }
  }
  return { risks: [...latest.values()].sort((a, b) => a.riskTitle.localeCompare(b.riskTitle)), history };
}
