import { useEffect } from "react";
import type { ContentHistory } from "../sync/contentHistory";

/**
 * Where the browser's or Tiptap's own undo should answer instead: the narrative (Tiptap's
 * collaboration undo), and text boxes that are not bound to the document (e.g. "Title of new
 * evidence" before it is added), whose typing is theirs alone.
 */
function hasOwnUndo(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest("[contenteditable='true']")) return true;
  return target.matches("input, textarea") && !target.closest(".inline-field");
}

/**
 * Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y (⌘ on a Mac) undo and redo this person's structured edits,
 * also from a field bound to the document: its text lives in the document, and the browser's own
 * field undo would fight the document's.
 */
export function useUndoShortcuts(history: ContentHistory, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || hasOwnUndo(event.target)) return;
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
