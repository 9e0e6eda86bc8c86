import { useMemo, useSyncExternalStore } from "react";
import type { IndexeddbPersistence } from "y-indexeddb";
import { risksOf } from "../../shared/content";
import type { DocConnection } from "../sync/docConnection";

/**
 * Whether the content is there to show: synced with the server, or loaded from this device's cache
 * with something in it (every workshop has its specified risks, so an empty cache means a first
 * visit, and the room waits for the server rather than flash an empty workshop).
 */
export function useContentReady(content: DocConnection, cache: IndexeddbPersistence | null): boolean {
  const source = useMemo(() => {
    const read = () =>
      content.provider.synced || (cache?.synced === true && risksOf(content.doc).list().length > 0);
    const subscribe = (onChange: () => void) => {
      const notify = () => queueMicrotask(onChange);
      content.provider.on("sync", notify);
      cache?.on("synced", notify);
      return () => {
        content.provider.off("sync", notify);
        cache?.off("synced", notify);
      };
    };
    // Once shown, the room stays shown: a dropped connection is the badge's news, not a blank page.
    let ready = false;
    return {
      subscribe,
      getSnapshot: () => {
        ready ||= read();
        return ready;
      },
    };
  }, [content, cache]);
  return useSyncExternalStore(source.subscribe, source.getSnapshot);
}
