/** Invites, joins and revocations as pure transitions of one workshop's metadata (see transitions.ts). */
import * as guard from "../guards";
import { joinRecords } from "../recordChanges";
import type { InviteRecord } from "../records";
import type { AuditStamp, Joined, JoinInput, Revoked } from "../repository";
import { audited, type Transition } from "./transitions";
import type { WorkshopMeta } from "./workshopMeta";

export function addInvite(
  meta: WorkshopMeta,
  invite: InviteRecord,
  stamp: AuditStamp,
): Transition<InviteRecord> {
  const record = { ...invite, workshopId: meta.workshop.id };
  return {
    next: {
      ...meta,
      invites: [...meta.invites, record],
      audit: audited(meta, stamp, "invite.create", record.id),
    },
    result: record,
  };
}

export function revokeInvite(meta: WorkshopMeta, inviteId: string, stamp: AuditStamp): Transition<Revoked> {
  const invite = guard.inviteFound(meta.invites.find((i) => i.id === inviteId));
  const joined = (p: { inviteId?: string }) => p.inviteId === inviteId;
  if (invite.revokedAt)
    return { next: meta, result: { invite, participants: meta.participants.filter(joined), changed: false } };
  const at = stamp.at;
  const revoked = { ...invite, revokedAt: at };
  const participants = meta.participants.map((p) =>
    joined(p) && !p.revokedAt ? { ...p, revokedAt: at } : p,
  );
  const next: WorkshopMeta = {
    ...meta,
    invites: meta.invites.map((i) => (i.id === inviteId ? revoked : i)),
    sessions: meta.sessions.map((s) => (joined(s) && !s.revokedAt ? { ...s, revokedAt: at } : s)),
    participants,
    audit: audited(meta, stamp, "invite.revoke", inviteId),
  };
  return { next, result: { invite: revoked, participants: participants.filter(joined), changed: true } };
}

/** Uses an invite once, with every check inside the workshop's write (see MetaRepository.join). */
export function join(meta: WorkshopMeta, input: JoinInput): Transition<Joined> {
  const found = meta.invites.find((i) => i.tokenHash === input.inviteTokenHash);
  const invite = guard.usableInvite(found, input.at);
  const used = { ...invite, uses: invite.uses + 1 };
  const { participant, session } = joinRecords(meta.workshop.id, invite, input);
  const next: WorkshopMeta = {
    ...meta,
    invites: meta.invites.map((i) => (i.id === invite.id ? used : i)),
    participants: [...meta.participants, participant],
    sessions: [...meta.sessions, session],
    audit: audited(meta, { actor: participant.id, at: input.at }, "participant.join", invite.id),
  };
  return { next, result: { workshop: meta.workshop, invite: used, participant, session } };
}
