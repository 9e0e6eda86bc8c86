import { useEffect, useState } from "react";
import type { IndexeddbPersistence } from "y-indexeddb";
import { canWriteContent } from "../../shared/roles";
import type { RoomSource } from "../room/RoomContext";
import type { StoredSession } from "../session";
import { ContentHistory } from "../sync/contentHistory";
import { DocConnection } from "../sync/docConnection";
import { openOfflineCache } from "../sync/offlineCache";
import { exposeForTests } from "../sync/testHandle";

export interface RoomConnections {
  content: DocConnection;
  control: DocConnection;
  /**
   * The content kept on this device, for people who write. An observer's replica is only ever the
   * server's: anything written locally would be refused by the server and must not linger here.
   */
  cache: IndexeddbPersistence | null;
  /** The live documents as the room's views take them: awareness, never the provider. */
  source: RoomSource;
}

function liveSource(content: DocConnection, control: DocConnection, history: ContentHistory): RoomSource {
  const { provider } = content;
  return {
    doc: content.doc,
    controlDoc: control.doc,
    history,
    awareness: provider.awareness,
    // y-websocket applies what the server sends with the provider as the transaction's origin.
    isFromServer: (origin) => origin === provider,
  };
}

/** Opens the workshop's two documents for as long as the room is shown, and closes them after. */
export function useRoomConnections(session: StoredSession | null): RoomConnections | null {
  const [connections, setConnections] = useState<RoomConnections | null>(null);
  useEffect(() => {
    if (!session) return;
    const { workshop, token, participant } = session;
    const content = new DocConnection("content", workshop.id, token);
    const control = new DocConnection("control", workshop.id, token);
    const cache = canWriteContent(participant.role)
      ? openOfflineCache(content.doc, workshop.id, participant.id)
      : null;
    const history = new ContentHistory(content.doc);
    // Only the colour is ours to choose (the room sets it: see RoomPage); the server stamps name,
    // role and participant id.
    // Presence lives on the content document; a second entry per person would only be noise.
    control.provider.awareness.setLocalState(null);
    setConnections({ content, control, cache, source: liveSource(content, control, history) });
    const hide = exposeForTests({
      content: content.doc,
      control: control.doc,
      awareness: content.provider.awareness,
      dropSockets: () => {
        content.provider.ws?.close();
        control.provider.ws?.close();
      },
    });
    // Development's StrictMode mounts, unmounts and remounts at once: connect only if still mounted
    // a task later, so no socket is opened just to be closed mid-handshake.
    const connectSoon = setTimeout(() => {
      content.connect();
      control.connect();
    });
    return () => {
      clearTimeout(connectSoon);
      hide();
      setConnections(null);
      history.destroy();
      void cache?.destroy();
      content.destroy();
      control.destroy();
    };
  }, [session]);
  return connections;
}
