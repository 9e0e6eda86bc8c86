import { useMemo, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import type { ParticipantView } from "../../shared/api";
import { participantsMap, readParticipants } from "../../shared/controlDoc";
import { derivedSource } from "./derivedSource";

/** Everyone who has joined the workshop, from the server-written control document. */
export function useParticipants(controlDoc: Y.Doc): ParticipantView[] {
  const source = useMemo(
    () =>
      derivedSource(
        (onChange) => {
          const map = participantsMap(controlDoc);
          map.observe(onChange);
          return () => map.unobserve(onChange);
        },
        () => readParticipants(controlDoc),
      ),
    [controlDoc],
  );
  return useSyncExternalStore(source.subscribe, source.getSnapshot);
}
