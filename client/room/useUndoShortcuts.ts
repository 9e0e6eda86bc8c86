import { useEffect } from "react";
import type { ContentHistory } from "../sync/contentHistory";

/** Inside the narrative, Tiptap's own undo answers the same keys; this one stays out of its way. */
const inRichText = (target: EventTarget | null) =>
  target instanceof Element && target.closest("[contenteditable='true']") !== null;

/**
 * Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y (⌘ on a Mac) anywhere but the narrative undo and redo this
 * person's structured edits. Also in text fields: their text lives in the document, so the
 * browser's own field undo would fight the document's.
 */
export function useUndoShortcuts(history: ContentHistory, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || inRichText(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === "z" && !event.shiftKey) history.undo();
      else if ((key === "z" && event.shiftKey) || key === "y") history.redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [history, enabled]);
}
