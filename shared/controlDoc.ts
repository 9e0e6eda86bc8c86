/** Typed access to the control document, which only the server writes and every client reads. */
import type * as Y from "yjs";
import type { ParticipantView, WorkshopView } from "./api";
import type { SnapshotEntry } from "./snapshot";

const PARTICIPANTS = "participants";
const WORKSHOP = "workshop";
/** The control document's snapshot list: snapshot id → its entry. */
export const SNAPSHOTS_MAP = "snapshots";

export function participantsMap(doc: Y.Doc): Y.Map<ParticipantView> {
  return doc.getMap<ParticipantView>(PARTICIPANTS);
}

export function workshopMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(WORKSHOP);
}

export function readParticipants(doc: Y.Doc): ParticipantView[] {
  return [...participantsMap(doc).values()].sort((a, b) => a.joinedAt.localeCompare(b.joinedAt));
}

export function writeParticipant(doc: Y.Doc, participant: ParticipantView): void {
  participantsMap(doc).set(participant.id, participant);
}

export function writeWorkshop(doc: Y.Doc, workshop: WorkshopView): void {
  const map = workshopMap(doc);
  for (const [key, value] of Object.entries(workshop)) map.set(key, value);
}

export function readWorkshop(doc: Y.Doc): Partial<WorkshopView> {
  return workshopMap(doc).toJSON() as Partial<WorkshopView>;
}

/** Every snapshot, oldest first (ties by id, so every reader lists them in one order). */
export function readSnapshots(doc: Y.Doc): SnapshotEntry[] {
  return [...doc.getMap<SnapshotEntry>(SNAPSHOTS_MAP).values()].sort((a, b) =>
    a.takenAt === b.takenAt ? a.id.localeCompare(b.id) : a.takenAt.localeCompare(b.takenAt),
  );
}

export function writeSnapshotEntry(doc: Y.Doc, entry: SnapshotEntry): void {
  doc.getMap<SnapshotEntry>(SNAPSHOTS_MAP).set(entry.id, entry);
}

/** The workshop's steps, in the order a facilitator usually walks them. */
export const PHASES = ["identify", "analyse", "estimate", "evaluate", "mitigate", "report"] as const;
export type Phase = (typeof PHASES)[number];

export interface TimerState {
  label: string;
  startedAt: string;
  endsAt: string;
  startedBy: string;
}

/** Where the facilitator asked everyone to look; `seq` grows with each request so a repeat is noticed. */
export interface FocusState {
  scenarioId: string | null;
  /** The facilitator's display name, for the note, and participant id, to tell "you" from a namesake. */
  by: string;
  byId?: string;
  at: string;
  seq: number;
}

/** The control document's map of room state: phase, timer, focus. */
export const ROOM_MAP = "room";

export function roomMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOM_MAP);
}

export function readPhase(doc: Y.Doc): Phase {
  const phase = roomMap(doc).get("phase");
  return (PHASES as readonly unknown[]).includes(phase) ? (phase as Phase) : "identify";
}

export function readTimer(doc: Y.Doc): TimerState | null {
  return (roomMap(doc).get("timer") as TimerState | undefined) ?? null;
}

export function readFocus(doc: Y.Doc): FocusState | null {
  return (roomMap(doc).get("focus") as FocusState | undefined) ?? null;
}
