/**
 * Workshops, invites, joins, revocations and room levers in PostgreSQL: each function is the body
 * of one transaction that already holds its workshop's row lock (see `lockWorkshop`).
 */
import * as guard from "../guards";
import { joinRecords } from "../recordChanges";
import type {
  InviteRecord,
  ParticipantRecord,
  RoomStateRecord,
  SessionRecord,
  WorkshopRecord,
} from "../records";
import type {
  AuditStamp,
  CreateWorkshopInput,
  Joined,
  JoinInput,
  Revoked,
  RoomStateChange,
} from "../repository";
import type { PoolClient } from "./pool";
import { appendAuditRow, record, records } from "./sql";

export async function insertWorkshop(
  client: PoolClient,
  { workshop, participant, session }: CreateWorkshopInput,
  stamp: AuditStamp,
): Promise<void> {
  await client.query("INSERT INTO workshops (id, created_at, record) VALUES ($1, $2, $3)", [
    workshop.id,
    workshop.createdAt,
    workshop,
  ]);
  await insertParticipant(client, participant);
  await insertSession(client, session);
  await appendAuditRow(client, workshop.id, stamp, "workshop.create");
}

export async function insertInvite(
  client: PoolClient,
  workshop: WorkshopRecord,
  invite: InviteRecord,
  stamp: AuditStamp,
): Promise<InviteRecord> {
  const stored = { ...invite, workshopId: workshop.id };
  await client.query("INSERT INTO invites (workshop_id, id, token_hash, record) VALUES ($1, $2, $3, $4)", [
    workshop.id,
    stored.id,
    stored.tokenHash,
    stored,
  ]);
  await appendAuditRow(client, workshop.id, stamp, "invite.create", stored.id);
  return stored;
}

export async function revoke(
  client: PoolClient,
  workshopId: string,
  inviteId: string,
  stamp: AuditStamp,
): Promise<Revoked> {
  const found = await record<InviteRecord>(
    client,
    "SELECT record FROM invites WHERE workshop_id = $1 AND id = $2",
    [workshopId, inviteId],
  );
  const invite = guard.inviteFound(found);
  const joined = () =>
    records<ParticipantRecord>(
      client,
      "SELECT record FROM participants WHERE workshop_id = $1 AND invite_id = $2 ORDER BY n",
      [workshopId, inviteId],
    );
  if (invite.revokedAt) return { invite, participants: await joined(), changed: false };
  const at = { revokedAt: stamp.at };
  const revoked = { ...invite, ...at };
  await client.query("UPDATE invites SET record = $3 WHERE workshop_id = $1 AND id = $2", [
    workshopId,
    inviteId,
    revoked,
  ]);
  // Only those not revoked already: an earlier revocation's time stays on record.
  for (const table of ["sessions", "participants"]) {
    await client.query(
      `UPDATE ${table} SET record = record || $3::jsonb
       WHERE workshop_id = $1 AND invite_id = $2 AND NOT record ? 'revokedAt'`,
      [workshopId, inviteId, at],
    );
  }
  await appendAuditRow(client, workshopId, stamp, "invite.revoke", inviteId);
  return { invite: revoked, participants: await joined(), changed: true };
}

/** The checks of `MetaRepository.join`, in its order, on the invite as it is under the lock. */
export async function useInvite(
  client: PoolClient,
  workshop: WorkshopRecord,
  input: JoinInput,
): Promise<Joined> {
  const found = await record<InviteRecord>(
    client,
    "SELECT record FROM invites WHERE workshop_id = $1 AND token_hash = $2",
    [workshop.id, input.inviteTokenHash],
  );
  const invite = guard.usableInvite(found, input.at);
  const used = { ...invite, uses: invite.uses + 1 };
  await client.query("UPDATE invites SET record = $3 WHERE workshop_id = $1 AND id = $2", [
    workshop.id,
    invite.id,
    used,
  ]);
  const { participant, session } = joinRecords(workshop.id, invite, input);
  await insertParticipant(client, participant);
  await insertSession(client, session);
  await appendAuditRow(
    client,
    workshop.id,
    { actor: participant.id, at: input.at },
    "participant.join",
    invite.id,
  );
  return { workshop, invite: used, participant, session };
}

export async function changeRoomState(
  client: PoolClient,
  workshopId: string,
  change: RoomStateChange,
  stamp: AuditStamp,
): Promise<RoomStateRecord> {
  const current =
    (await record<RoomStateRecord>(client, "SELECT record FROM room_states WHERE workshop_id = $1", [
      workshopId,
    ])) ?? {};
  const next = change.change(current);
  await client.query(
    `INSERT INTO room_states (workshop_id, record) VALUES ($1, $2)
     ON CONFLICT (workshop_id) DO UPDATE SET record = EXCLUDED.record`,
    [workshopId, next],
  );
  await appendAuditRow(client, workshopId, stamp, change.action, change.target);
  return next;
}

async function insertParticipant(client: PoolClient, p: ParticipantRecord): Promise<void> {
  await client.query(
    "INSERT INTO participants (workshop_id, id, invite_id, record) VALUES ($1, $2, $3, $4)",
    [p.workshopId, p.id, p.inviteId ?? null, p],
  );
}

async function insertSession(client: PoolClient, s: SessionRecord): Promise<void> {
  await client.query(
    "INSERT INTO sessions (token_hash, workshop_id, invite_id, record) VALUES ($1, $2, $3, $4)",
    [s.tokenHash, s.workshopId, s.inviteId ?? null, s],
  );
}
