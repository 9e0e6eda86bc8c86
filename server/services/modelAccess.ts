/**
 * Who may act on a model. The bearer is either the model token (made when the model was created,
 * shown once, stored as a hash) or the session of a facilitator of a workshop attached to the
 * model. Experts and observers of those workshops, and everyone else, are refused.
 */
import { timingSafeEqual } from "node:crypto";
import { canFacilitate } from "../../shared/roles";
import { DomainError, forbidden, notFound } from "../domainErrors";
import type { ModelRecord, ModelStore } from "../store/modelRecords";
import type { AuditStamp, MetaRepository } from "../store/repository";
import { authenticate, type SessionContext } from "./sessions";
import { hashToken } from "./tokens";

/** The model token's holder, or a facilitator's session. */
export type ModelCaller = { kind: "token"; model: ModelRecord } | { kind: "session"; ctx: SessionContext };

export function holdsModelToken(model: ModelRecord, token: string): boolean {
  const a = Buffer.from(hashToken(token), "hex");
  const b = Buffer.from(model.tokenHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function loadModel(models: ModelStore, id: string): Promise<ModelRecord> {
  const model = await models.model(id);
  if (!model) throw notFound("model");
  return model;
}

/** The caller behind `token`, if they may read and act on `model`; refused otherwise. */
export async function modelCaller(
  meta: MetaRepository,
  model: ModelRecord,
  token: string | undefined,
): Promise<ModelCaller> {
  if (!token)
    throw new DomainError(
      "unauthorized",
      "an Authorization: Bearer <model token or session token> header is required",
    );
  if (holdsModelToken(model, token)) return { kind: "token", model };
  const auth = await authenticate(meta, token);
  if (!auth.ok)
    throw new DomainError("unauthorized", "this token is neither the model's token nor a known session");
  const ctx = auth.context;
  const attached = model.workshops.some((w) => w.workshopId === ctx.workshop.id);
  if (!attached || !canFacilitate(ctx.participant.role))
    throw forbidden("only the model token's holder or a facilitator of one of its workshops may do this");
  return { kind: "session", ctx };
}

/** A facilitator's session of `workshopId`, or a refusal naming what was refused. */
export async function workshopFacilitator(
  meta: MetaRepository,
  token: string | undefined,
  workshopId: string,
  action: string,
): Promise<SessionContext> {
  const auth = await authenticate(meta, token);
  if (!auth.ok)
    throw new DomainError("unauthorized", `a facilitator's session of the workshop is required to ${action}`);
  if (auth.context.workshop.id !== workshopId || !canFacilitate(auth.context.participant.role))
    throw forbidden(`only a facilitator of the workshop may ${action}`);
  return auth.context;
}

export function callerStamp(caller: ModelCaller, at = new Date().toISOString()): AuditStamp {
  return { actor: caller.kind === "token" ? "model-token" : caller.ctx.participant.id, at };
}

export function callerName(caller: ModelCaller): string {
  return caller.kind === "token"
    ? `${caller.model.createdBy} (model token)`
    : caller.ctx.participant.displayName;
}
