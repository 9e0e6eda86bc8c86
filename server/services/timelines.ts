/**
 * Tier-timeline rounds (shared/timeline.ts): opened by a facilitator on risks of a locked
 * framework, forecast by experts (a second forecast on a risk replaces the first: the revision),
 * revealed once by a facilitator with the pooled quantiles, then closed. While open, the control
 * document and every answer carry who has submitted, never a date or an assumption; the forecasts
 * stay in storage. Each write is stored first, then audited on the workshop's chain (never a value
 * in the entry), then projected.
 */

import type { z } from "zod";
import { risksOf } from "../../shared/content";
import {
  aggregateTimeline,
  type openTimelineBody,
  type RevealedTimeline,
  TIMELINE_REVEALED_MAP,
  TIMELINE_ROUNDS_MAP,
  type TimelineForecastBody,
  type TimelineRoundView,
} from "../../shared/timeline";
import { DomainError, invalidInput, notFound } from "../domainErrors";
import type { AuditAction } from "../store/records";
import type { MetaRepository } from "../store/repository";
import type { TimelineRoundRecord, TimelineStore } from "../store/timelineRecords";
import type { RoomRegistry } from "../sync/registry";
import type { Room } from "../sync/room";
import { type ControlProjection, SERVER_ORIGIN } from "./controlProjection";
import { requireFacilitator, requireRole, stampOf } from "./roles";
import type { SessionContext } from "./sessions";
import { newId } from "./tokens";

export class TimelineService {
  constructor(
    private readonly meta: MetaRepository,
    private readonly store: TimelineStore,
    private readonly control: ControlProjection,
    private readonly registry: RoomRegistry,
  ) {}

  async open(ctx: SessionContext, body: z.infer<typeof openTimelineBody>) {
    requireFacilitator(ctx, "open a timeline round");
    const workshopId = ctx.workshop.id;
    const known = await this.registry.withRoom({ workshopId, kind: "content" }, (room) =>
      risksOf(room.doc)
        .list()
        .map((r) => r.id),
    );
    const unknown = body.riskIds.flatMap((id, i) =>
      known.includes(id) ? [] : [[`riskIds.${i}`, ["no such risk"]]],
    );
    if (unknown.length > 0) throw invalidInput("unknown risks", Object.fromEntries(unknown));
    const framework = await this.meta.framework(workshopId);
    if (!framework.lock)
      throw new DomainError(
        "framework_not_locked",
        "lock the framework first: a forecast is about a tier of its ladders",
      );
    const determinations = await this.meta.determinationsOf(workshopId);
    const nextTier: Record<string, string | null> = {};
    for (const riskId of new Set(body.riskIds)) {
      const ladder = framework.framework.ladders[riskId] ?? [];
      const reached = determinations.find((d) => d.riskId === riskId)?.tierId;
      const at = reached ? ladder.findIndex((t) => t.id === reached) + 1 : 0;
      nextTier[riskId] = ladder[at]?.name ?? null;
    }
    const stamp = stampOf(ctx);
    const round = await this.store.writeTimeline(workshopId, (rounds) => {
      if (rounds.some((r) => r.state === "open"))
        throw new DomainError("round_open", "another timeline round is open; reveal or close it first");
      const next: TimelineRoundRecord = {
        id: newId(),
        number: rounds.length + 1,
        riskIds: [...new Set(body.riskIds)],
        nextTier,
        anonymous: body.anonymous,
        state: "open",
        openedAt: stamp.at,
        openedBy: ctx.participant.id,
        forecasts: [],
      };
      return { rounds: [...rounds, next], result: next };
    });
    return { round: await this.after(ctx, round, "timeline.open", round.id) };
  }

  async forecast(ctx: SessionContext, roundId: string, body: TimelineForecastBody) {
    requireRole(ctx, ["expert"], "give timeline forecasts");
    const stamp = stampOf(ctx);
    const record = { ...body, participantId: ctx.participant.id, submittedAt: stamp.at };
    const round = await this.store.writeTimeline(ctx.workshop.id, (rounds) => {
      const current = rounds.find((r) => r.id === roundId);
      if (!current) throw notFound("timeline round");
      if (current.state !== "open")
        throw new DomainError("round_not_open", "this timeline round takes no more forecasts");
      if (!current.riskIds.includes(body.riskId))
        throw invalidInput("the risk is not in this round", { riskId: ["not in this round"] });
      const forecasts = [
        ...current.forecasts.filter(
          (f) => !(f.participantId === ctx.participant.id && f.riskId === body.riskId),
        ),
        record,
      ];
      const next = { ...current, forecasts };
      return { rounds: rounds.map((r) => (r.id === roundId ? next : r)), result: next };
    });
    await this.after(ctx, round, "timeline.forecast", `${roundId}/${body.riskId}`);
    return { forecast: record };
  }

  /** One's own forecasts in a round: what an expert sees again when revising. */
  async mine(ctx: SessionContext, roundId: string) {
    const round = (await this.store.timelineRounds(ctx.workshop.id)).find((r) => r.id === roundId);
    if (!round) throw notFound("timeline round");
    return { forecasts: round.forecasts.filter((f) => f.participantId === ctx.participant.id) };
  }

  async reveal(ctx: SessionContext, roundId: string) {
    requireFacilitator(ctx, "reveal a timeline round");
    const names = new Map(
      (await this.meta.participantsOf(ctx.workshop.id)).map((p) => [p.id, p.displayName]),
    );
    const stamp = stampOf(ctx);
    const round = await this.store.writeTimeline(ctx.workshop.id, (rounds) => {
      const current = rounds.find((r) => r.id === roundId);
      if (!current) throw notFound("timeline round");
      if (current.state !== "open")
        throw new DomainError("round_not_open", "this timeline round is not open");
      const next = {
        ...current,
        state: "revealed" as const,
        revealedAt: stamp.at,
        revealed: revealedOf(current, names),
      };
      return { rounds: rounds.map((r) => (r.id === roundId ? next : r)), result: next };
    });
    const revealed = round.revealed!;
    await this.control.write(ctx.workshop.id, (doc) =>
      doc.getMap(TIMELINE_REVEALED_MAP).set(roundId, revealed),
    );
    return { round: await this.after(ctx, round, "timeline.reveal", roundId), revealed };
  }

  async close(ctx: SessionContext, roundId: string) {
    requireFacilitator(ctx, "close a timeline round");
    const stamp = stampOf(ctx);
    const round = await this.store.writeTimeline(ctx.workshop.id, (rounds) => {
      const current = rounds.find((r) => r.id === roundId);
      if (!current) throw notFound("timeline round");
      if (current.state === "closed")
        throw new DomainError("round_closed", "this timeline round is closed already");
      const next = { ...current, state: "closed" as const, closedAt: stamp.at };
      return { rounds: rounds.map((r) => (r.id === roundId ? next : r)), result: next };
    });
    return { round: await this.after(ctx, round, "timeline.close", roundId) };
  }

  /** Every round as everyone sees it, with the revealed ones' forecasts and aggregates. */
  async list(workshopId: string) {
    const rounds = await this.store.timelineRounds(workshopId);
    const names = await this.names(workshopId);
    return {
      rounds: rounds.map((r) => viewOf(r, names)),
      revealed: Object.fromEntries(rounds.flatMap((r) => (r.revealed ? [[r.id, r.revealed]] : []))),
    };
  }

  /**
   * Writes every round's view and revealed values into a control document as it loads, so a crash
   * between a stored write and its projection heals (as ControlProjection.reconcile does).
   */
  async reconcile(room: Room): Promise<void> {
    if (room.name.kind !== "control") return;
    const { workshopId } = room.name;
    const rounds = await this.store.timelineRounds(workshopId);
    if (rounds.length === 0) return;
    const names = await this.names(workshopId);
    // Only what differs is written, so a load that finds the document current adds nothing to its log.
    const put = (map: string, id: string, value: unknown) => {
      const target = room.doc.getMap(map);
      if (JSON.stringify(target.get(id)) !== JSON.stringify(value)) target.set(id, value);
    };
    room.doc.transact(() => {
      for (const round of rounds) {
        put(TIMELINE_ROUNDS_MAP, round.id, viewOf(round, names));
        if (round.revealed) put(TIMELINE_REVEALED_MAP, round.id, round.revealed);
      }
    }, SERVER_ORIGIN);
  }

  private async names(workshopId: string): Promise<Map<string, string>> {
    return new Map((await this.meta.participantsOf(workshopId)).map((p) => [p.id, p.displayName]));
  }

  private async after(ctx: SessionContext, round: TimelineRoundRecord, action: AuditAction, target: string) {
    await this.meta.appendAudit({ ...stampOf(ctx), workshopId: ctx.workshop.id, action, target });
    const view = viewOf(round, await this.names(ctx.workshop.id));
    await this.control.write(ctx.workshop.id, (doc) => doc.getMap(TIMELINE_ROUNDS_MAP).set(round.id, view));
    return view;
  }
}

/** Who has submitted on each risk: names, or "Expert A", "Expert B", … in an anonymous round. */
function viewOf(round: TimelineRoundRecord, names: Map<string, string>): TimelineRoundView {
  const order = [...new Set(round.forecasts.map((f) => f.participantId))];
  const submitted: Record<string, string[]> = {};
  for (const riskId of round.riskIds)
    submitted[riskId] = round.forecasts
      .filter((f) => f.riskId === riskId)
      .map((f) =>
        round.anonymous
          ? `Expert ${letter(order.indexOf(f.participantId))}`
          : (names.get(f.participantId) ?? "expert"),
      );
  const { forecasts: _f, revealed: _r, openedBy: _o, ...rest } = round;
  return { ...rest, submitted };
}

function revealedOf(round: TimelineRoundRecord, names: Map<string, string>): RevealedTimeline {
  const order = [...new Set(round.forecasts.map((f) => f.participantId))];
  const forecasts: RevealedTimeline["forecasts"] = {};
  const aggregates: RevealedTimeline["aggregates"] = {};
  for (const riskId of round.riskIds) {
    const mine = round.forecasts.filter((f) => f.riskId === riskId);
    forecasts[riskId] = mine.map((f) => ({
      who: round.anonymous
        ? `Expert ${letter(order.indexOf(f.participantId))}`
        : (names.get(f.participantId) ?? "expert"),
      p10: f.p10,
      p50: f.p50,
      p90: f.p90,
      assumptions: f.assumptions,
    }));
    aggregates[riskId] = aggregateTimeline(mine);
  }
  return { forecasts, aggregates };
}

function letter(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : String(i + 1);
}
