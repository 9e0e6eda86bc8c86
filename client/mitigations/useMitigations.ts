/**
 * Mitigations from the content document, read again after any change to them. Modelled on
 * client/hooks/useContent.ts; mitigations are not one of its content parts, so the map is watched here.
 */
import { useEffect, useMemo, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import { type Mitigation, mitigationsOf } from "../../shared/content";
import { derivedSource } from "../hooks/derivedSource";
import type { ContentHistory } from "../sync/contentHistory";

/** The root name that mitigationsOf() keeps its records under. */
const MITIGATIONS = "mitigations";

/** Every mitigation, in its order. */
export function useMitigations(doc: Y.Doc): Mitigation[] {
  const source = useMemo(
    () =>
      derivedSource(
        (onChange) => {
          const root = doc.getMap<unknown>(MITIGATIONS);
          root.observeDeep(onChange);
          return () => root.unobserveDeep(onChange);
        },
        () => mitigationsOf(doc).list(),
      ),
    [doc],
  );
  return useSyncExternalStore(source.subscribe, source.getSnapshot);
}

/**
 * Puts mitigations under the room's undo: the content history's scope lists the content parts only,
 * and without this an edit here would not be undone by Ctrl+Z. Adding a type twice is a no-op.
 */
export function useMitigationUndo(doc: Y.Doc, history: ContentHistory): void {
  useEffect(() => {
    history.undoManager.addToScope(doc.getMap<unknown>(MITIGATIONS));
  }, [doc, history]);
}
