/**
 * What views read of the estimation process from the control document: the framework and its lock,
 * rounds, revealed values, determinations, the verdict, snapshots. The server alone writes these.
 */
import type * as Y from "yjs";
import type { Framework } from "../../shared/estimation/framework";
import {
  type Determination,
  type FrameworkLock,
  type FrameworkUnlock,
  type OverallVerdict,
  type RevealedRound,
  type RoundView,
  readDeterminations,
  readFramework,
  readLock,
  readRounds,
  readUnlocks,
  readVerdict,
} from "../../shared/estimationView";
import type { ScenarioStanding, SnapshotEntry } from "../../shared/snapshot";
import { standingsOf } from "../../shared/standings";
import { useControlValue } from "./useControlValue";

const ESTIMATION = ["estimation"];

export const useFramework = (controlDoc: Y.Doc): Framework | null =>
  useControlValue(controlDoc, ESTIMATION, readFramework);
export const useLock = (controlDoc: Y.Doc): FrameworkLock | null =>
  useControlValue(controlDoc, ESTIMATION, readLock);
export const useUnlocks = (controlDoc: Y.Doc): FrameworkUnlock[] =>
  useControlValue(controlDoc, ESTIMATION, readUnlocks);
export const useVerdict = (controlDoc: Y.Doc): OverallVerdict | null =>
  useControlValue(controlDoc, ESTIMATION, readVerdict);
export const useRounds = (controlDoc: Y.Doc): RoundView[] =>
  useControlValue(controlDoc, ["rounds"], readRounds);
export const useDeterminations = (controlDoc: Y.Doc): Determination[] =>
  useControlValue(controlDoc, ["determinations"], readDeterminations);

export function readAllRevealed(doc: Y.Doc): Record<string, RevealedRound> {
  return Object.fromEntries(doc.getMap<RevealedRound>("revealed").entries());
}
/** Round id → its revealed values, for every revealed round. */
export const useRevealed = (controlDoc: Y.Doc): Record<string, RevealedRound> =>
  useControlValue(controlDoc, ["revealed"], readAllRevealed);

export function readSnapshots(doc: Y.Doc): SnapshotEntry[] {
  return [...doc.getMap<SnapshotEntry>("snapshots").values()].sort((a, b) =>
    a.takenAt === b.takenAt ? a.id.localeCompare(b.id) : a.takenAt.localeCompare(b.takenAt),
  );
}
/** Every snapshot, oldest first. */
export const useSnapshots = (controlDoc: Y.Doc): SnapshotEntry[] =>
  useControlValue(controlDoc, ["snapshots"], readSnapshots);

const readStandings = (doc: Y.Doc): Record<string, ScenarioStanding> =>
  standingsOf(readRounds(doc), readAllRevealed(doc));
/** Scenario id → its latest revealed aggregate before and after mitigation. */
export const useStandings = (controlDoc: Y.Doc): Record<string, ScenarioStanding> =>
  useControlValue(controlDoc, ["rounds", "revealed"], readStandings);
