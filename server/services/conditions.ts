/**
 * Watched conditions on a workshop's determinations, evaluated on read from the live state (the
 * evidence in the content document, the incidents on record, the clock), and a facilitator's mark
 * that one is met. Nothing runs on a timer: a date passes when a reader looks.
 */
import { listScenarios, risksOf } from "../../shared/content";
import { controlWriters } from "../../shared/estimationView";
import {
  type ConditionFacts,
  type ConditionState,
  conditionStates,
  type WatchedCondition,
} from "../../shared/watchedConditions";
import { notFound } from "../domainErrors";
import type { MetaRepository } from "../store/repository";
import type { RoomRegistry } from "../sync/registry";
import type { ControlProjection } from "./controlProjection";
import { requireFacilitator, stampOf } from "./roles";
import type { SessionContext } from "./sessions";

export interface RiskConditions {
  riskId: string;
  riskTitle: string;
  conditions: ConditionState[];
  /** Some watched condition is met: the acceptance no longer holds as recorded. */
  noLongerHolds: boolean;
}

export class ConditionService {
  constructor(
    private readonly meta: MetaRepository,
    private readonly registry: RoomRegistry,
    private readonly control: ControlProjection,
  ) {}

  /** Every determination that watches conditions, with each condition's state now. */
  async states(workshopId: string, now = new Date()): Promise<RiskConditions[]> {
    const determinations = (await this.meta.determinationsOf(workshopId)).filter(
      (d) => (d.watched ?? []).length > 0,
    );
    if (determinations.length === 0) return [];
    const { scenarios, risks } = await this.registry.withRoom({ workshopId, kind: "content" }, (room) => ({
      scenarios: listScenarios(room.doc),
      risks: risksOf(room.doc).list(),
    }));
    const incidents = await this.meta.incidentsOf(workshopId);
    return determinations.map((d) => {
      const facts: ConditionFacts = { riskId: d.riskId, determinedAt: d.at, scenarios, incidents };
      const conditions = conditionStates(d.watched ?? [], facts, now);
      return {
        riskId: d.riskId,
        riskTitle: risks.find((r) => r.id === d.riskId)?.title ?? d.riskId,
        conditions,
        noLongerHolds: conditions.some((c) => c.met),
      };
    });
  }

  /** A facilitator marks a watched condition met, with what happened. */
  async mark(ctx: SessionContext, riskId: string, conditionId: string, note: string) {
    requireFacilitator(ctx, "mark a condition met");
    const stamp = stampOf(ctx);
    const mark = { at: stamp.at, by: ctx.participant.displayName, note };
    const stored = await this.meta.putDetermination(
      ctx.workshop.id,
      riskId,
      (_framework, previous) => {
        if (!previous) throw notFound("determination");
        const watched = previous.watched ?? [];
        if (!watched.some((c) => c.id === conditionId)) throw notFound("condition");
        const marked = watched.map(
          (c): WatchedCondition => (c.id === conditionId ? { ...c, markedMet: mark } : c),
        );
        return { ...previous, watched: marked };
      },
      stamp,
    );
    const { workshopId, ...determination } = stored;
    await this.control.write(workshopId, (doc) => controlWriters.determination(doc, determination));
    return { determination };
  }
}
