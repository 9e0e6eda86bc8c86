/** One way for views to read the control document, which the server alone writes. */
import { useMemo, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import { derivedSource } from "./derivedSource";

/** Reads `read(doc)` again after any change under the named top-level maps. */
export function useControlValue<T>(controlDoc: Y.Doc, maps: readonly string[], read: (doc: Y.Doc) => T): T {
  const key = maps.join(",");
  // `key` stands for `maps`, which callers may pass as a new array each render.
  const source = useMemo(
    () =>
      derivedSource(
        (onChange) => {
          const observed = key.split(",").map((name) => controlDoc.getMap(name));
          for (const map of observed) map.observeDeep(onChange);
          return () => {
            for (const map of observed) map.unobserveDeep(onChange);
          };
        },
        () => read(controlDoc),
      ),
    [controlDoc, key, read],
  );
  return useSyncExternalStore(source.subscribe, source.getSnapshot);
}
