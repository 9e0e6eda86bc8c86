/** What views read from the control document's room state: phase, timer, focus. One hook each. */
import type * as Y from "yjs";
import {
  type FocusState,
  type Phase,
  ROOM_MAP,
  readFocus,
  readPhase,
  readTimer,
  type TimerState,
} from "../../shared/controlDoc";
import { useControlValue } from "./useControlValue";

const ROOM = [ROOM_MAP];
const useRoomValue = <T>(controlDoc: Y.Doc, read: (doc: Y.Doc) => T): T =>
  useControlValue(controlDoc, ROOM, read);

export const usePhase = (controlDoc: Y.Doc): Phase => useRoomValue(controlDoc, readPhase);
export const useTimer = (controlDoc: Y.Doc): TimerState | null => useRoomValue(controlDoc, readTimer);
export const useFocus = (controlDoc: Y.Doc): FocusState | null => useRoomValue(controlDoc, readFocus);
