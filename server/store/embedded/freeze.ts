/** Freezes what the store hands out, so a service that changes a stored record in place throws. */
export function deepFreeze<T>(value: T): T {
  // An explicit stack: stored records nest only a few levels, but no recursion on stored shapes.
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== "object" || v === null || Object.isFrozen(v)) continue;
    Object.freeze(v);
    for (const child of Object.values(v)) stack.push(child);
  }
  return value;
}
