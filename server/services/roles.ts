/** Role checks shared by the services, and the audit stamp of the caller; each refusal says what was refused. */
import { canFacilitate, type Role } from "../../shared/roles";
import { forbidden } from "../domainErrors";
import type { AuditStamp } from "../store/repository";
import type { SessionContext } from "./sessions";

export function requireFacilitator(ctx: SessionContext, action: string): void {
  if (!canFacilitate(ctx.participant.role)) throw forbidden(`only a facilitator may ${action}`);
}

export function requireRole(ctx: SessionContext, roles: readonly Role[], action: string): void {
  if (!roles.includes(ctx.participant.role)) throw forbidden(`only ${roles.join(" or ")}s may ${action}`);
}

/** The caller, now: who an audit entry names. */
export function stampOf(ctx: SessionContext, at = new Date().toISOString()): AuditStamp {
  return { actor: ctx.participant.id, at };
}
