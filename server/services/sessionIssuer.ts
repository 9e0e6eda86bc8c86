/** Creates a participant and the session token that acts for it. */
import type { Role } from "../../shared/roles";
import type { MetaStore, ParticipantRecord } from "../store/metaStore";
import { hashToken, newId, newToken } from "./tokens";

export interface IssueSessionInput {
  workshopId: string;
  displayName: string;
  role: Role;
  sessionTtlMs: number;
  inviteId?: string;
}

export function issueSession(
  store: MetaStore,
  input: IssueSessionInput,
): { token: string; participant: ParticipantRecord } {
  const now = Date.now();
  const participant: ParticipantRecord = {
    id: newId(),
    workshopId: input.workshopId,
    displayName: input.displayName,
    role: input.role,
    joinedAt: new Date(now).toISOString(),
    ...(input.inviteId ? { inviteId: input.inviteId } : {}),
  };
  const token = newToken();
  store.addParticipant(participant);
  store.addSession({
    tokenHash: hashToken(token),
    workshopId: input.workshopId,
    participantId: participant.id,
    ...(input.inviteId ? { inviteId: input.inviteId } : {}),
    createdAt: participant.joinedAt,
    expiresAt: new Date(now + input.sessionTtlMs).toISOString(),
  });
  return { token, participant };
}
