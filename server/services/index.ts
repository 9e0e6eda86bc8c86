/** The services of one app instance, wired together; routes receive this and nothing global. */
import type { MetaStore } from "../store/metaStore";
import type { ControlProjection } from "./controlProjection";
import type { InviteService } from "./invites";
import type { RoomControlService } from "./roomControl";
import type { WorkshopService } from "./workshops";

export interface Services {
  store: MetaStore;
  control: ControlProjection;
  workshops: WorkshopService;
  invites: InviteService;
  room: RoomControlService;
}
