/** Decides whether a websocket may open a room, and as whom; refusals carry the close code to use. */
import { CloseCode } from "../../shared/limits";
import { parseRoomName, type RoomName } from "../../shared/rooms";
import type { MetaRepository } from "../store/repository";
import type { ConnectionIdentity } from "../sync/connection";
import { authenticate } from "./sessions";

export type Admission =
  | { ok: true; room: RoomName; identity: ConnectionIdentity }
  | { ok: false; code: CloseCode; reason: string };

export async function admitSocket(
  meta: MetaRepository,
  rawRoomName: string,
  token: string | undefined,
): Promise<Admission> {
  const room = parseRoomName(rawRoomName);
  if (!room) return { ok: false, code: CloseCode.notFound, reason: "no such room" };
  const auth = await authenticate(meta, token);
  if (!auth.ok) {
    if (auth.reason === "revoked") return { ok: false, code: CloseCode.forbidden, reason: "session revoked" };
    return { ok: false, code: CloseCode.unauthorized, reason: `token ${auth.reason}` };
  }
  const { session, participant, workshop } = auth.context;
  if (workshop.id !== room.workshopId)
    return { ok: false, code: CloseCode.forbidden, reason: "session belongs to another workshop" };
  return {
    ok: true,
    room,
    identity: {
      participantId: participant.id,
      displayName: participant.displayName,
      role: participant.role,
      sessionHash: session.tokenHash,
      ...(session.inviteId ? { inviteId: session.inviteId } : {}),
      expiresAt: Date.parse(session.expiresAt),
    },
  };
}
