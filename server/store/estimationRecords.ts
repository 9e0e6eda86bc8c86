/** Stored shapes of the estimation process: framework and its lock history, rounds, blind estimates, determinations. */

import type { Estimate } from "../../shared/estimation/estimate";
import type { Framework } from "../../shared/estimation/framework";
import type {
  Determination,
  FrameworkLock,
  FrameworkUnlock,
  OverallVerdict,
  RevealedRound,
  RoundKind,
  RoundState,
} from "../../shared/estimationView";

export interface FrameworkRecord {
  workshopId: string;
  framework: Framework;
  lock: FrameworkLock | null;
  unlocks: FrameworkUnlock[];
  verdict?: OverallVerdict;
}

export interface RoundRecord {
  id: string;
  workshopId: string;
  number: number;
  kind: RoundKind;
  scenarioIds: string[];
  anonymous: boolean;
  state: RoundState;
  openedAt: string;
  openedBy: string;
  revealedAt?: string;
  closedAt?: string;
  /**
   * The values and aggregates as published at the reveal, against the framework locked then. Kept,
   * so that a later unlock and edit of the framework cannot move a past round's tiers.
   */
  revealed?: RevealedRound;
}

export interface EstimateRecord extends Estimate {
  roundId: string;
  workshopId: string;
  participantId: string;
  scenarioId: string;
  submittedAt: string;
}

export interface DeterminationRecord extends Determination {
  workshopId: string;
}
