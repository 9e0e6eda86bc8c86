/**
 * Everything the control document shows, read from metadata, and written into the document where
 * it differs. The live writes project one change at a time; this projects all of it when a
 * control room loads, so a crash between a commit and its projection heals on the next load.
 */
import type * as Y from "yjs";
import type { ParticipantView, WorkshopView } from "../../shared/api";
import {
  participantsMap,
  readWorkshop,
  roomMap,
  writeParticipant,
  writeWorkshop,
} from "../../shared/controlDoc";
import { canonicalJson } from "../../shared/estimation/framework";
import {
  controlWriters,
  type Determination,
  type RevealedRound,
  type RoundView,
  readFramework,
  readLock,
  readUnlocks,
  readVerdict,
} from "../../shared/estimationView";
import {
  SCENARIO_DISSENT_MAP,
  type ScenarioDissent,
  writeScenarioDissent,
} from "../../shared/scenarioDissent";
import type { SnapshotEntry } from "../../shared/snapshot";
import type { FrameworkRecord, RoomStateRecord } from "../store/records";
import type { MetaRepository } from "../store/repository";
import { presentParticipant, presentWorkshop } from "./presenters";
import { computeRevealed, roundView } from "./roundViews";

export interface ControlState {
  workshop: WorkshopView;
  participants: ParticipantView[];
  framework: FrameworkRecord;
  rounds: RoundView[];
  revealed: Record<string, RevealedRound>;
  determinations: Determination[];
  snapshots: SnapshotEntry[];
  room: RoomStateRecord;
  scenarioDissent: ScenarioDissent[];
}

/** The workshop's rounds as everyone sees them, by number. */
export async function roundViewsOf(meta: MetaRepository, workshopId: string): Promise<RoundView[]> {
  const rounds = await meta.roundsOf(workshopId);
  return Promise.all(rounds.map(async (r) => roundView(r, await meta.estimatesOf(workshopId, r.id))));
}

/** The published values of every revealed round, by round id, as they were revealed. */
export async function revealedOf(
  meta: MetaRepository,
  workshopId: string,
): Promise<Record<string, RevealedRound>> {
  const out: Record<string, RevealedRound> = {};
  const rounds = (await meta.roundsOf(workshopId)).filter((r) => r.revealedAt);
  if (rounds.length === 0) return out;
  const legacy = rounds.some((r) => !r.revealed);
  const framework = legacy ? await meta.framework(workshopId) : null;
  const participants = legacy ? await meta.participantsOf(workshopId) : [];
  // Rounds revealed before the values were kept are computed again, as they always were.
  for (const round of rounds)
    out[round.id] =
      round.revealed ??
      computeRevealed({
        round,
        estimates: await meta.estimatesOf(workshopId, round.id),
        framework: framework!,
        participants,
      });
  return out;
}

export async function readControlState(
  meta: MetaRepository,
  workshopId: string,
): Promise<ControlState | null> {
  const workshop = await meta.workshop(workshopId);
  if (!workshop) return null;
  return {
    workshop: presentWorkshop(workshop),
    participants: (await meta.participantsOf(workshopId)).map(presentParticipant),
    framework: await meta.framework(workshopId),
    rounds: await roundViewsOf(meta, workshopId),
    revealed: await revealedOf(meta, workshopId),
    determinations: (await meta.determinationsOf(workshopId)).map(({ workshopId: _w, ...d }) => d),
    snapshots: (await meta.snapshotsOf(workshopId)).map(({ workshopId: _w, ...s }) => s),
    room: await meta.roomState(workshopId),
    scenarioDissent: (await meta.scenarioDissentOf(workshopId)).notes.map(({ workshopId: _w, ...n }) => n),
  };
}

/** Writes into `doc` each part of `state` it does not already show; an up-to-date document is left alone. */
export function applyControlState(doc: Y.Doc, state: ControlState): void {
  if (!same(readWorkshop(doc), state.workshop)) writeWorkshop(doc, state.workshop);
  const participants = participantsMap(doc);
  for (const p of state.participants) if (!same(participants.get(p.id), p)) writeParticipant(doc, p);
  const { framework, lock, unlocks, verdict } = state.framework;
  if (!same([readFramework(doc), readLock(doc), readUnlocks(doc)], [framework, lock, unlocks]))
    controlWriters.framework(doc, framework, lock, unlocks);
  if (verdict && !same(readVerdict(doc), verdict)) controlWriters.verdict(doc, verdict);
  const rounds = doc.getMap<RoundView>("rounds");
  for (const r of state.rounds) if (!same(rounds.get(r.id), r)) controlWriters.round(doc, r);
  const revealed = doc.getMap<RevealedRound>("revealed");
  for (const [id, values] of Object.entries(state.revealed))
    if (!same(revealed.get(id), values)) controlWriters.revealed(doc, id, values);
  const determinations = doc.getMap<Determination>("determinations");
  for (const d of state.determinations)
    if (!same(determinations.get(d.riskId), d)) controlWriters.determination(doc, d);
  const snapshots = doc.getMap<SnapshotEntry>("snapshots");
  for (const s of state.snapshots) if (!same(snapshots.get(s.id), s)) snapshots.set(s.id, s);
  applyRoomState(doc, state.room);
  const dissent = doc.getMap<ScenarioDissent>(SCENARIO_DISSENT_MAP);
  for (const n of state.scenarioDissent) if (!same(dissent.get(n.id), n)) writeScenarioDissent(doc, n);
}

/** Only what was stored is applied: a data directory from before room state was kept keeps the document's. */
export function applyRoomState(doc: Y.Doc, room: RoomStateRecord): void {
  const map = roomMap(doc);
  for (const key of ["phase", "timer", "focus"] as const) {
    const value = room[key];
    if (value === undefined) continue;
    if (value === null) {
      if (map.has(key)) map.delete(key);
    } else if (!same(map.get(key), value)) map.set(key, value);
  }
}

function same(a: unknown, b: unknown): boolean {
  if (a === undefined || a === null) return a === b;
  return canonicalJson(a) === canonicalJson(b);
}
