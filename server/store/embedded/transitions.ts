/**
 * The repository's writes as pure functions from a workshop's metadata to its next version. They
 * never change their input (records in memory are frozen and shared with readers); a guard that
 * refuses throws a DomainError before anything is written.
 */

import { ErrorCode } from "../../../shared/errors";
import type { Framework } from "../../../shared/estimation/framework";
import type { DissentNote, FrameworkUnlock, OverallVerdict } from "../../../shared/estimationView";
import { DomainError, invalidInput, notFound } from "../../domainErrors";
import type {
  AuditAction,
  DeterminationRecord,
  EstimateRecord,
  FrameworkRecord,
  RoomStateRecord,
  RoundRecord,
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
  if (current.lock)
    throw new DomainError(
      ErrorCode.frameworkLocked,
      "the framework is locked; unlock it with a justification first",
    );
  return withFramework(meta, { ...current, framework }, stamp, "framework.edit");
}

export function lockFramework(
  meta: WorkshopMeta,
  current: FrameworkRecord,
  decide: (framework: Framework) => FrameworkRecord["lock"] & object,
  stamp: AuditStamp,
): Transition<FrameworkRecord> {
  if (current.lock) throw new DomainError(ErrorCode.frameworkLocked, "the framework is already locked");
  const lock = decide(current.framework);
  const last = current.unlocks.at(-1);
  const unlocks =
    last && last.hashAfter === null
      ? [...current.unlocks.slice(0, -1), { ...last, hashAfter: lock.hash }]
      : current.unlocks;
  return withFramework(meta, { ...current, lock, unlocks }, stamp, "framework.lock", lock.hash);
}

export function unlockFramework(
  meta: WorkshopMeta,
  current: FrameworkRecord,
  unlock: Pick<FrameworkUnlock, "by" | "justification">,
  stamp: AuditStamp,
): Transition<FrameworkRecord> {
  if (!current.lock) throw new DomainError(ErrorCode.frameworkUnlocked, "the framework is not locked");
  if (meta.rounds.some((r) => r.state === "open"))
    throw new DomainError(
      ErrorCode.roundOpen,
      "close or reveal the open round before unlocking the framework",
    );
  const entry: FrameworkUnlock = { at: stamp.at, ...unlock, hashBefore: current.lock.hash, hashAfter: null };
  return withFramework(
    meta,
    { ...current, lock: null, unlocks: [...current.unlocks, entry] },
    stamp,
    "framework.unlock",
  );
}

export function putVerdict(
  meta: WorkshopMeta,
  current: FrameworkRecord,
  verdict: OverallVerdict,
  stamp: AuditStamp,
): Transition<FrameworkRecord> {
  return withFramework(meta, { ...current, verdict }, stamp, "verdict.record");
}

export function openRound(
  meta: WorkshopMeta,
  current: FrameworkRecord,
  input: NewRound,
  stamp: AuditStamp,
): Transition<RoundRecord> {
  if (!current.lock)
    throw new DomainError(
      ErrorCode.frameworkNotLocked,
      "lock the framework before the first round: the criteria come first",
    );
  if (meta.rounds.some((r) => r.state === "open"))
    throw new DomainError(ErrorCode.roundOpen, "another round is open; reveal or close it first");
  const round: RoundRecord = { ...input, number: meta.rounds.length + 1, state: "open" };
  return {
    next: { ...meta, rounds: [...meta.rounds, round], audit: audited(meta, stamp, "round.open", round.id) },
    result: round,
  };
}

function findRound(meta: WorkshopMeta, roundId: string): RoundRecord {
  const round = meta.rounds.find((r) => r.id === roundId);
  if (!round) throw notFound("round");
  return round;
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
  if (round.state !== "open")
    throw new DomainError(ErrorCode.roundNotOpen, `round ${round.number} is ${round.state}`, {
      roundId: [`round is ${round.state}`],
    });
  if (!round.scenarioIds.includes(estimate.scenarioId))
    throw invalidInput("this scenario is not in the round", { scenarioId: ["not in this round"] });
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
  if (found.state !== "open")
    throw new DomainError(ErrorCode.roundNotOpen, `round ${found.number} is ${found.state}`);
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
  if (found.state === "closed")
    throw new DomainError(ErrorCode.roundClosed, `round ${found.number} is already closed`);
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
  if (!current.lock)
    throw new DomainError(ErrorCode.frameworkNotLocked, "determinations are made against a locked framework");
  const previous = meta.determinations.find((d) => d.riskId === riskId);
  const decided = decide(current, previous);
  // Challenges stay on record: a new determination keeps the dissent against the earlier one.
  const record = { ...decided, workshopId: meta.workshop.id, riskId, dissent: previous?.dissent ?? [] };
  return withDetermination(meta, record, stamp, "determination.record");
}

export function addDissent(
  meta: WorkshopMeta,
  riskId: string,
  note: DissentNote,
  stamp: AuditStamp,
): Transition<DeterminationRecord> {
  const existing = meta.determinations.find((d) => d.riskId === riskId);
  if (!existing) throw notFound("determination");
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
