/**
 * What the control document and exports show of rounds, computed from stored records alone: the
 * round as everyone sees it (who has submitted, never what) and the values published at a reveal.
 */
import { aggregateEstimates } from "../../shared/estimation/aggregate";
import type { Estimate } from "../../shared/estimation/estimate";
import type { RevealedEstimate, RevealedRound, RoundView } from "../../shared/estimationView";
import type { EstimateRecord, RoundRecord } from "../store/records";
import type { RevealInput } from "../store/repository";

export function roundView(round: RoundRecord, estimates: readonly EstimateRecord[]): RoundView {
  const submitted: Record<string, string[]> = {};
  for (const id of round.scenarioIds) submitted[id] = [];
  for (const e of estimates) submitted[e.scenarioId]?.push(e.participantId);
  return {
    id: round.id,
    number: round.number,
    kind: round.kind,
    scenarioIds: [...round.scenarioIds],
    anonymous: round.anonymous,
    state: round.state,
    openedAt: round.openedAt,
    ...(round.revealedAt ? { revealedAt: round.revealedAt } : {}),
    ...(round.closedAt ? { closedAt: round.closedAt } : {}),
    submitted,
  };
}

/** The values and aggregates a reveal publishes, against the framework of that moment. */
export function computeRevealed({ round, estimates, framework, participants }: RevealInput): RevealedRound {
  const all = [...estimates].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  // Aliases follow the order of first submission, the same across the round's scenarios.
  const aliases = new Map<string, string>();
  for (const e of all)
    if (!aliases.has(e.participantId)) aliases.set(e.participantId, `Expert ${letter(aliases.size)}`);
  const names = new Map(participants.map((p) => [p.id, p.displayName]));
  const out: Record<string, RevealedEstimate[]> = {};
  const aggregates: RevealedRound["aggregates"] = {};
  for (const scenarioId of round.scenarioIds) {
    const mine = all.filter((e) => e.scenarioId === scenarioId);
    out[scenarioId] = mine.map((e) => {
      const values: Estimate = {
        probability: e.probability,
        severity: e.severity,
        confidence: e.confidence,
        rationale: e.rationale,
      };
      if (round.anonymous) return { ...values, who: aliases.get(e.participantId)! };
      return { ...values, who: names.get(e.participantId) ?? "Unknown", participantId: e.participantId };
    });
    aggregates[scenarioId] = aggregateEstimates(mine, framework.framework);
  }
  return { estimates: out, aggregates };
}

function letter(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : `${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)}`;
}
