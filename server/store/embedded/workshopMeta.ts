/** One workshop's metadata file, `<dataDir>/workshops/<id>/meta.json`: everything stored about it. */
import path from "node:path";
import type { AuditEntry } from "../../../shared/audit";
import { StoreCorrupt } from "../../domainErrors";
import type {
  AuditRecord,
  DeterminationRecord,
  EstimateRecord,
  FrameworkRecord,
  IncidentRecord,
  IncidentReportRecord,
  InviteRecord,
  ParticipantRecord,
  RoomStateRecord,
  RoundRecord,
  ScenarioDissentRecord,
  SessionRecord,
  SnapshotRecord,
  WorkshopRecord,
} from "../records";

export const WORKSHOP_META_VERSION = 2;

export interface WorkshopMeta {
  version: typeof WORKSHOP_META_VERSION;
  workshop: WorkshopRecord;
  participants: ParticipantRecord[];
  invites: InviteRecord[];
  sessions: SessionRecord[];
  /** Chained entries; a file of an earlier version holds bare `AuditRecord`s until its next write. */
  audit: Array<AuditRecord | AuditEntry>;
  /** Absent until the framework is first edited, locked or given a verdict: the default applies. */
  framework?: FrameworkRecord;
  rounds: RoundRecord[];
  estimates: EstimateRecord[];
  determinations: DeterminationRecord[];
  snapshots: SnapshotRecord[];
  room: RoomStateRecord;
  /** Absent in files written before incidents were kept: read as none. */
  incidents?: IncidentRecord[];
  incidentReports?: IncidentReportRecord[];
  /** Absent in files written before scenario dissent moved to the server. */
  scenarioDissent?: ScenarioDissentRecord[];
  scenarioDissentTakenOverAt?: string;
}

const LISTS = [
  "participants",
  "invites",
  "sessions",
  "audit",
  "rounds",
  "estimates",
  "determinations",
  "snapshots",
] as const;

export function workshopDir(dataDir: string, workshopId: string): string {
  return path.join(dataDir, "workshops", workshopId);
}

export function workshopMetaFile(dataDir: string, workshopId: string): string {
  return path.join(workshopDir(dataDir, workshopId), "meta.json");
}

export function newWorkshopMeta(workshop: WorkshopRecord): WorkshopMeta {
  return {
    version: WORKSHOP_META_VERSION,
    workshop,
    participants: [],
    invites: [],
    sessions: [],
    audit: [],
    rounds: [],
    estimates: [],
    determinations: [],
    snapshots: [],
    room: {},
  };
}

/** Refuses a file that is not a workshop's metadata of this version, naming what is wrong. */
export function checkWorkshopMeta(value: object, file: string): WorkshopMeta {
  const v = value as Partial<WorkshopMeta>;
  const problem =
    v.version !== WORKSHOP_META_VERSION
      ? `version ${String(v.version)} (expected ${WORKSHOP_META_VERSION})`
      : typeof v.workshop?.id !== "string"
        ? "no workshop record"
        : LISTS.find((key) => !Array.isArray(v[key]));
  if (problem) throw new StoreCorrupt(`${file} is not a workshop metadata file: ${problem}`);
  return { ...v, room: v.room ?? {} } as WorkshopMeta;
}
