/** Lifecycle points of the sync layer, one typed payload each; used for logging and by tests. */

import type { Role } from "../../shared/roles";
import type { RoomName } from "../../shared/rooms";

export interface SyncHooks {
  /** A document was read from storage into memory. */
  onLoad?(event: { room: RoomName; updates: number }): void;
  /** A document's log was merged into one stored state. */
  onStore?(event: { room: RoomName; bytes: number }): void;
  /** A document left memory after its last holder released it. */
  onUnload?(event: { room: RoomName }): void;
  onConnect?(event: { room: RoomName; participantId: string; role: Role }): void;
  onDisconnect?(event: { room: RoomName; participantId: string }): void;
}
