import { useCallback, useEffect, useRef, useState } from "react";
import type * as Y from "yjs";
import { useFocus } from "../hooks/useRoomControl";
import { navigate, type RoomView, roomPath } from "../router";

export interface FocusNote {
  scenarioId: string;
  by: string;
  byId: string | null;
  seq: number;
}

/**
 * Follows the facilitator's "bring everyone here": each focus with a new `seq` opens its scenario
 * and leaves a note to say who did it. Focus already in the control document when the room first
 * syncs is history, not a request; the note goes once the person dismisses it or steps away.
 */
export function useFocusFollow(
  controlDoc: Y.Doc,
  controlSynced: boolean,
  workshopId: string,
  view: RoomView,
): { note: FocusNote | null; dismiss(): void } {
  const focus = useFocus(controlDoc);
  const seen = useRef<number | null>(null);
  const [note, setNote] = useState<FocusNote | null>(null);

  useEffect(() => {
    if (seen.current === null) {
      if (controlSynced) seen.current = focus?.seq ?? 0;
      return;
    }
    if (!focus || focus.seq <= seen.current) return;
    seen.current = focus.seq;
    if (focus.scenarioId === null) return setNote(null);
    navigate(roomPath(workshopId, { kind: "scenario", scenarioId: focus.scenarioId }));
    setNote({ scenarioId: focus.scenarioId, by: focus.by, byId: focus.byId ?? null, seq: focus.seq });
  }, [focus, controlSynced, workshopId]);

  const onNoteScenario = view.kind === "scenario" && view.scenarioId === note?.scenarioId;
  useEffect(() => {
    if (note && !onNoteScenario) setNote(null);
  }, [note, onNoteScenario]);

  const dismiss = useCallback(() => setNote(null), []);
  return { note: onNoteScenario ? note : null, dismiss };
}
