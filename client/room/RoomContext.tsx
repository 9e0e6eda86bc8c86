import { createContext, useContext } from "react";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import type { PresenceUser } from "../../shared/presence";
import type { RoomBase } from "../router";
import type { ContentHistory } from "../sync/contentHistory";

/**
 * Where a room's views get their documents: the live room's websocket-backed documents, or a
 * snapshot's, decoded from its blob. Views see an awareness, never a provider or a socket.
 */
export interface RoomSource {
  /** The content document (risks, threat model, scenarios). */
  doc: Y.Doc;
  controlDoc: Y.Doc;
  history: ContentHistory;
  /** The content document's awareness: presence, viewing and carets. */
  awareness: Awareness;
  /** Whether a content update came from the server (someone else), not from this device. */
  isFromServer(origin: unknown): boolean;
}

/** What every view inside one open workshop room shares: its documents, this person, what they may do. */
export interface RoomValue extends RoomSource {
  workshopId: string;
  token: string;
  /** What links inside the views are built from (`roomPath(base, …)`): the live room or a snapshot. */
  base: RoomBase;
  self: PresenceUser;
  canEdit: boolean;
  canFacilitate: boolean;
  /** The server ended this session (revoked, expired): everything is read-only from now on. */
  closed: boolean;
}

export const RoomContext = createContext<RoomValue | null>(null);

export function useRoom(): RoomValue {
  const room = useContext(RoomContext);
  if (!room) throw new Error("useRoom outside an open room");
  return room;
}
