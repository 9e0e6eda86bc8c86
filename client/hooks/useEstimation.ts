/**
 * What views read of the estimation process from the control document: the framework and its lock,
 * rounds, revealed values, determinations, the verdict, snapshots. The server alone writes these.
 */
import type * as Y from "yjs";
import { readSnapshots, SNAPSHOTS_MAP } from "../../shared/controlDoc";
import type { Framework } from "../../shared/estimation/framework";
import {
  DETERMINATIONS_MAP,
  type Determination,
  ESTIMATION_MAP,
  type FrameworkLock,
  type FrameworkUnlock,
  type OverallVerdict,
  REVEALED_MAP,
  type RevealedRound,
  ROUNDS_MAP,
  type RoundView,
  readAllRevealed,
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

const ESTIMATION = [ESTIMATION_MAP];
const ROUNDS = [ROUNDS_MAP];
const REVEALED = [REVEALED_MAP];
const DETERMINATIONS = [DETERMINATIONS_MAP];
const SNAPSHOTS = [SNAPSHOTS_MAP];
const STANDINGS = [ROUNDS_MAP, REVEALED_MAP];

export const useFramework = (controlDoc: Y.Doc): Framework | null =>
  useControlValue(controlDoc, ESTIMATION, readFramework);
export const useLock = (controlDoc: Y.Doc): FrameworkLock | null =>
  useControlValue(controlDoc, ESTIMATION, readLock);
export const useUnlocks = (controlDoc: Y.Doc): FrameworkUnlock[] =>
  useControlValue(controlDoc, ESTIMATION, readUnlocks);
export const useVerdict = (controlDoc: Y.Doc): OverallVerdict | null =>
  useControlValue(controlDoc, ESTIMATION, readVerdict);
export const useRounds = (controlDoc: Y.Doc): RoundView[] => useControlValue(controlDoc, ROUNDS, readRounds);
export const useDeterminations = (controlDoc: Y.Doc): Determination[] =>
  useControlValue(controlDoc, DETERMINATIONS, readDeterminations);

/** Round id → its revealed values, for every revealed round. */
export const useRevealed = (controlDoc: Y.Doc): Record<string, RevealedRound> =>
  useControlValue(controlDoc, REVEALED, readAllRevealed);

/** Every snapshot, oldest first. */
export const useSnapshots = (controlDoc: Y.Doc): SnapshotEntry[] =>
  useControlValue(controlDoc, SNAPSHOTS, readSnapshots);

const readStandings = (doc: Y.Doc): Record<string, ScenarioStanding> =>
  standingsOf(readRounds(doc), readAllRevealed(doc));
/** Scenario id → its latest revealed aggregate before and after mitigation. */
export const useStandings = (controlDoc: Y.Doc): Record<string, ScenarioStanding> =>
  useControlValue(controlDoc, STANDINGS, readStandings);
