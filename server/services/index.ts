/** The services of one app instance, wired together; routes receive this and nothing global. */
import type { MetaRepository } from "../store/repository";
import type { AuditService } from "./audit";
import type { ControlProjection } from "./controlProjection";
import type { DeterminationService } from "./determinations";
import type { ExportService } from "./exporter";
import type { FrameworkService } from "./framework";
import type { ImportService } from "./importer";
import type { IncidentService } from "./incidents";
import type { InviteService } from "./invites";
import type { RoomControlService } from "./roomControl";
import type { RoundService } from "./rounds";
import type { ScenarioDissentService } from "./scenarioDissent";
import type { SnapshotService } from "./snapshots";
import type { WorkshopService } from "./workshops";

/** Where the app is reached; `publicUrl` is known once the server listens, unless PUBLIC_URL gave it. */
export interface Site {
  publicUrl: string;
  publicUrlSet: boolean;
}

export interface Services {
  site: Site;
  meta: MetaRepository;
  control: ControlProjection;
  workshops: WorkshopService;
  invites: InviteService;
  room: RoomControlService;
  frameworks: FrameworkService;
  rounds: RoundService;
  determinations: DeterminationService;
  snapshots: SnapshotService;
  exporter: ExportService;
  importer: ImportService;
  incidents: IncidentService;
  audit: AuditService;
  scenarioDissent: ScenarioDissentService;
}
