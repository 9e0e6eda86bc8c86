import { useMemo, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import type { WorkshopView } from "../../shared/api";
import { readWorkshop, workshopMap } from "../../shared/controlDoc";
import { derivedSource } from "./derivedSource";

/** The workshop as the control document has it, falling back to what was stored when joining. */
export function useWorkshop(controlDoc: Y.Doc, stored: WorkshopView): WorkshopView {
  const source = useMemo(
    () =>
      derivedSource(
        (onChange) => {
          const map = workshopMap(controlDoc);
          map.observe(onChange);
          return () => map.unobserve(onChange);
        },
        (): WorkshopView => ({ ...stored, ...readWorkshop(controlDoc) }),
      ),
    [controlDoc, stored],
  );
  return useSyncExternalStore(source.subscribe, source.getSnapshot);
}
