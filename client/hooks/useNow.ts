import { useMemo, useSyncExternalStore } from "react";

/** The clock, read again every `intervalMs` while `running`: a countdown re-renders once a tick, not more. */
export function useNow(intervalMs: number, running: boolean): number {
  const store = useMemo(() => {
    let now = Date.now();
    return {
      subscribe(onChange: () => void) {
        if (!running) return () => {};
        const id = setInterval(() => {
          now = Date.now();
          onChange();
        }, intervalMs);
        return () => clearInterval(id);
      },
      getSnapshot: () => now,
    };
  }, [intervalMs, running]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
