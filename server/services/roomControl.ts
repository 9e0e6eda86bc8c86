/** The facilitator's levers over the room: phase, shared timer, and "bring everyone here". All server-written. */
import type { FocusBody, SetPhaseBody, StartTimerBody } from "../../shared/api";
import { type FocusState, readFocus, roomMap, type TimerState } from "../../shared/controlDoc";
import { canFacilitate } from "../../shared/roles";
import { forbidden } from "../http/errors";
import type { AuditRecord, MetaStore } from "../store/metaStore";
import type { ControlProjection } from "./controlProjection";
import type { SessionContext } from "./sessions";

export class RoomControlService {
  constructor(
    private readonly store: MetaStore,
    private readonly control: ControlProjection,
  ) {}

  async setPhase(ctx: SessionContext, body: SetPhaseBody): Promise<{ phase: string }> {
    requireFacilitator(ctx);
    await this.control.write(ctx.workshop.id, (doc) => roomMap(doc).set("phase", body.phase));
    await this.audit(ctx, "phase.set", body.phase);
    return { phase: body.phase };
  }

  async startTimer(ctx: SessionContext, body: StartTimerBody): Promise<{ timer: TimerState }> {
    requireFacilitator(ctx);
    const now = Date.now();
    const timer: TimerState = {
      label: body.label ?? "",
      startedAt: new Date(now).toISOString(),
      endsAt: new Date(now + body.durationSeconds * 1000).toISOString(),
      startedBy: ctx.participant.displayName,
    };
    await this.control.write(ctx.workshop.id, (doc) => roomMap(doc).set("timer", timer));
    await this.audit(ctx, "timer.start", `${body.durationSeconds}s`);
    return { timer };
  }

  async stopTimer(ctx: SessionContext): Promise<{ timer: null }> {
    requireFacilitator(ctx);
    await this.control.write(ctx.workshop.id, (doc) => roomMap(doc).delete("timer"));
    await this.audit(ctx, "timer.stop");
    return { timer: null };
  }

  async focus(ctx: SessionContext, body: FocusBody): Promise<{ focus: FocusState }> {
    requireFacilitator(ctx);
    let focus: FocusState | null = null;
    await this.control.write(ctx.workshop.id, (doc) => {
      focus = {
        scenarioId: body.scenarioId,
        by: ctx.participant.displayName,
        byId: ctx.participant.id,
        at: new Date().toISOString(),
        seq: (readFocus(doc)?.seq ?? 0) + 1,
      };
      roomMap(doc).set("focus", focus);
    });
    await this.audit(ctx, "focus.set", body.scenarioId ?? "");
    return { focus: focus! };
  }

  private async audit(ctx: SessionContext, action: AuditRecord["action"], target?: string): Promise<void> {
    this.store.audit({
      at: new Date().toISOString(),
      workshopId: ctx.workshop.id,
      actor: ctx.participant.id,
      action,
      ...(target ? { target } : {}),
    });
    await this.store.commit();
  }
}

function requireFacilitator(ctx: SessionContext): void {
  if (!canFacilitate(ctx.participant.role)) throw forbidden("only a facilitator may run the room");
}
