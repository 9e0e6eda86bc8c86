/**
 * Per-risk determinations (tier reached, safety margin, conditions, verdict), the overall verdict,
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
import { ApiError, notFound } from "../http/errors";
import type { AuditRecord, MetaStore } from "../store/metaStore";
import type { ContentReader } from "./contentReader";
import type { ControlProjection } from "./controlProjection";
import type { FrameworkService } from "./framework";
import { requireFacilitator, requireRole } from "./roles";
import type { SessionContext } from "./sessions";

export class DeterminationService {
  constructor(
    private readonly store: MetaStore,
    private readonly control: ControlProjection,
    private readonly frameworks: FrameworkService,
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
    const { framework, lock } = this.frameworks.record(workshopId);
    if (!lock)
      throw new ApiError(409, "framework_not_locked", "determinations are made against a locked framework");
    const ladder = framework.ladders[riskId] ?? [];
    if (!ladder.some((t) => t.id === body.tierId))
      throw new ApiError(400, "invalid_input", "no such tier on this risk's ladder", {
        tierId: ["not on this risk's ladder"],
      });
    const known = new Set(await this.content.scenarioIds(workshopId));
    const unknown = body.evidenceScenarioIds.flatMap((id, i) =>
      known.has(id) ? [] : [[`evidenceScenarioIds.${i}`, ["no such scenario"]]],
    );
    if (unknown.length > 0)
      throw new ApiError(400, "invalid_input", "unknown scenarios", Object.fromEntries(unknown));
    const previous = this.store.determinationsOf(workshopId).find((d) => d.riskId === riskId);
    const determination: Determination = {
      riskId,
      ...body,
      needsHigherTier: isTopLadderTier(framework, riskId, body.tierId),
      by: ctx.participant.displayName,
      at: new Date().toISOString(),
      // A new determination keeps the dissent recorded against the earlier one: challenges stay on record.
      dissent: previous?.dissent ?? [],
    };
    this.store.putDetermination({ ...determination, workshopId });
    await this.save(ctx, "determination.record", riskId, determination);
    return { determination };
  }

  async dissent(
    ctx: SessionContext,
    riskId: string,
    text: string,
  ): Promise<{ determination: Determination }> {
    requireRole(ctx, ["expert", "facilitator"], "record dissent");
    const existing = this.store.determinationsOf(ctx.workshop.id).find((d) => d.riskId === riskId);
    if (!existing) throw notFound("determination");
    existing.dissent.push({
      participantId: ctx.participant.id,
      name: ctx.participant.displayName,
      at: new Date().toISOString(),
      text,
    });
    const { workshopId: _w, ...determination } = existing;
    await this.save(ctx, "dissent.add", riskId, determination);
    return { determination };
  }

  async verdict(
    ctx: SessionContext,
    body: Pick<OverallVerdict, "verdict" | "justification">,
  ): Promise<{ verdict: OverallVerdict }> {
    requireFacilitator(ctx, "record the overall verdict");
    const verdict: OverallVerdict = {
      ...body,
      by: ctx.participant.displayName,
      at: new Date().toISOString(),
    };
    this.store.audit({
      at: verdict.at,
      workshopId: ctx.workshop.id,
      actor: ctx.participant.id,
      action: "verdict.record",
    });
    const record = this.frameworks.record(ctx.workshop.id);
    record.verdict = verdict;
    await this.store.commit();
    await this.control.write(ctx.workshop.id, (doc) => controlWriters.verdict(doc, verdict));
    return { verdict };
  }

  private async save(
    ctx: SessionContext,
    action: AuditRecord["action"],
    riskId: string,
    d: Determination,
  ): Promise<void> {
    this.store.audit({
      at: new Date().toISOString(),
      workshopId: ctx.workshop.id,
      actor: ctx.participant.id,
      action,
      target: riskId,
    });
    await this.store.commit();
    await this.control.write(ctx.workshop.id, (doc) => controlWriters.determination(doc, d));
  }
}
