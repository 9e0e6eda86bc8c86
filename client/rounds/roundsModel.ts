/** Pure reading of rounds for the view: order, the round before, progress, severity in words. */
import type { ParticipantView } from "../../shared/api";
import { severityRank } from "../../shared/estimation/aggregate";
import type { Severity } from "../../shared/estimation/estimate";
import { isLevelSeverity } from "../../shared/estimation/estimate";
import type { Framework } from "../../shared/estimation/framework";
import type { RoundKind, RoundView } from "../../shared/estimationView";

export const KIND_LABELS: Record<RoundKind, string> = {
  pre: "Pre-mitigation",
  residual: "Residual",
};

export function newestFirst(rounds: readonly RoundView[]): RoundView[] {
  return [...rounds].sort((a, b) => b.number - a.number);
}

/**
 * The round whose answers an expert revises from: the latest earlier round of the same kind that
 * covered the scenario and has been revealed (a pre-mitigation guess says little about residual risk).
 */
export function previousRoundFor(
  rounds: readonly RoundView[],
  current: RoundView,
  scenarioId: string,
): RoundView | undefined {
  return newestFirst(rounds).find(
    (r) =>
      r.number < current.number &&
      r.kind === current.kind &&
      r.state !== "open" &&
      r.scenarioIds.includes(scenarioId),
  );
}

/** The workshop's experts, those with a revoked invite included only if they already submitted. */
export function expertsOf(
  participants: readonly ParticipantView[],
  submitted: readonly string[],
): ParticipantView[] {
  return participants.filter((p) => p.role === "expert" && (!p.revokedAt || submitted.includes(p.id)));
}

export interface Progress {
  done: number;
  total: number;
  label: string;
}

/** "2 of 3 experts" for one scenario of an open round. */
export function progressOf(experts: readonly ParticipantView[], submitted: readonly string[]): Progress {
  const ids = new Set(experts.map((e) => e.id));
  const done = new Set(submitted.filter((id) => ids.has(id))).size;
  const total = experts.length;
  return { done, total, label: `${done} of ${total} expert${total === 1 ? "" : "s"}` };
}

/** A severity as people read it: the level's name, or "10 (1–100) deaths" in the anchors' unit. */
export function formatSeverity(f: Framework | null, s: Severity): string {
  if (isLevelSeverity(s)) return f?.severityLevels.find((l) => l.id === s.levelId)?.name ?? s.levelId;
  const unit = f?.severityLevels[0]?.anchorUnit;
  return `${formatValue(s.best)} (${formatValue(s.low)}–${formatValue(s.high)})${unit ? ` ${unit}` : ""}`;
}

/** Numbers in the anchors' unit: grouped thousands, at most three decimals. */
export function formatValue(x: number): string {
  return x.toLocaleString("en", { maximumFractionDigits: 3 });
}

/** True when severities may be given as numbers: every level has a numeric anchor. */
export function valueSeverityAllowed(f: Framework | null): boolean {
  return (
    f !== null && f.severityLevels.length > 0 && f.severityLevels.every((l) => l.anchorValue !== undefined)
  );
}

/** The likelihood period the framework states, e.g. "per year of deployment". */
export function periodOf(f: Framework | null): string {
  return f?.likelihoodBands[0]?.period ?? "";
}

/** The open round and how many of its scenarios still lack this expert's estimate; null when none is open. */
export function waitingFor(
  rounds: readonly RoundView[],
  participantId: string,
): { round: RoundView; count: number } | null {
  const round = rounds.find((r) => r.state === "open");
  if (!round) return null;
  const count = round.scenarioIds.filter((id) => !(round.submitted[id] ?? []).includes(participantId)).length;
  return { round, count };
}

/**
 * When an even number of experts split around the middle between two severity levels, the median
 * is the more severe (see shared/estimation/aggregate.ts): the two levels, to say which was taken.
 * Null when the middle is one level, or when every expert gave a number (the level is that of the
 * median value).
 */
export function medianBetween(
  f: Framework,
  severities: readonly Severity[],
): { lower: string; upper: string } | null {
  if (severities.every((s) => !isLevelSeverity(s))) return null;
  const ranks = severities
    .map((s) => severityRank(f, s))
    .filter((r) => r >= 0)
    .sort((a, b) => a - b);
  if (ranks.length === 0 || ranks.length % 2 !== 0) return null;
  const lower = f.severityLevels[ranks[ranks.length / 2 - 1] ?? -1];
  const upper = f.severityLevels[ranks[ranks.length / 2] ?? -1];
  return lower && upper && lower !== upper ? { lower: lower.name, upper: upper.name } : null;
}
