import { useMemo, useSyncExternalStore } from "react";
import type { Awareness } from "y-protocols/awareness";
import { type ScenarioViewer, viewersByScenario } from "../../shared/viewers";
import { derivedSource } from "./derivedSource";

/** Who else is on which scenario right now, from the content document's awareness. */
export function useViewers(awareness: Awareness, selfId: string): Record<string, ScenarioViewer[]> {
  const source = useMemo(
    () =>
      derivedSource(
        (onChange) => {
          awareness.on("change", onChange);
          return () => awareness.off("change", onChange);
        },
        () =>
          viewersByScenario(awareness.getStates().entries(), {
            clientId: awareness.clientID,
            participantId: selfId,
          }),
      ),
    [awareness, selfId],
  );
  return useSyncExternalStore(source.subscribe, source.getSnapshot);
}
