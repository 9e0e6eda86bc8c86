import { useMemo, useSyncExternalStore } from "react";
import type { ContentHistory } from "../sync/contentHistory";
import { derivedSource } from "./derivedSource";

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
}

const EVENTS = ["stack-item-added", "stack-item-popped", "stack-cleared"] as const;

/** Whether this person has an edit of their own to undo or redo. */
export function useUndoState(history: ContentHistory): UndoState {
  const source = useMemo(() => {
    const manager = history.undoManager;
    return derivedSource(
      (onChange) => {
        for (const event of EVENTS) manager.on(event, onChange);
        return () => {
          for (const event of EVENTS) manager.off(event, onChange);
        };
      },
      (): UndoState => ({ canUndo: manager.canUndo(), canRedo: manager.canRedo() }),
    );
  }, [history]);
  return useSyncExternalStore(source.subscribe, source.getSnapshot);
}
