import { createContext, useContext } from "react";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import type { PresenceUser } from "../../shared/presence";
import type { ContentHistory } from "../sync/contentHistory";

/** What every view inside one open workshop room shares: its documents, this person, what they may do. */
export interface RoomValue {
  workshopId: string;
  token: string;
  /** The content document (risks, threat model, scenarios). */
  doc: Y.Doc;
  /** The content document's provider: its awareness carries presence, viewing and carets. */
  provider: WebsocketProvider;
  controlDoc: Y.Doc;
  history: ContentHistory;
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
