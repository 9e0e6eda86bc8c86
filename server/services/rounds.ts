/**
 * Blind Delphi rounds. Estimates arrive over REST and stay server-side: while a round is open the
 * control document lists who has submitted and nothing else, facilitators included. Revealing
 * publishes every value (named or anonymous) with the aggregates computed at that moment.
 */

import type { z } from "zod";
import { estimateFrameworkProblems } from "../../shared/estimation/estimate";
import {
  controlWriters,
  type openRoundBody,
  type RevealedRound,
  type RoundView,
  type SubmitEstimateBody,
} from "../../shared/estimationView";
import { invalidInput, notFound } from "../domainErrors";
import type { EstimateRecord, RoundRecord } from "../store/records";
import type { MetaRepository, RoundWithEstimates } from "../store/repository";
import type { HookList } from "../sync/hooks";
import type { ContentReader } from "./contentReader";
import type { ControlProjection } from "./controlProjection";
import { revealedOf } from "./controlState";
import { requireFacilitator, requireRole, stampOf } from "./roles";
import { computeRevealed, roundView } from "./roundViews";
import type { SessionContext } from "./sessions";
import { newId } from "./tokens";

export interface RoundServiceOptions {
  /** Test only: awaited between a reveal's commit and its projection (see RISKROOM_TEST_PAUSE_AT). */
  afterRevealCommit?: () => Promise<void>;
}

export class RoundService {
  constructor(
    private readonly meta: MetaRepository,
    private readonly control: ControlProjection,
    private readonly content: ContentReader,
    /** `afterRoundChange` runs after a round is revealed or closed (the automatic snapshot). */
    private readonly hooks: HookList,
    private readonly options: RoundServiceOptions = {},
  ) {}

  async open(ctx: SessionContext, body: z.infer<typeof openRoundBody>): Promise<{ round: RoundView }> {
    requireFacilitator(ctx, "open a round");
    const workshopId = ctx.workshop.id;
    const known = new Set(await this.content.scenarioIds(workshopId));
    const unknown = body.scenarioIds.flatMap((id, i) =>
      known.has(id) ? [] : [[`scenarioIds.${i}`, ["no such scenario"]]],
    );
    if (unknown.length > 0) throw invalidInput("unknown scenarios", Object.fromEntries(unknown));
    const stamp = stampOf(ctx);
    // The lock and "one open round at a time" are checked by the store, inside the write.
    const round = await this.meta.openRound(
      {
        id: newId(),
        workshopId,
        kind: body.kind,
        scenarioIds: [...new Set(body.scenarioIds)],
        anonymous: body.anonymous,
        openedAt: stamp.at,
        openedBy: ctx.participant.id,
      },
      stamp,
    );
    return { round: await this.project({ round, estimates: [] }) };
  }

  async submit(
    ctx: SessionContext,
    roundId: string,
    body: SubmitEstimateBody,
  ): Promise<{ estimate: EstimateRecord }> {
    requireRole(ctx, ["expert"], "submit estimates");
    await this.round(ctx, roundId);
    const { scenarioId, ...estimate } = body;
    // The round's state and scenarios are checked by the store, inside the write. While a round is open the framework is locked (unlocking needs no open round), so this check holds.
    const problems = estimateFrameworkProblems(
      estimate,
      (await this.meta.framework(ctx.workshop.id)).framework,
    );
    if (problems.length > 0)
      throw invalidInput(
        "the estimate does not fit the framework",
        Object.fromEntries(problems.map((p) => [p.path.join("."), [p.message]])),
      );
    const stamp = stampOf(ctx);
    const record: EstimateRecord = {
      ...estimate,
      roundId,
      workshopId: ctx.workshop.id,
      participantId: ctx.participant.id,
      scenarioId,
      submittedAt: stamp.at,
    };
    await this.project(await this.meta.submitEstimate(record, stamp));
    return { estimate: record };
  }

  /** An expert's own estimates in a round: what they see again when revising. */
  async mine(ctx: SessionContext, roundId: string): Promise<{ estimates: EstimateRecord[] }> {
    await this.round(ctx, roundId);
    const all = await this.meta.estimatesOf(ctx.workshop.id, roundId);
    return { estimates: all.filter((e) => e.participantId === ctx.participant.id) };
  }

  async reveal(ctx: SessionContext, roundId: string): Promise<{ round: RoundView; revealed: RevealedRound }> {
    requireFacilitator(ctx, "reveal a round");
    const result = await this.meta.revealRound(ctx.workshop.id, roundId, computeRevealed, stampOf(ctx));
    await this.options.afterRevealCommit?.();
    const revealed = result.round.revealed!;
    await this.control.write(ctx.workshop.id, (doc) => controlWriters.revealed(doc, roundId, revealed));
    const view = await this.project(result);
    await this.hooks.run("afterRoundChange", {
      round: result.round,
      event: "revealed",
      by: ctx.participant.displayName,
    });
    return { round: view, revealed };
  }

  async close(ctx: SessionContext, roundId: string): Promise<{ round: RoundView }> {
    requireFacilitator(ctx, "close a round");
    const result = await this.meta.closeRound(ctx.workshop.id, roundId, stampOf(ctx));
    const view = await this.project(result);
    await this.hooks.run("afterRoundChange", {
      round: result.round,
      event: "closed",
      by: ctx.participant.displayName,
    });
    return { round: view };
  }

  /** The published values of every revealed round of a workshop, by round id, as they were revealed. */
  revealedOf(workshopId: string): Promise<Record<string, RevealedRound>> {
    return revealedOf(this.meta, workshopId);
  }

  private async round(ctx: SessionContext, roundId: string): Promise<RoundRecord> {
    const round = await this.meta.round(ctx.workshop.id, roundId);
    if (!round) throw notFound("round");
    return round;
  }

  /** The round as everyone sees it: who has submitted, never what. */
  private async project({ round, estimates }: RoundWithEstimates): Promise<RoundView> {
    const view = roundView(round, estimates);
    await this.control.write(round.workshopId, (doc) => controlWriters.round(doc, view));
    return view;
  }
}
