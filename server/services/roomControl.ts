/**
 * The facilitator's levers over the room: phase, shared timer, and "bring everyone here". Stored
 * first, then projected into the control document, from which a reload rebuilds them.
 */
import type { FocusBody, SetPhaseBody, StartTimerBody } from "../../shared/api";
import { type FocusState, readFocus, type TimerState } from "../../shared/controlDoc";
import { canFacilitate } from "../../shared/roles";
import { forbidden } from "../domainErrors";
import type { RoomStateRecord } from "../store/records";
import type { MetaRepository, RoomStateChange } from "../store/repository";
import type { ControlProjection } from "./controlProjection";
import { applyRoomState } from "./controlState";
import { stampOf } from "./roles";
import type { SessionContext } from "./sessions";

export class RoomControlService {
  constructor(
    private readonly meta: MetaRepository,
    private readonly control: ControlProjection,
  ) {}

  async setPhase(ctx: SessionContext, body: SetPhaseBody): Promise<{ phase: string }> {
    await this.change(ctx, {
      change: (r) => ({ ...r, phase: body.phase }),
      action: "phase.set",
      target: body.phase,
    });
    return { phase: body.phase };
  }

  async startTimer(ctx: SessionContext, body: StartTimerBody): Promise<{ timer: TimerState }> {
    const now = Date.now();
    const timer: TimerState = {
      label: body.label ?? "",
      startedAt: new Date(now).toISOString(),
      endsAt: new Date(now + body.durationSeconds * 1000).toISOString(),
      startedBy: ctx.participant.displayName,
    };
    await this.change(ctx, {
      change: (r) => ({ ...r, timer }),
      action: "timer.start",
      target: `${body.durationSeconds}s`,
    });
    return { timer };
  }

  async stopTimer(ctx: SessionContext): Promise<{ timer: null }> {
    await this.change(ctx, { change: (r) => ({ ...r, timer: null }), action: "timer.stop" });
    return { timer: null };
  }

  async focus(ctx: SessionContext, body: FocusBody): Promise<{ focus: FocusState }> {
    requireFacilitator(ctx);
    // Data stored before room state was kept has the sequence only in the document.
    const shownSeq = await this.control.read(ctx.workshop.id, (doc) => readFocus(doc)?.seq ?? 0);
    const at = new Date().toISOString();
    const room = await this.change(ctx, {
      change: (r) => ({
        ...r,
        focus: {
          scenarioId: body.scenarioId,
          by: ctx.participant.displayName,
          byId: ctx.participant.id,
          at,
          seq: Math.max(r.focus?.seq ?? 0, shownSeq) + 1,
        },
      }),
      action: "focus.set",
      target: body.scenarioId ?? "",
    });
    return { focus: room.focus! };
  }

  private async change(ctx: SessionContext, change: RoomStateChange): Promise<RoomStateRecord> {
    requireFacilitator(ctx);
    const room = await this.meta.setRoomState(ctx.workshop.id, change, stampOf(ctx));
    await this.control.write(ctx.workshop.id, (doc) => applyRoomState(doc, room));
    return room;
  }
}

function requireFacilitator(ctx: SessionContext): void {
  if (!canFacilitate(ctx.participant.role)) throw forbidden("only a facilitator may run the room");
}
