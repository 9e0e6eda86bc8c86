/** A snapshot: an immutable, named record of a whole workshop at one moment. */
import { z } from "zod";
import type { ScenarioAggregate } from "./estimation/aggregate";
import type { Framework } from "./estimation/framework";
import type {
  Determination,
  FrameworkLock,
  FrameworkUnlock,
  OverallVerdict,
  RevealedRound,
  RoundView,
} from "./estimationView";
import type { Incident, IncidentReport } from "./incidents/model";

export const SNAPSHOT_SCHEMA = "riskroom.snapshot/v1";

/** What the snapshot list (control document and API) shows of each snapshot. */
export interface SnapshotEntry {
  id: string;
  label: string;
  takenAt: string;
  takenBy: string;
  /** Taken by the server when a round was revealed or closed. */
  auto: boolean;
  sha256: string;
  bytes: number;
}

/** A scenario's latest revealed aggregate before and after mitigation, at the snapshot's moment. */
export interface ScenarioStanding {
  pre: (ScenarioAggregate & { roundNumber: number }) | null;
  residual: (ScenarioAggregate & { roundNumber: number }) | null;
}

export interface SnapshotBlob {
  schema: typeof SNAPSHOT_SCHEMA;
  id: string;
  workshopId: string;
  label: string;
  takenAt: string;
  takenBy: string;
  auto: boolean;
  /** Yjs updates, base64: the whole content and control documents. */
  content: string;
  control: string;
  framework: Framework;
  lock: FrameworkLock | null;
  unlocks: FrameworkUnlock[];
  rounds: RoundView[];
  revealed: Record<string, RevealedRound>;
  determinations: Determination[];
  verdict: OverallVerdict | null;
  standings: Record<string, ScenarioStanding>;
  /** Serious incidents at that moment; absent from snapshots taken before they were kept. */
  incidents?: Incident[];
  incidentReports?: IncidentReport[];
}

export const takeSnapshotBody = z.strictObject({
  label: z.string().trim().min(1, "must not be empty").max(120),
});
