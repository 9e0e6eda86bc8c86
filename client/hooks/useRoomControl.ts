/** What views read from the control document's room state: phase, timer, focus. One hook each. */
import { useMemo, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import {
  type FocusState,
  type Phase,
  readFocus,
  readPhase,
  readTimer,
  roomMap,
  type TimerState,
} from "../../shared/controlDoc";
import { derivedSource } from "./derivedSource";

function useRoomValue<T>(controlDoc: Y.Doc, read: (doc: Y.Doc) => T): T {
  const source = useMemo(
    () =>
      derivedSource(
        (onChange) => {
          const map = roomMap(controlDoc);
          map.observe(onChange);
          return () => map.unobserve(onChange);
        },
        () => read(controlDoc),
      ),
    [controlDoc, read],
  );
  return useSyncExternalStore(source.subscribe, source.getSnapshot);
}

export const usePhase = (controlDoc: Y.Doc): Phase => useRoomValue(controlDoc, readPhase);
export const useTimer = (controlDoc: Y.Doc): TimerState | null => useRoomValue(controlDoc, readTimer);
export const useFocus = (controlDoc: Y.Doc): FocusState | null => useRoomValue(controlDoc, readFocus);
