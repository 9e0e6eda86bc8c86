/** Reordering by one place in a list that shows only some of its records (e.g. archived risks are hidden). */

/**
 * The index to pass to a collection's `move(id, index)` (a position among the other records) so
 * that `id` trades places with its visible neighbour in `direction`; null at either end.
 */
export function neighbourMoveIndex(
  allIds: readonly string[],
  visibleIds: readonly string[],
  id: string,
  direction: -1 | 1,
): number | null {
  const at = visibleIds.indexOf(id);
  if (at < 0) return null;
  const neighbour = visibleIds[at + direction];
  if (neighbour === undefined) return null;
  const others = allIds.filter((other) => other !== id);
  const neighbourAt = others.indexOf(neighbour);
  if (neighbourAt < 0) return null;
  return direction < 0 ? neighbourAt : neighbourAt + 1;
}
