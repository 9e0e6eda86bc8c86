import { useEffect, useState } from "react";
import { colorFor } from "../../shared/presence";
import type { StoredSession } from "../session";
import { DocConnection } from "../sync/docConnection";

export interface RoomConnections {
  content: DocConnection;
  control: DocConnection;
}

/** Opens the workshop's two documents for as long as the room is shown, and closes them after. */
export function useRoomConnections(session: StoredSession | null): RoomConnections | null {
  const [connections, setConnections] = useState<RoomConnections | null>(null);
  useEffect(() => {
    if (!session) return;
    const { workshop, token, participant } = session;
    const content = new DocConnection("content", workshop.id, token);
    const control = new DocConnection("control", workshop.id, token);
    // Only the colour is ours to choose; the server stamps name, role and participant id.
    content.provider.awareness.setLocalStateField("user", { color: colorFor(participant.id) });
    // Presence lives on the content document; a second entry per person would only be noise.
    control.provider.awareness.setLocalState(null);
    setConnections({ content, control });
    // Development's StrictMode mounts, unmounts and remounts at once: connect only if still mounted
    // a task later, so no socket is opened just to be closed mid-handshake.
    const connectSoon = setTimeout(() => {
      content.connect();
      control.connect();
    });
    return () => {
      clearTimeout(connectSoon);
      setConnections(null);
      content.destroy();
      control.destroy();
    };
  }, [session]);
  return connections;
}
