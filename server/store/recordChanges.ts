/**
 * The records a write makes once its guard (guards.ts) has passed, where that does not depend on
 * the store: both stores build them here and differ only in how they read and write them. Pure;
 * inputs are never changed (the embedded store's records are frozen).
 */
import type { FrameworkUnlock } from "../../shared/estimationView";
import type {
  DeterminationRecord,
  FrameworkRecord,
  InviteRecord,
  ParticipantRecord,
  SessionRecord,
} from "./records";
import type { JoinInput } from "./repository";

type Lock = NonNullable<FrameworkRecord["lock"]>;

/** Locked with `lock`; an unlock still waiting for the hash it led to gets this lock's. */
export function lockedFramework(current: FrameworkRecord, lock: Lock): FrameworkRecord {
  const last = current.unlocks.at(-1);
  const unlocks =
    last && last.hashAfter === null
      ? [...current.unlocks.slice(0, -1), { ...last, hashAfter: lock.hash }]
      : current.unlocks;
  return { ...current, lock, unlocks };
}

/** Unlocked from `lock`, with the unlock on record until the next lock names its hash. */
export function unlockedFramework(
  current: FrameworkRecord,
  lock: Lock,
  unlock: Pick<FrameworkUnlock, "by" | "justification">,
  at: string,
): FrameworkRecord {
  const entry: FrameworkUnlock = { at, ...unlock, hashBefore: lock.hash, hashAfter: null };
  return { ...current, lock: null, unlocks: [...current.unlocks, entry] };
}

/** A new determination of a risk; challenges stay on record, so it keeps the earlier dissent. */
export function redetermined(
  workshopId: string,
  riskId: string,
  decided: DeterminationRecord,
  previous: DeterminationRecord | undefined,
): DeterminationRecord {
  return { ...decided, workshopId, riskId, dissent: previous?.dissent ?? [] };
}

/** What joining through `invite` adds: the participant, with the invite's role, and its session. */
export function joinRecords(
  workshopId: string,
  invite: InviteRecord,
  input: JoinInput,
): { participant: ParticipantRecord; session: SessionRecord } {
  const participant: ParticipantRecord = {
    id: input.participantId,
    workshopId,
    displayName: input.displayName,
    role: invite.role,
    joinedAt: input.at,
    inviteId: invite.id,
  };
  const session: SessionRecord = {
    tokenHash: input.sessionTokenHash,
    workshopId,
    participantId: participant.id,
    inviteId: invite.id,
    createdAt: input.at,
    expiresAt: input.sessionExpiresAt,
  };
  return { participant, session };
}
