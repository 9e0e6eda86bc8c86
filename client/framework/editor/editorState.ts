/** The editor's decisions that do not need React: what blocks saving and locking, and why. */

/** Why saving is not possible now, or null. */
export function saveBlocker(dirty: boolean, problemCount: number): string | null {
  if (!dirty) return "No unsaved changes.";
  if (problemCount > 0) return `Fix the ${plural(problemCount, "problem")} first.`;
  return null;
}

/**
 * Why locking is not possible now, or null: the lock takes the saved framework, so the draft must
 * match it, and the server refuses a specified risk whose ladder has fewer than two tiers.
 */
export function lockBlocker(
  dirty: boolean,
  problemCount: number,
  shortLadders: readonly string[] = [],
): string | null {
  if (problemCount > 0) return `Fix the ${plural(problemCount, "problem")} and save before locking.`;
  if (dirty) return "Save or reset your unsaved changes before locking.";
  if (shortLadders.length > 0)
    return `Give ${shortLadders.join(", ")} a ladder of at least two tiers, so that one tier is not yet reached.`;
  return null;
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
