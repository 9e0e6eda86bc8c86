/** A new workshop's first participant and the session token that acts for it, not yet stored. */
import type { Role } from "../../shared/roles";
import type { ParticipantRecord, SessionRecord } from "../store/records";
import { hashToken, newId, newToken } from "./tokens";

export interface IssueSessionInput {
  workshopId: string;
  displayName: string;
  role: Role;
  sessionTtlMs: number;
  now: number;
}

export function newSession(input: IssueSessionInput): {
  token: string;
  participant: ParticipantRecord;
  session: SessionRecord;
} {
  const participant: ParticipantRecord = {
    id: newId(),
    workshopId: input.workshopId,
    displayName: input.displayName,
    role: input.role,
    joinedAt: new Date(input.now).toISOString(),
  };
  const token = newToken();
  const session: SessionRecord = {
    tokenHash: hashToken(token),
    workshopId: input.workshopId,
    participantId: participant.id,
    createdAt: participant.joinedAt,
    expiresAt: new Date(input.now + input.sessionTtlMs).toISOString(),
  };
  return { token, participant, session };
}
