/** Shapes stored records into what the API and the control document show: never hashes, never tokens. */
import type { InviteView, ParticipantView, WorkshopView } from "../../shared/api";
import type { InviteRecord, ParticipantRecord, WorkshopRecord } from "../store/records";

export function presentWorkshop(w: WorkshopRecord): WorkshopView {
  return { id: w.id, title: w.title, ...(w.subject ? { subject: w.subject } : {}), createdAt: w.createdAt };
}

export function presentParticipant(p: ParticipantRecord): ParticipantView {
  return {
    id: p.id,
    displayName: p.displayName,
    role: p.role,
    joinedAt: p.joinedAt,
    ...(p.revokedAt ? { revokedAt: p.revokedAt } : {}),
  };
}

export function presentInvite(i: InviteRecord): InviteView {
  const { tokenHash: _hidden, workshopId: _w, ...view } = i;
  return view;
}
