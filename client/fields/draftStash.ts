/**
 * Work typed but not yet saved, kept by key while its form is unmounted (the person looks at another
 * view of the room), so coming back finds it instead of losing it without a word. In memory only:
 * a reload is the forms' own concern.
 */
export interface DraftStash<T> {
  peek(key: string): T | undefined;
  /** Keeps `draft` if it holds something unsaved, else forgets any kept before. */
  keep(key: string, draft: T, unsaved: boolean): void;
}

export function draftStash<T>(): DraftStash<T> {
  const kept = new Map<string, T>();
  return {
    peek: (key) => kept.get(key),
    keep(key, draft, unsaved) {
      if (unsaved) kept.set(key, draft);
      else kept.delete(key);
    },
  };
}
