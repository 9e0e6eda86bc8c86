/**
 * The stored shapes of workshop metadata, shared by every store implementation. Records handed
 * out by a repository are read-only snapshots: a service never changes one in place, it calls the
 * repository action that makes the change durable and gets the new record back.
 */
import type { FocusState, Phase, TimerState } from "../../shared/controlDoc";
import type { Role } from "../../shared/roles";
import type { ScenarioDissent } from "../../shared/scenarioDissent";
import type { SnapshotEntry } from "../../shared/snapshot";
import type { IncidentAuditAction } from "./incidentRecords";

export type {
  DeterminationRecord,
  EstimateRecord,
  FrameworkRecord,
  RoundRecord,
} from "./estimationRecords";
export type { IncidentRecord, IncidentReportRecord } from "./incidentRecords";

export interface SnapshotRecord extends SnapshotEntry {
  workshopId: string;
}

export interface WorkshopRecord {
  id: string;
  title: string;
  subject?: string;
  createdAt: string;
}

export interface ParticipantRecord {
  id: string;
  workshopId: string;
  displayName: string;
  role: Role;
  joinedAt: string;
  /** The invite this participant joined through; absent for the workshop's creator. */
  inviteId?: string;
  revokedAt?: string;
}

export interface InviteRecord {
  id: string;
  workshopId: string;
  role: Role;
  label?: string;
  tokenHash: string;
  createdAt: string;
  createdBy: string;
  expiresAt?: string;
  maxUses?: number;
  uses: number;
  revokedAt?: string;
}

export interface SessionRecord {
  tokenHash: string;
  workshopId: string;
  participantId: string;
  inviteId?: string;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
}

export type AuditAction =
  | "workshop.create"
  | "invite.create"
  | "invite.revoke"
  | "participant.join"
  | "phase.set"
  | "timer.start"
  | "timer.stop"
  | "focus.set"
  | "framework.edit"
  | "framework.lock"
  | "framework.unlock"
  | "round.open"
  | "round.reveal"
  | "round.close"
  | "estimate.submit"
  | "determination.record"
  | "verdict.record"
  | "dissent.add"
  | "snapshot.take"
  | "timeline.open"
  | "timeline.forecast"
  | "timeline.reveal"
  | "timeline.close"
  | IncidentAuditAction
  | "scenario.dissent"
  | "scenario.dissent.takeover"
  | "export.download"
  | "audit.genesis";

/** An entry as a write appends it; the store chains it (see auditChain.ts) before it is stored. */
export interface AuditRecord {
  at: string;
  workshopId: string;
  actor: string;
  action: AuditAction;
  target?: string;
}

/** A scenario's dissent note as stored (see shared/scenarioDissent.ts). */
export interface ScenarioDissentRecord extends ScenarioDissent {
  workshopId: string;
}

/**
 * The facilitator's room levers as stored (phase, timer, focus), so that the control document's
 * copy can be rebuilt on load like every other projection. Absent fields were never set.
 */
export interface RoomStateRecord {
  phase?: Phase;
  timer?: TimerState | null;
  focus?: FocusState | null;
}
