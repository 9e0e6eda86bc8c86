/**
 * Blind Delphi rounds. Estimates arrive over REST and stay server-side: while a round is open the
 * control document lists who has submitted and nothing else, facilitators included. Revealing
 * publishes every value (named or anonymous) with the aggregates computed at that moment.
 */

import type { z } from "zod";
import { aggregateEstimates } from "../../shared/estimation/aggregate";
import { type Estimate, estimateFrameworkProblems } from "../../shared/estimation/estimate";
import type { openRoundBody } from "../../shared/estimationView";
import {
  controlWriters,
  type RevealedEstimate,
  type RevealedRound,
  type RoundView,
  type SubmitEstimateBody,
} from "../../shared/estimationView";
import { ApiError, notFound } from "../http/errors";
import type { EstimateRecord, RoundRecord } from "../store/estimationRecords";
import type { AuditRecord, MetaStore } from "../store/metaStore";
import type { ContentReader } from "./contentReader";
import type { ControlProjection } from "./controlProjection";
import type { FrameworkService } from "./framework";
import { requireFacilitator, requireRole } from "./roles";
import type { SessionContext } from "./sessions";
import { newId } from "./tokens";

export class RoundService {
  /** Runs after a round is revealed or closed (the automatic snapshot). */
  afterRoundChange:
    | ((round: RoundRecord, event: "revealed" | "closed", by: string) => Promise<unknown>)
    | null = null;

  constructor(
    private readonly store: MetaStore,
    private readonly control: ControlProjection,
    private readonly frameworks: FrameworkService,
    private readonly content: ContentReader,
  ) {}

  async open(ctx: SessionContext, body: z.infer<typeof openRoundBody>): Promise<{ round: RoundView }> {
    requireFacilitator(ctx, "open a round");
    const workshopId = ctx.workshop.id;
    if (!this.frameworks.record(workshopId).lock)
      throw new ApiError(
        409,
        "framework_not_locked",
        "lock the framework before the first round: the criteria come first",
      );
    const rounds = this.store.roundsOf(workshopId);
    if (rounds.some((r) => r.state === "open"))
      throw new ApiError(409, "round_open", "another round is open; reveal or close it first");
    const known = new Set(await this.content.scenarioIds(workshopId));
    const unknown = body.scenarioIds.flatMap((id, i) =>
      known.has(id) ? [] : [[`scenarioIds.${i}`, ["no such scenario"]]],
    );
    if (unknown.length > 0)
      throw new ApiError(400, "invalid_input", "unknown scenarios", Object.fromEntries(unknown));
    const round: RoundRecord = {
      id: newId(),
      workshopId,
      number: rounds.length + 1,
      kind: body.kind,
      scenarioIds: [...new Set(body.scenarioIds)],
      anonymous: body.anonymous,
      state: "open",
      openedAt: new Date().toISOString(),
      openedBy: ctx.participant.id,
    };
    this.store.addRound(round);
    await this.commit(ctx, "round.open", round.id);
    return { round: await this.project(round) };
  }

  async submit(
    ctx: SessionContext,
    roundId: string,
    body: SubmitEstimateBody,
  ): Promise<{ estimate: EstimateRecord }> {
    requireRole(ctx, ["expert"], "submit estimates");
    const round = this.round(ctx, roundId);
    if (round.state !== "open")
      throw new ApiError(409, "round_not_open", `round ${round.number} is ${round.state}`, {
        roundId: [`round is ${round.state}`],
      });
    if (!round.scenarioIds.includes(body.scenarioId))
      throw new ApiError(400, "invalid_input", "this scenario is not in the round", {
        scenarioId: ["not in this round"],
      });
    const { scenarioId, ...estimate } = body;
    const problems = estimateFrameworkProblems(estimate, this.frameworks.record(ctx.workshop.id).framework);
    if (problems.length > 0)
      throw new ApiError(
        400,
        "invalid_input",
        "the estimate does not fit the framework",
        Object.fromEntries(problems.map((p) => [p.path.join("."), [p.message]])),
      );
    const record: EstimateRecord = {
      ...estimate,
      roundId,
      workshopId: ctx.workshop.id,
      participantId: ctx.participant.id,
      scenarioId,
      submittedAt: new Date().toISOString(),
    };
    this.store.putEstimate(record);
    // The audit names the scenario, never a value.
    await this.commit(ctx, "estimate.submit", `${roundId}/${scenarioId}`);
    await this.project(round);
    return { estimate: record };
  }

  /** An expert's own estimates in a round: what they see again when revising. */
  mine(ctx: SessionContext, roundId: string): { estimates: EstimateRecord[] } {
    const round = this.round(ctx, roundId);
    return {
      estimates: this.store.estimatesOf(round.id).filter((e) => e.participantId === ctx.participant.id),
    };
  }

  async reveal(ctx: SessionContext, roundId: string): Promise<{ round: RoundView; revealed: RevealedRound }> {
    requireFacilitator(ctx, "reveal a round");
    const round = this.round(ctx, roundId);
    if (round.state !== "open")
      throw new ApiError(409, "round_not_open", `round ${round.number} is ${round.state}`);
    round.state = "revealed";
    round.revealedAt = new Date().toISOString();
    const revealed = this.revealedValues(round);
    round.revealed = revealed;
    await this.commit(ctx, "round.reveal", round.id);
    await this.control.write(ctx.workshop.id, (doc) => controlWriters.revealed(doc, round.id, revealed));
    const view = await this.project(round);
    await this.afterRoundChange?.(round, "revealed", ctx.participant.displayName);
    return { round: view, revealed };
  }

  async close(ctx: SessionContext, roundId: string): Promise<{ round: RoundView }> {
    requireFacilitator(ctx, "close a round");
    const round = this.round(ctx, roundId);
    if (round.state === "closed")
      throw new ApiError(409, "round_closed", `round ${round.number} is already closed`);
    round.state = "closed";
    round.closedAt = new Date().toISOString();
    await this.commit(ctx, "round.close", round.id);
    const view = await this.project(round);
    await this.afterRoundChange?.(round, "closed", ctx.participant.displayName);
    return { round: view };
  }

  /** The published values of every revealed round of a workshop, by round id, as they were revealed. */
  revealedOf(workshopId: string): Record<string, RevealedRound> {
    const out: Record<string, RevealedRound> = {};
    // Rounds revealed before the values were kept are computed again, as they always were.
    for (const round of this.store.roundsOf(workshopId))
      if (round.revealedAt) out[round.id] = round.revealed ?? this.revealedValues(round);
    return out;
  }

  private round(ctx: SessionContext, roundId: string): RoundRecord {
    const round = this.store.roundsOf(ctx.workshop.id).find((r) => r.id === roundId);
    if (!round) throw notFound("round");
    return round;
  }

  private revealedValues(round: RoundRecord): RevealedRound {
    const framework = this.frameworks.record(round.workshopId).framework;
    const all = this.store.estimatesOf(round.id).sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
    // Aliases follow the order of first submission, the same across the round's scenarios.
    const aliases = new Map<string, string>();
    for (const e of all)
      if (!aliases.has(e.participantId)) aliases.set(e.participantId, `Expert ${letter(aliases.size)}`);
    const estimates: Record<string, RevealedEstimate[]> = {};
    const aggregates: RevealedRound["aggregates"] = {};
    for (const scenarioId of round.scenarioIds) {
      const mine = all.filter((e) => e.scenarioId === scenarioId);
      estimates[scenarioId] = mine.map((e) => {
        const values: Estimate = {
          probability: e.probability,
          severity: e.severity,
          confidence: e.confidence,
          rationale: e.rationale,
        };
        if (round.anonymous) return { ...values, who: aliases.get(e.participantId)! };
        const name = this.store.participant(e.participantId)?.displayName ?? "Unknown";
        return { ...values, who: name, participantId: e.participantId };
      });
      aggregates[scenarioId] = aggregateEstimates(mine, framework);
    }
    return { estimates, aggregates };
  }

  /** The round as everyone sees it: who has submitted, never what. */
  private async project(round: RoundRecord): Promise<RoundView> {
    const submitted: Record<string, string[]> = {};
    for (const id of round.scenarioIds) submitted[id] = [];
    for (const e of this.store.estimatesOf(round.id)) submitted[e.scenarioId]?.push(e.participantId);
    const view: RoundView = {
      id: round.id,
      number: round.number,
      kind: round.kind,
      scenarioIds: round.scenarioIds,
      anonymous: round.anonymous,
      state: round.state,
      openedAt: round.openedAt,
      ...(round.revealedAt ? { revealedAt: round.revealedAt } : {}),
      ...(round.closedAt ? { closedAt: round.closedAt } : {}),
      submitted,
    };
    await this.control.write(round.workshopId, (doc) => controlWriters.round(doc, view));
    return view;
  }

  private async commit(ctx: SessionContext, action: AuditRecord["action"], target: string): Promise<void> {
    this.store.audit({
      at: new Date().toISOString(),
      workshopId: ctx.workshop.id,
      actor: ctx.participant.id,
      action,
      target,
    });
    await this.store.commit();
  }
}

function letter(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : `${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)}`;
}
