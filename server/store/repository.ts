/**
 * The storage seam: what services may ask of metadata storage, whatever holds it (the embedded
 * per-workshop files by default, PostgreSQL with DATABASE_URL).
 *
 * The contract every implementation keeps:
 *
 * - **One write, one transaction.** Each write method is atomic and durable when its promise
 *   resolves: all of it is stored (its audit entry included), or none of it is. Only after it
 *   resolves may a service change memory, caches, sockets or the control document.
 * - **Guards belong to the write.** Where two requests could race (a round revealed twice, an
 *   invite's last use, an estimate against a round being revealed), the method checks the rule
 *   inside its transaction and throws the domain error named below; services do not read and
 *   then write. An implementation may serialise the writes of one workshop to get this (the
 *   embedded store has one queue per workshop; PostgreSQL can lock the workshop's row first).
 *   The rules are written once, as pure functions in `guards.ts`, and the records a passed write
 *   makes in `recordChanges.ts`; an implementation calls them on what it read under its lock.
 * - **Decide callbacks** (`reveal`, `lock`, `decide`, `change`) are pure and synchronous, run inside
 *   the transaction on the current state, and may be called more than once (a retried transaction).
 *   One that throws aborts the write with nothing stored, and its error reaches the caller.
 * - **Records are read-only.** What a method returns is a snapshot; mutating it changes nothing
 *   stored and is a bug (the embedded store freezes them, so it throws). To change a record, call
 *   the action that changes it.
 * - **Failures.** A write that could not be made durable throws `StoreUnavailable`
 *   (`store_unavailable`, answered 503) and leaves storage and every later read as before; it is
 *   never written later by another call. Stored data that cannot be read back (a corrupt file or
 *   row) throws `StoreCorrupt` (`store_corrupt`) and is never overwritten.
 * - **Reads** never write (the default framework is returned, not inserted) and cost what the one
 *   workshop holds, never what the whole store holds; only `workshops()` lists everything.
 *
 * Every write takes an `AuditStamp` and appends one audit entry `{ at, workshopId, actor, action,
 * target }`, with the action (and target) named on the method. The store chains each entry to the
 * workshop's previous one (`seq`, `prev`, `hash`; shared/audit.ts) inside the same write, reading
 * the previous hash under the same lock, so concurrent writers never fork the chain. Writes naming a workshop throw
 * `not_found` when it does not exist.
 *
 * Implementations: `server/store/embedded/` (files under DATA_DIR, the default) and
 * `server/store/postgres/` (DATABASE_URL); `openStores` in `server/store/index.ts` picks one.
 */
import type { AuditEntry } from "../../shared/audit";
import type { Framework } from "../../shared/estimation/framework";
import type {
  DissentNote,
  FrameworkLock,
  FrameworkUnlock,
  OverallVerdict,
  RevealedRound,
} from "../../shared/estimationView";
import type { DocPersistence } from "./docLog";
import type { IncidentRepository } from "./incidentRecords";
import type { ModelStore } from "./modelRecords";
import type {
  AuditAction,
  AuditRecord,
  DeterminationRecord,
  EstimateRecord,
  FrameworkRecord,
  InviteRecord,
  ParticipantRecord,
  RoomStateRecord,
  RoundRecord,
  ScenarioDissentRecord,
  SessionRecord,
  SnapshotRecord,
  WorkshopRecord,
} from "./records";
import type { TimelineStore } from "./timelineRecords";

/** Who did it and when: the audit entry's `actor` (a participant id) and `at` (ISO time). */
export interface AuditStamp {
  actor: string;
  at: string;
}

export interface CreateWorkshopInput {
  workshop: WorkshopRecord;
  /** The first facilitator, with no invite. */
  participant: ParticipantRecord;
  session: SessionRecord;
}

export interface JoinInput {
  inviteTokenHash: string;
  participantId: string;
  displayName: string;
  sessionTokenHash: string;
  /** The join's time: the participant's `joinedAt`, the session's `createdAt`, the audit's `at`. */
  at: string;
  sessionExpiresAt: string;
}

export interface Joined {
  workshop: WorkshopRecord;
  invite: InviteRecord;
  participant: ParticipantRecord;
  session: SessionRecord;
}

export interface Revoked {
  invite: InviteRecord;
  /** The participants who joined through the invite, now revoked. */
  participants: ParticipantRecord[];
  /** False when the invite was already revoked: nothing was written. */
  changed: boolean;
}

/** What a reveal is computed from, read inside the reveal's transaction. */
export interface RevealInput {
  round: RoundRecord;
  estimates: EstimateRecord[];
  framework: FrameworkRecord;
  participants: ParticipantRecord[];
}

export interface RoundWithEstimates {
  round: RoundRecord;
  /** The round's estimates after the write, in submission order. */
  estimates: EstimateRecord[];
}

export type NewRound = Omit<RoundRecord, "number" | "state" | "revealedAt" | "closedAt" | "revealed">;

export interface RoomStateChange {
  change: (current: RoomStateRecord) => RoomStateRecord;
  action: Extract<AuditAction, "phase.set" | "timer.start" | "timer.stop" | "focus.set">;
  target?: string;
}

export interface ScenarioDissentState {
  notes: ScenarioDissentRecord[];
  /** When the content document's notes were taken over; absent until then. */
  takenOverAt?: string;
}

export interface MetaRepository extends IncidentRepository {
  // ── Reads ───────────────────────────────────────────────────────────────────────────────
  workshop(id: string): Promise<WorkshopRecord | undefined>;
  /** Every workshop, oldest first: for the export command and operators, never a request path. */
  workshops(): Promise<WorkshopRecord[]>;
  participant(workshopId: string, participantId: string): Promise<ParticipantRecord | undefined>;
  /** In join order. */
  participantsOf(workshopId: string): Promise<ParticipantRecord[]>;
  invite(workshopId: string, inviteId: string): Promise<InviteRecord | undefined>;
  /** In creation order. */
  invitesOf(workshopId: string): Promise<InviteRecord[]>;
  inviteByTokenHash(tokenHash: string): Promise<InviteRecord | undefined>;
  sessionByTokenHash(tokenHash: string): Promise<SessionRecord | undefined>;
  /** The stored record, or the default framework (unlocked, no unlocks) when none was ever written. */
  framework(workshopId: string): Promise<FrameworkRecord>;
  /** By number. */
  roundsOf(workshopId: string): Promise<RoundRecord[]>;
  round(workshopId: string, roundId: string): Promise<RoundRecord | undefined>;
  /** In submission order. */
  estimatesOf(workshopId: string, roundId: string): Promise<EstimateRecord[]>;
  determinationsOf(workshopId: string): Promise<DeterminationRecord[]>;
  /** In the order taken. */
  snapshotsOf(workshopId: string): Promise<SnapshotRecord[]>;
  roomState(workshopId: string): Promise<RoomStateRecord>;
  /**
   * The workshop's audit chain, in order (see shared/audit.ts). A trail stored by an earlier
   * version is shown chained behind its genesis entry, as its next write will store it.
   */
  auditOf(workshopId: string): Promise<AuditEntry[]>;

  // ── Writes (each one transaction; see the contract above) ─────────────────────────────────
  /** The workshop, its first participant and session. Audit: `workshop.create`. */
  createWorkshop(input: CreateWorkshopInput, stamp: AuditStamp): Promise<void>;
  /** Audit: `invite.create` → invite id. Throws `not_found` without the workshop. */
  addInvite(invite: InviteRecord, stamp: AuditStamp): Promise<InviteRecord>;
  /**
   * Revokes the invite, every session opened through it and their participants, at `stamp.at`.
   * Idempotent: an invite already revoked is returned with `changed: false` and nothing written.
   * Audit: `invite.revoke` → invite id. Throws `not_found` for an invite of another workshop.
   */
  revokeInvite(workshopId: string, inviteId: string, stamp: AuditStamp): Promise<Revoked>;
  /**
   * Uses the invite once: checks, in this order, that it exists (`invite_invalid`), is not revoked
   * (`invite_revoked`), has not expired at `input.at` (`invite_expired`) and has a use left
   * (`invite_used_up`; `maxUses` is never exceeded, whatever the concurrency), then adds one use,
   * the participant (with the invite's role and workshop) and the session.
   * Audit: `participant.join` by the new participant → invite id.
   */
  join(input: JoinInput): Promise<Joined>;
  /** Phase, timer or focus, decided from the stored state. Audit: the change's own action. */
  setRoomState(workshopId: string, change: RoomStateChange, stamp: AuditStamp): Promise<RoomStateRecord>;

  /** Replaces an unlocked framework (`framework_locked` otherwise). Audit: `framework.edit`. */
  putFramework(workshopId: string, framework: Framework, stamp: AuditStamp): Promise<FrameworkRecord>;
  /**
   * Locks with what `lock` decides from the current framework (it throws, e.g.
   * `framework_incomplete`, to refuse); `framework_locked` if already locked. The last unlock's
   * `hashAfter` becomes the new hash. Audit: `framework.lock` → hash.
   */
  lockFramework(
    workshopId: string,
    lock: (framework: Framework) => FrameworkLock,
    stamp: AuditStamp,
  ): Promise<FrameworkRecord>;
  /**
   * Unlocks, keeping `{ at, by, justification, hashBefore: lock hash, hashAfter: null }` for good.
   * Throws `framework_unlocked` if not locked, `round_open` while a round is open.
   * Audit: `framework.unlock`.
   */
  unlockFramework(
    workshopId: string,
    unlock: Pick<FrameworkUnlock, "by" | "justification">,
    stamp: AuditStamp,
  ): Promise<FrameworkRecord>;

  /**
   * Opens a round numbered one past the last. Throws `framework_not_locked` unless the framework is
   * locked, `round_open` while another round is open. Audit: `round.open` → round id.
   */
  openRound(round: NewRound, stamp: AuditStamp): Promise<RoundRecord>;
  /**
   * Stores an expert's estimate, replacing their earlier one for the same scenario in the round.
   * Accepted only while the round is open: `not_found` for an unknown round, `round_not_open`
   * once it is revealed or closed (a reveal and a submit never interleave), `invalid_input` for a
   * scenario not in the round. Audit: `estimate.submit` → `<roundId>/<scenarioId>` (never a value).
   */
  submitEstimate(estimate: EstimateRecord, stamp: AuditStamp): Promise<RoundWithEstimates>;
  /**
   * Reveals an open round once: `round_not_open` if it is not open (so of two racing reveals one
   * gets the conflict), `not_found` for an unknown round. Stores `revealedAt = stamp.at` and the
   * values `reveal` computes from the round's estimates and the framework, read in the same
   * transaction. Audit: `round.reveal` → round id.
   */
  revealRound(
    workshopId: string,
    roundId: string,
    reveal: (input: RevealInput) => RevealedRound,
    stamp: AuditStamp,
  ): Promise<RoundWithEstimates>;
  /** Closes an open or revealed round: `round_closed` if closed already. Audit: `round.close` → id. */
  closeRound(workshopId: string, roundId: string, stamp: AuditStamp): Promise<RoundWithEstimates>;

  /**
   * Records the determination `decide` makes from the framework record and the previous
   * determination of the risk; `framework_not_locked` unless locked. The dissent on record against
   * the previous one is kept, whatever `decide` returns. Audit: `determination.record` → risk id.
   */
  putDetermination(
    workshopId: string,
    riskId: string,
    decide: (framework: FrameworkRecord, previous: DeterminationRecord | undefined) => DeterminationRecord,
    stamp: AuditStamp,
  ): Promise<DeterminationRecord>;
  /** Appends a dissent note; `not_found` without a determination. Audit: `dissent.add` → risk id. */
  addDissent(
    workshopId: string,
    riskId: string,
    note: DissentNote,
    stamp: AuditStamp,
  ): Promise<DeterminationRecord>;
  /**
   * The overall verdict `decide` makes from the framework record and the determinations stored
   * (read in the same transaction; it throws to refuse), kept on the framework record.
   * Audit: `verdict.record`.
   */
  putVerdict(
    workshopId: string,
    decide: (framework: FrameworkRecord, determinations: DeterminationRecord[]) => OverallVerdict,
    stamp: AuditStamp,
  ): Promise<FrameworkRecord>;

  /** Indexes a snapshot whose blob is already stored. Audit: `snapshot.take` → snapshot id. */
  addSnapshot(record: SnapshotRecord, stamp: AuditStamp): Promise<void>;
  /** Scenario dissent in the order recorded, and whether the content document's notes were taken over. */
  scenarioDissentOf(workshopId: string): Promise<ScenarioDissentState>;
  /** Appends a note. Audit: `scenario.dissent` → scenario id. */
  addScenarioDissent(note: ScenarioDissentRecord, stamp: AuditStamp): Promise<ScenarioDissentRecord>;
  /**
   * Once per workshop: stores the notes found in its content document (marked legacy) and that
   * they were taken over. Returns false, writing nothing, when that was done already.
   * Audit: `scenario.dissent.takeover` → how many (no entry when there were none).
   */
  takeOverScenarioDissent(
    workshopId: string,
    notes: ScenarioDissentRecord[],
    stamp: AuditStamp,
  ): Promise<boolean>;
  /** An audit entry on its own, for actions that change nothing else. */
  appendAudit(entry: AuditRecord): Promise<void>;
}

/** Snapshot blobs: written once, read back only when their SHA-256 still matches. */
export interface SnapshotBlobs {
  /** Stores the blob; never overwrites one. Returns the SHA-256 and size of the stored bytes. */
  write(workshopId: string, id: string, blob: unknown): Promise<{ sha256: string; bytes: number }>;
  /**
   * The parsed blob. Throws `SnapshotCorrupt` when the bytes no longer match `sha256`, and an
   * error with `code: "ENOENT"` when it is missing.
   */
  read(workshopId: string, id: string, sha256: string): Promise<unknown>;
}

/** Everything the server stores, opened once at start by `openStores`. */
export interface Stores {
  meta: MetaRepository;
  /** Document update logs: the sync layer's persistence. */
  docs: DocPersistence;
  blobs: SnapshotBlobs;
  /** Models, their sign-offs and issued report versions (modelRecords.ts). */
  models: ModelStore;
  /** Tier-timeline rounds (timelineRecords.ts). */
  timelines: TimelineStore;
  /** Waits for writes in flight and releases files or connections. */
  close(): Promise<void>;
}
