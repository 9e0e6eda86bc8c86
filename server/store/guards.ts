/**
 * The rules the repository's writes check inside their transaction (see the contract in
 * repository.ts), written once for every store. Each is pure: it takes the records as the write
 * read them under its lock, throws the DomainError the contract names or returns what passed, and
 * leaves reading, locking and writing to the store.
 */
import { ErrorCode } from "../../shared/errors";
import { DomainError, invalidInput, notFound } from "../domainErrors";
import type {
  DeterminationRecord,
  EstimateRecord,
  FrameworkRecord,
  InviteRecord,
  RoundRecord,
} from "./records";

// ── Framework ───────────────────────────────────────────────────────────────────────────────

/** `putFramework`: only an unlocked framework is edited. */
export function frameworkEditable(current: FrameworkRecord): void {
  if (current.lock)
    throw new DomainError(
      ErrorCode.frameworkLocked,
      "the framework is locked; unlock it with a justification first",
    );
}

/** `lockFramework`: a framework is locked once. */
export function frameworkLockable(current: FrameworkRecord): void {
  if (current.lock) throw new DomainError(ErrorCode.frameworkLocked, "the framework is already locked");
}

/** `unlockFramework`: only a locked framework, and never under an open round; returns the lock. */
export function frameworkUnlockable(
  current: FrameworkRecord,
  aRoundIsOpen: boolean,
): NonNullable<FrameworkRecord["lock"]> {
  if (!current.lock) throw new DomainError(ErrorCode.frameworkUnlocked, "the framework is not locked");
  if (aRoundIsOpen)
    throw new DomainError(
      ErrorCode.roundOpen,
      "close or reveal the open round before unlocking the framework",
    );
  return current.lock;
}

// ── Rounds and estimates ────────────────────────────────────────────────────────────────────

/** `openRound`: the criteria are locked first, and one round is open at a time. */
export function roundMayOpen(current: FrameworkRecord, aRoundIsOpen: boolean): void {
  if (!current.lock)
    throw new DomainError(
      ErrorCode.frameworkNotLocked,
      "lock the framework before the first round: the criteria come first",
    );
  if (aRoundIsOpen)
    throw new DomainError(ErrorCode.roundOpen, "another round is open; reveal or close it first");
}

/** The round a write names, or `not_found`. */
export function roundFound(round: RoundRecord | undefined): RoundRecord {
  if (!round) throw notFound("round");
  return round;
}

/** `submitEstimate`: into an open round, for one of its scenarios. */
export function estimateFits(round: RoundRecord, estimate: Pick<EstimateRecord, "scenarioId">): void {
  if (round.state !== "open")
    throw new DomainError(ErrorCode.roundNotOpen, `round ${round.number} is ${round.state}`, {
      roundId: [`round is ${round.state}`],
    });
  if (!round.scenarioIds.includes(estimate.scenarioId))
    throw invalidInput("this scenario is not in the round", { scenarioId: ["not in this round"] });
}

/** `revealRound`: only an open round is revealed. */
export function roundRevealable(round: RoundRecord): void {
  if (round.state !== "open")
    throw new DomainError(ErrorCode.roundNotOpen, `round ${round.number} is ${round.state}`);
}

/** `closeRound`: a round is closed once. */
export function roundClosable(round: RoundRecord): void {
  if (round.state === "closed")
    throw new DomainError(ErrorCode.roundClosed, `round ${round.number} is already closed`);
}

// ── Determinations ──────────────────────────────────────────────────────────────────────────

/** `putDetermination`: tiers are decided against locked criteria only. */
export function determinable(current: FrameworkRecord): void {
  if (!current.lock)
    throw new DomainError(ErrorCode.frameworkNotLocked, "determinations are made against a locked framework");
}

/** `addDissent`: dissent is added to a determination that exists. */
export function determinationFound(existing: DeterminationRecord | undefined): DeterminationRecord {
  if (!existing) throw notFound("determination");
  return existing;
}

// ── Invites ─────────────────────────────────────────────────────────────────────────────────

/** `revokeInvite`: the invite the write names, or `not_found`. */
export function inviteFound(invite: InviteRecord | undefined): InviteRecord {
  if (!invite) throw notFound("invite");
  return invite;
}

/** What a token that matches no invite is told. */
export const unknownInvite = () => new DomainError(ErrorCode.inviteInvalid, "this invite link is not valid");

/** The invite a token matched, or `invite_invalid`. */
export function knownInvite(invite: InviteRecord | undefined): InviteRecord {
  if (!invite) throw unknownInvite();
  return invite;
}

/**
 * `join` (and the join page's preview, refused exactly as joining would be): a known invite, not
 * revoked, not expired at `at` (ISO time), not used up. Checked in this order.
 */
export function usableInvite(invite: InviteRecord | undefined, at: string): InviteRecord {
  const known = knownInvite(invite);
  if (known.revokedAt) throw new DomainError(ErrorCode.inviteRevoked, "this invite link was revoked");
  if (known.expiresAt && Date.parse(known.expiresAt) <= Date.parse(at))
    throw new DomainError(ErrorCode.inviteExpired, "this invite link has expired");
  if (known.maxUses !== undefined && known.uses >= known.maxUses)
    throw new DomainError(ErrorCode.inviteUsedUp, "this invite link has been used as often as allowed");
  return known;
}
