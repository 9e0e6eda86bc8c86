/**
 * Per-risk determinations (tier reached, or a written criterion for a risk without a ladder; safety
 * margin, conditions, verdict), the overall verdict,
 * and experts' dissent on a determination, all on record in the control document.
 */
import type { z } from "zod";
import { isTopLadderTier } from "../../shared/estimation/framework";
import {
  controlWriters,
  type Determination,
  type determinationBody,
  type OverallVerdict,
} from "../../shared/estimationView";
import { withConditionIds } from "../../shared/watchedConditions";
import { invalidInput, notFound } from "../domainErrors";
import type { DeterminationRecord } from "../store/records";
import type { MetaRepository } from "../store/repository";
import type { ContentReader } from "./contentReader";
import type { ControlProjection } from "./controlProjection";
import { judgedBy, verdictWithConflicts } from "./judgement";
import { requireFacilitator, requireRole, stampOf } from "./roles";
import type { SessionContext } from "./sessions";

export class DeterminationService {
  constructor(
    private readonly meta: MetaRepository,
    private readonly control: ControlProjection,
    private readonly content: ContentReader,
  ) {}

  async record(
    ctx: SessionContext,
    riskId: string,
    body: z.infer<typeof determinationBody>,
  ): Promise<{ determination: Determination }> {
    requireFacilitator(ctx, "record a determination");
    const workshopId = ctx.workshop.id;
    if (!(await this.content.riskIds(workshopId)).includes(riskId)) throw notFound("risk");
    const known = new Set(await this.content.scenarioIds(workshopId));
    const stamp = stampOf(ctx);
    // The lock and the ladder are checked inside the store's write, against the framework stored then.
    const stored = await this.meta.putDetermination(
      workshopId,
      riskId,
      ({ framework }, previous) => {
        const unknown = body.evidenceScenarioIds.flatMap((id, i) =>
          known.has(id) ? [] : [[`evidenceScenarioIds.${i}`, ["no such scenario"]]],
        );
        if (unknown.length > 0) throw invalidInput("unknown scenarios", Object.fromEntries(unknown));
        const judged = judgedBy(framework.ladders[riskId] ?? [], body);
        return {
          workshopId,
          riskId,
          ...body,
          // A revision that does not restate them (the room's form) keeps the conditions watched, marks and all.
          watched:
            body.watched === undefined
              ? (previous?.watched ?? [])
              : withConditionIds(body.watched, previous?.watched),
          ...judged,
          needsHigherTier: judged.tierId !== null && isTopLadderTier(framework, riskId, judged.tierId),
          by: ctx.participant.displayName,
          at: stamp.at,
          dissent: [],
        };
      },
      stamp,
    );
    return { determination: await this.project(stored) };
  }

  async dissent(
    ctx: SessionContext,
    riskId: string,
    text: string,
  ): Promise<{ determination: Determination }> {
    requireRole(ctx, ["expert", "facilitator"], "record dissent");
    const stamp = stampOf(ctx);
    const stored = await this.meta.addDissent(
      ctx.workshop.id,
      riskId,
      { participantId: ctx.participant.id, name: ctx.participant.displayName, at: stamp.at, text },
      stamp,
    );
    return { determination: await this.project(stored) };
  }

  async verdict(
    ctx: SessionContext,
    body: Pick<OverallVerdict, "verdict" | "justification" | "conflictJustification">,
  ): Promise<{ verdict: OverallVerdict }> {
    requireFacilitator(ctx, "record the overall verdict");
    const stamp = stampOf(ctx);
    const by = { by: ctx.participant.displayName, at: stamp.at };
    // Checked against the determinations stored when the verdict is written, in the same write.
    const stored = await this.meta.putVerdict(
      ctx.workshop.id,
      (_framework, determinations) => verdictWithConflicts(body, determinations, by),
      stamp,
    );
    const verdict = stored.verdict!;
    await this.control.write(ctx.workshop.id, (doc) => controlWriters.verdict(doc, verdict));
    return { verdict };
  }

  private async project(record: DeterminationRecord): Promise<Determination> {
    const { workshopId, ...determination } = record;
    await this.control.write(workshopId, (doc) => controlWriters.determination(doc, determination));
    return determination;
  }
}
