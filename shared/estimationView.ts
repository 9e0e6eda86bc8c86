/**
 * What the control document shows of the estimation process, and the REST bodies that drive it.
 * While a round is open the document holds who has submitted, never a value; values appear only
 * when the facilitator reveals the round.
 */
import type * as Y from "yjs";
import { z } from "zod";
import type { ScenarioAggregate } from "./estimation/aggregate";
import { type Estimate, estimateSchema } from "./estimation/estimate";
import { type Framework, frameworkSchema } from "./estimation/framework";
import { MAX_WATCHED_CONDITIONS, type WatchedCondition, watchedConditionInput } from "./watchedConditions";

export const ROUND_KINDS = ["pre", "residual"] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];
export type RoundState = "open" | "revealed" | "closed";
export const VERDICTS = ["acceptable", "not-acceptable"] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface FrameworkLock {
  lockedAt: string;
  lockedBy: string;
  /** SHA-256 of the framework's canonical JSON at the lock. */
  hash: string;
}

/** An unlock stays on record for good, with the hash it broke and the hash it was locked again at. */
export interface FrameworkUnlock {
  at: string;
  by: string;
  justification: string;
  hashBefore: string;
  hashAfter: string | null;
}

export interface RoundView {
  id: string;
  number: number;
  kind: RoundKind;
  scenarioIds: string[];
  anonymous: boolean;
  state: RoundState;
  openedAt: string;
  revealedAt?: string;
  closedAt?: string;
  /** scenario id → participant ids who have submitted; no values. */
  submitted: Record<string, string[]>;
}

export interface RevealedEstimate extends Estimate {
  /** The expert's name, or "Expert A" … in an anonymous round. */
  who: string;
  /** Only in named rounds. */
  participantId?: string;
}

export interface RevealedRound {
  estimates: Record<string, RevealedEstimate[]>;
  aggregates: Record<string, ScenarioAggregate | null>;
}

export interface DissentNote {
  participantId: string;
  name: string;
  at: string;
  text: string;
}

export interface Determination {
  riskId: string;
  /** The tier reached on the risk's ladder; null for a risk judged under other criteria (no ladder). */
  tierId: string | null;
  /** For a risk without a ladder: the written criterion it was judged against, and why it meets it or not. */
  criterion?: string;
  justification?: string;
  safetyMargin: string;
  marginReasons: string;
  /** The conditions under which this judgement would no longer hold. */
  conditions: string;
  /** The same, stated so they can be watched (shared/watchedConditions.ts); absent on older records. */
  watched?: WatchedCondition[];
  verdict: Verdict;
  evidenceScenarioIds: string[];
  /** Reached the top of the ladder: the framework needs a higher tier defined. */
  needsHigherTier: boolean;
  by: string;
  at: string;
  dissent: DissentNote[];
}

export interface OverallVerdict {
  verdict: Verdict;
  justification: string;
  by: string;
  at: string;
  /**
   * "Acceptable" while these risks' determinations said "not acceptable": the warning, kept with
   * the verdict, and the justification it required.
   */
  conflicts?: string[];
  conflictJustification?: string;
}

const text = (max: number) => z.string().trim().max(max);

export const putFrameworkBody = z.strictObject({ framework: frameworkSchema });
export const unlockBody = z.strictObject({
  justification: text(4000).min(10, "give a written justification (at least 10 characters)"),
});
export const openRoundBody = z.strictObject({
  scenarioIds: z.array(z.string().min(1).max(64)).min(1, "choose at least one scenario").max(200),
  kind: z.enum(ROUND_KINDS).default("pre"),
  anonymous: z.boolean().default(false),
});
export const submitEstimateBody = estimateSchema.extend({ scenarioId: z.string().min(1).max(64) });
export type SubmitEstimateBody = z.infer<typeof submitEstimateBody>;
/**
 * A determination: against the risk's ladder (`tierId`), or, for a risk without one, under other
 * criteria (`tierId` null, with a written `criterion` and `justification`; the server checks which applies).
 */
export const determinationBody = z.strictObject({
  tierId: z.string().min(1).max(64).nullable().default(null),
  criterion: text(4000).default(""),
  justification: text(8000).default(""),
  safetyMargin: text(2000).default(""),
  marginReasons: text(4000).default(""),
  conditions: text(4000).default(""),
  /** Absent: the watched conditions on record (and their marks) are kept; `[]` clears them. */
  watched: z.array(watchedConditionInput).max(MAX_WATCHED_CONDITIONS).optional(),
  verdict: z.enum(VERDICTS),
  evidenceScenarioIds: z.array(z.string().min(1).max(64)).max(200).default([]),
});
/** The least a written criterion or justification says; shorter is refused, as an unlock's is. */
export const MIN_WRITTEN_REASON = 10;
export const verdictBody = z.strictObject({
  verdict: z.enum(VERDICTS),
  justification: text(8000).min(1),
  /** Required when the verdict is "acceptable" while a risk's determination says "not acceptable". */
  conflictJustification: text(8000).optional(),
});

/** The risks whose determinations say "not acceptable": an "acceptable" overall verdict then needs a reason. */
export function conflictingRisks(
  verdict: Verdict,
  determinations: ReadonlyArray<Pick<Determination, "riskId" | "verdict">>,
): string[] {
  if (verdict !== "acceptable") return [];
  return determinations.filter((d) => d.verdict === "not-acceptable").map((d) => d.riskId);
}
export const dissentBody = z.strictObject({ text: text(4000).min(1, "must not be empty") });

/** The control document's maps for estimation: framework, lock, unlocks and verdict in one, then one each. */
export const ESTIMATION_MAP = "estimation";
export const ROUNDS_MAP = "rounds";
export const REVEALED_MAP = "revealed";
export const DETERMINATIONS_MAP = "determinations";
const ESTIMATION = ESTIMATION_MAP;

/** Readers for the estimation parts of the control document. */
export function readFramework(doc: Y.Doc): Framework | null {
  return (doc.getMap(ESTIMATION).get("framework") as Framework | undefined) ?? null;
}
export function readLock(doc: Y.Doc): FrameworkLock | null {
  return (doc.getMap(ESTIMATION).get("lock") as FrameworkLock | undefined) ?? null;
}
export function readUnlocks(doc: Y.Doc): FrameworkUnlock[] {
  return (doc.getMap(ESTIMATION).get("unlocks") as FrameworkUnlock[] | undefined) ?? [];
}
export function readVerdict(doc: Y.Doc): OverallVerdict | null {
  return (doc.getMap(ESTIMATION).get("verdict") as OverallVerdict | undefined) ?? null;
}
export function readRounds(doc: Y.Doc): RoundView[] {
  return [...doc.getMap<RoundView>(ROUNDS_MAP).values()].sort((a, b) => a.number - b.number);
}
export function readRevealed(doc: Y.Doc, roundId: string): RevealedRound | null {
  return (doc.getMap<RevealedRound>(REVEALED_MAP).get(roundId) as RevealedRound | undefined) ?? null;
}
/** Round id → its revealed values, for every revealed round. */
export function readAllRevealed(doc: Y.Doc): Record<string, RevealedRound> {
  return Object.fromEntries(doc.getMap<RevealedRound>(REVEALED_MAP).entries());
}
export function readDeterminations(doc: Y.Doc): Determination[] {
  return [...doc.getMap<Determination>(DETERMINATIONS_MAP).values()];
}

/** Writers, for the server alone (clients' writes to the control document are dropped). */
export const controlWriters = {
  framework: (doc: Y.Doc, framework: Framework, lock: FrameworkLock | null, unlocks: FrameworkUnlock[]) => {
    const map = doc.getMap(ESTIMATION);
    map.set("framework", framework);
    map.set("lock", lock);
    map.set("unlocks", unlocks);
  },
  verdict: (doc: Y.Doc, verdict: OverallVerdict) => doc.getMap(ESTIMATION).set("verdict", verdict),
  round: (doc: Y.Doc, round: RoundView) => doc.getMap<RoundView>(ROUNDS_MAP).set(round.id, round),
  revealed: (doc: Y.Doc, roundId: string, revealed: RevealedRound) =>
    doc.getMap<RevealedRound>(REVEALED_MAP).set(roundId, revealed),
  determination: (doc: Y.Doc, d: Determination) =>
    doc.getMap<Determination>(DETERMINATIONS_MAP).set(d.riskId, d),
};
