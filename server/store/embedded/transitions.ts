/**
 * The repository's writes as pure functions from a workshop's metadata to its next version. They
 * never change their input (records in memory are frozen and shared with readers); a guard (the
 * rules are in ../guards.ts, shared with PostgreSQL) that refuses throws before anything is written.
 */

import type { Framework } from "../../../shared/estimation/framework";
import type { DissentNote, FrameworkUnlock, OverallVerdict } from "../../../shared/estimationView";
import * as guard from "../guards";
import { lockedFramework, redetermined, unlockedFramework } from "../recordChanges";
import type {
  AuditAction,
  DeterminationRecord,
  EstimateRecord,
  FrameworkRecord,
  RoomStateRecord,
  RoundRecord,
  SnapshotRecord,
} from "../records";
import type { AuditStamp, NewRound, RevealInput, RoundWithEstimates } from "../repository";
import type { WorkshopMeta } from "./workshopMeta";

export interface Transition<R> {
  next: WorkshopMeta;
  result: R;
}

export function audited(
  meta: WorkshopMeta,
  stamp: AuditStamp,
  action: AuditAction,
  target?: string,
): WorkshopMeta["audit"] {
  const entry = { at: stamp.at, workshopId: meta.workshop.id, actor: stamp.actor, action };
  return [...meta.audit, target === undefined ? entry : { ...entry, target }];
}

/** The framework record as stored, or the default one. */
export function frameworkOf(meta: WorkshopMeta, fallback: Framework): FrameworkRecord {
  return meta.framework ?? { workshopId: meta.workshop.id, framework: fallback, lock: null, unlocks: [] };
}

export function withFramework(
  meta: WorkshopMeta,
  framework: FrameworkRecord,
  stamp: AuditStamp,
  action: AuditAction,
  target?: string,
): Transition<FrameworkRecord> {
  return { next: { ...meta, framework, audit: audited(meta, stamp, action, target) }, result: framework };
}

export function putFramework(
  meta: WorkshopMeta,
  current: FrameworkRecord,
  framework: Framework,
  stamp: AuditStamp,
): Transition<FrameworkRecord> {
  guard.frameworkEditable(current);
  return withFramework(meta, { ...current, framework }, stamp, "framework.edit");
}

export function lockFramework(
  meta: WorkshopMeta,
  current: FrameworkRecord,
  decide: (framework: Framework) => FrameworkRecord["lock"] & object,
  stamp: AuditStamp,
): Transition<FrameworkRecord> {
  guard.frameworkLockable(current);
  const lock = decide(current.framework);
  return withFramework(meta, lockedFramework(current, lock), stamp, "framework.lock", lock.hash);
}

export function unlockFramework(
  meta: WorkshopMeta,
  current: FrameworkRecord,
  unlock: Pick<FrameworkUnlock, "by" | "justification">,
  stamp: AuditStamp,
): Transition<FrameworkRecord> {
  const lock = guard.frameworkUnlockable(current, aRoundIsOpen(meta));
  const next = unlockedFramework(current, lock, unlock, stamp.at);
  return withFramework(meta, next, stamp, "framework.unlock");
}

export function putVerdict(
  meta: WorkshopMeta,
  current: FrameworkRecord,
  decide: (framework: FrameworkRecord, determinations: DeterminationRecord[]) => OverallVerdict,
  stamp: AuditStamp,
): Transition<FrameworkRecord> {
  const verdict = decide(current, meta.determinations);
  return withFramework(meta, { ...current, verdict }, stamp, "verdict.record");
}

export function openRound(
  meta: WorkshopMeta,
  current: FrameworkRecord,
  input: NewRound,
  stamp: AuditStamp,
): Transition<RoundRecord> {
  guard.roundMayOpen(current, aRoundIsOpen(meta));
  const round: RoundRecord = { ...input, number: meta.rounds.length + 1, state: "open" };
  return {
    next: { ...meta, rounds: [...meta.rounds, round], audit: audited(meta, stamp, "round.open", round.id) },
    result: round,
  };
}

function aRoundIsOpen(meta: WorkshopMeta): boolean {
  return meta.rounds.some((r) => r.state === "open");
}

function findRound(meta: WorkshopMeta, roundId: string): RoundRecord {
  return guard.roundFound(meta.rounds.find((r) => r.id === roundId));
}

export function estimatesOf(meta: WorkshopMeta, roundId: string): EstimateRecord[] {
  return meta.estimates.filter((e) => e.roundId === roundId);
}

function replaceRound(meta: WorkshopMeta, round: RoundRecord): WorkshopMeta["rounds"] {
  return meta.rounds.map((r) => (r.id === round.id ? round : r));
}

export function submitEstimate(
  meta: WorkshopMeta,
  estimate: EstimateRecord,
  stamp: AuditStamp,
): Transition<RoundWithEstimates> {
  const round = findRound(meta, estimate.roundId);
  guard.estimateFits(round, estimate);
  const same = (e: EstimateRecord) =>
    e.roundId === estimate.roundId &&
    e.participantId === estimate.participantId &&
    e.scenarioId === estimate.scenarioId;
  const estimates = [...meta.estimates.filter((e) => !same(e)), estimate];
  const target = `${estimate.roundId}/${estimate.scenarioId}`;
  const next = { ...meta, estimates, audit: audited(meta, stamp, "estimate.submit", target) };
  return { next, result: { round, estimates: estimatesOf(next, round.id) } };
}

export function revealRound(
  meta: WorkshopMeta,
  current: FrameworkRecord,
  roundId: string,
  reveal: (input: RevealInput) => RoundRecord["revealed"] & object,
  stamp: AuditStamp,
): Transition<RoundWithEstimates> {
  const found = findRound(meta, roundId);
  guard.roundRevealable(found);
  const estimates = estimatesOf(meta, roundId);
  const revealed = reveal({ round: found, estimates, framework: current, participants: meta.participants });
  const round: RoundRecord = { ...found, state: "revealed", revealedAt: stamp.at, revealed };
  const next = {
    ...meta,
    rounds: replaceRound(meta, round),
    audit: audited(meta, stamp, "round.reveal", round.id),
  };
  return { next, result: { round, estimates } };
}

export function closeRound(
  meta: WorkshopMeta,
  roundId: string,
  stamp: AuditStamp,
): Transition<RoundWithEstimates> {
  const found = findRound(meta, roundId);
  guard.roundClosable(found);
  const round: RoundRecord = { ...found, state: "closed", closedAt: stamp.at };
  const next = {
    ...meta,
    rounds: replaceRound(meta, round),
    audit: audited(meta, stamp, "round.close", round.id),
  };
  return { next, result: { round, estimates: estimatesOf(meta, roundId) } };
}

function withDetermination(
  meta: WorkshopMeta,
  record: DeterminationRecord,
  stamp: AuditStamp,
  action: AuditAction,
): Transition<DeterminationRecord> {
  const determinations = [...meta.determinations.filter((d) => d.riskId !== record.riskId), record];
  return {
    next: { ...meta, determinations, audit: audited(meta, stamp, action, record.riskId) },
    result: record,
  };
}

export function putDetermination(
  meta: WorkshopMeta,
  current: FrameworkRecord,
  riskId: string,
  decide: (framework: FrameworkRecord, previous: DeterminationRecord | undefined) => DeterminationRecord,
  stamp: AuditStamp,
): Transition<DeterminationRecord> {
  guard.determinable(current);
  const previous = meta.determinations.find((d) => d.riskId === riskId);
  const record = redetermined(meta.workshop.id, riskId, decide(current, previous), previous);
  return withDetermination(meta, record, stamp, "determination.record");
}

export function addDissent(
  meta: WorkshopMeta,
  riskId: string,
  note: DissentNote,
  stamp: AuditStamp,
): Transition<DeterminationRecord> {
  const existing = guard.determinationFound(meta.determinations.find((d) => d.riskId === riskId));
  return withDetermination(meta, { ...existing, dissent: [...existing.dissent, note] }, stamp, "dissent.add");
}

export function setRoomState(
  meta: WorkshopMeta,
  room: RoomStateRecord,
  stamp: AuditStamp,
  action: AuditAction,
  target?: string,
): Transition<RoomStateRecord> {
  return { next: { ...meta, room, audit: audited(meta, stamp, action, target) }, result: room };
}

export function addSnapshot(meta: WorkshopMeta, record: SnapshotRecord, stamp: AuditStamp): Transition<void> {
  return {
    next: {
      ...meta,
      snapshots: [...meta.snapshots, record],
      audit: audited(meta, stamp, "snapshot.take", record.id),
    },
    result: undefined,
  };
}
