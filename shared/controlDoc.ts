/** Typed access to the control document, which only the server writes and every client reads. */
import type * as Y from "yjs";
import type { ParticipantView, WorkshopView } from "./api";

const PARTICIPANTS = "participants";
const WORKSHOP = "workshop";

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
