/** Role checks shared by the services; each refusal says what was refused. */
import { canFacilitate, type Role } from "../../shared/roles";
import { forbidden } from "../http/errors";
import type { SessionContext } from "./sessions";

export function requireFacilitator(ctx: SessionContext, action: string): void {
  if (!canFacilitate(ctx.participant.role)) throw forbidden(`only a facilitator may ${action}`);
}

export function requireRole(ctx: SessionContext, roles: readonly Role[], action: string): void {
  if (!roles.includes(ctx.participant.role)) throw forbidden(`only ${roles.join(" or ")}s may ${action}`);
}
