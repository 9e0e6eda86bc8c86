/**
 * The tier-timeline forecasts a snapshot holds: its control document's revealed timeline rounds
 * (shared/timeline.ts), latest round per risk, as the model report states them.
 */
import * as Y from "yjs";
import type { TimelinePart } from "../../shared/modelReport";
import {
  type RevealedTimeline,
  TIMELINE_REVEALED_MAP,
  TIMELINE_ROUNDS_MAP,
  type TimelineRoundView,
} from "../../shared/timeline";

export function timelinesOf(
  controlUpdate: Uint8Array,
  riskTitle: (riskId: string) => string,
): TimelinePart[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, controlUpdate);
  const rounds = [...doc.getMap<TimelineRoundView>(TIMELINE_ROUNDS_MAP).values()].sort(
    (a, b) => a.number - b.number,
  );
  const revealed = doc.getMap<RevealedTimeline>(TIMELINE_REVEALED_MAP);
  const latest = new Map<string, TimelinePart>();
  for (const round of rounds) {
    const r = revealed.get(round.id);
    if (!r || !round.revealedAt) continue;
    for (const riskId of round.riskIds) {
      const aggregate = r.aggregates[riskId];
      if (!aggregate) continue;
      latest.set(riskId, {
        riskId,
        riskTitle: riskTitle(riskId),
        nextTier: round.nextTier[riskId] ?? null,
        roundNumber: round.number,
        revealedAt: round.revealedAt,
        aggregate,
        forecasts: r.forecasts[riskId] ?? [],
      });
    }
  }
  doc.destroy();
  return [...latest.values()];
}
