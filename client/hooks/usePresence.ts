import { useMemo, useSyncExternalStore } from "react";
import type { Awareness } from "y-protocols/awareness";
import type { PresenceUser } from "../../shared/presence";
import { peopleHere } from "../../shared/presenceList";
import { derivedSource } from "./derivedSource";

/**
 * Who is in the room now, from the content document's awareness. `self` comes first: this
 * client's own state carries only its colour until the server stamps the copy others receive.
 */
export function usePresence(awareness: Awareness, self: PresenceUser): PresenceUser[] {
  const source = useMemo(
    () =>
      derivedSource(
        (onChange) => {
          awareness.on("change", onChange);
          return () => awareness.off("change", onChange);
        },
        () => {
          const others = [...awareness.getStates().entries()]
            .filter(([clientId]) => clientId !== awareness.clientID)
            .map(([, state]) => state);
          return peopleHere([{ user: self }, ...others]);
        },
      ),
    [awareness, self],
  );
  return useSyncExternalStore(source.subscribe, source.getSnapshot);
}
