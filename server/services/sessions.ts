/** Who a bearer token belongs to, and why it is refused when it is. */
import type { ParticipantRecord, SessionRecord, WorkshopRecord } from "../store/records";
import type { MetaRepository } from "../store/repository";
import { hashToken } from "./tokens";

export interface SessionContext {
  session: SessionRecord;
  participant: ParticipantRecord;
  workshop: WorkshopRecord;
}

export type AuthFailure = "missing" | "unknown" | "expired" | "revoked";

export type AuthResult = { ok: true; context: SessionContext } | { ok: false; reason: AuthFailure };

export async function authenticate(
  meta: MetaRepository,
  token: string | undefined,
  now = Date.now(),
): Promise<AuthResult> {
  if (!token) return { ok: false, reason: "missing" };
  const session = await meta.sessionByTokenHash(hashToken(token));
  if (!session) return { ok: false, reason: "unknown" };
  if (session.revokedAt) return { ok: false, reason: "revoked" };
  if (Date.parse(session.expiresAt) <= now) return { ok: false, reason: "expired" };
  const participant = await meta.participant(session.workshopId, session.participantId);
  const workshop = await meta.workshop(session.workshopId);
  if (!participant || !workshop) return { ok: false, reason: "unknown" };
  return { ok: true, context: { session, participant, workshop } };
}
