/**
 * Stored shapes of tier-timeline rounds (shared/timeline.ts) and the contract both stores keep.
 * One workshop's timeline rounds are one record, written whole under that workshop's lock; the
 * forecasts inside stay in storage until the round is revealed.
 */
import type { RevealedTimeline, TimelineForecastBody, TimelineState } from "../../shared/timeline";

export interface TimelineForecastRecord extends TimelineForecastBody {
  participantId: string;
  submittedAt: string;
}

export interface TimelineRoundRecord {
  id: string;
  number: number;
  riskIds: string[];
  nextTier: Record<string, string | null>;
  anonymous: boolean;
  state: TimelineState;
  openedAt: string;
  openedBy: string;
  revealedAt?: string;
  closedAt?: string;
  /** Secret until revealed: never written to a document, an audit target or an answer to another. */
  forecasts: TimelineForecastRecord[];
  revealed?: RevealedTimeline;
}

/** Decides the workshop's next rounds from the stored ones; pure, may run more than once, throws to refuse. */
export type DecideTimeline<R> = (rounds: readonly TimelineRoundRecord[]) => {
  rounds: TimelineRoundRecord[];
  result: R;
};

export interface TimelineStore {
  /** By number; none for a workshop that never opened one. */
  timelineRounds(workshopId: string): Promise<TimelineRoundRecord[]>;
  /** One write of the workshop's rounds, serialised per workshop, durable when it resolves. */
  writeTimeline<R>(workshopId: string, decide: DecideTimeline<R>): Promise<R>;
}
