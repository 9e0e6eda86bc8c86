/** Who a bearer token belongs to, and why it is refused when it is. */
import type { MetaStore, ParticipantRecord, SessionRecord, WorkshopRecord } from "../store/metaStore";
import { hashToken } from "./tokens";

export interface SessionContext {
  session: SessionRecord;
  participant: ParticipantRecord;
  workshop: WorkshopRecord;
}

export type AuthFailure = "missing" | "unknown" | "expired" | "revoked";

export type AuthResult = { ok: true; context: SessionContext } | { ok: false; reason: AuthFailure };

export function authenticate(store: MetaStore, token: string | undefined, now = Date.now()): AuthResult {
  if (!token) return { ok: false, reason: "missing" };
  const session = store.sessionByHash(hashToken(token));
  if (!session) return { ok: false, reason: "unknown" };
  if (session.revokedAt) return { ok: false, reason: "revoked" };
  if (Date.parse(session.expiresAt) <= now) return { ok: false, reason: "expired" };
  const participant = store.participant(session.participantId);
  const workshop = store.workshop(session.workshopId);
  if (!participant || !workshop) return { ok: false, reason: "unknown" };
  return { ok: true, context: { session, participant, workshop } };
}
