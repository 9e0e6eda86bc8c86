import { useMemo, useSyncExternalStore } from "react";
import { serverNow } from "../serverClock";

/**
 * The server's clock, read again every `intervalMs` while `running`: a countdown re-renders once a
 * tick, not more.
 */
export function useNow(intervalMs: number, running: boolean): number {
  const store = useMemo(() => {
    let now = serverNow();
    return {
      subscribe(onChange: () => void) {
        if (!running) return () => {};
        const id = setInterval(() => {
          now = serverNow();
          onChange();
        }, intervalMs);
        return () => clearInterval(id);
      },
      getSnapshot: () => now,
    };
  }, [intervalMs, running]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
