/**
 * Adapts an event source to useSyncExternalStore: the value is read again only after an event, and
 * a value equal to the previous one keeps its identity, so views re-render only on real changes.
 */
export interface DerivedSource<T> {
  subscribe(onChange: () => void): () => void;
  getSnapshot(): T;
}

const jsonEqual = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function derivedSource<T>(
  listen: (onChange: () => void) => () => void,
  read: () => T,
  same: (a: T, b: T) => boolean = jsonEqual,
): DerivedSource<T> {
  let value = read();
  let stale = false;
  return {
    subscribe(onChange) {
      // Events may have fired between the first read and this subscription.
      stale = true;
      return listen(() => {
        stale = true;
        onChange();
      });
    },
    getSnapshot() {
      if (stale) {
        stale = false;
        const next = read();
        if (!same(value, next)) value = next;
      }
      return value;
    },
  };
}
