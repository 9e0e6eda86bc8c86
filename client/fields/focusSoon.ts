import { flushSync } from "react-dom";

/**
 * Moves keyboard focus to the element with `id`: at once if it is already rendered, else as soon
 * as it appears (a frame or a few later), giving up quietly after a second.
 */
export function focusSoon(id: string, { select = false }: { select?: boolean } = {}): void {
  const started = performance.now();
  const attempt = (): boolean => {
    const element = document.getElementById(id);
    if (!(element instanceof HTMLElement) || element.hasAttribute("disabled")) return false;
    element.focus();
    if (select && element instanceof HTMLInputElement) element.select();
    return true;
  };
  const retry = () => {
    if (!attempt() && performance.now() - started < 1000) requestAnimationFrame(retry);
  };
  if (!attempt()) requestAnimationFrame(retry);
}

/**
 * Makes a change, renders it before returning (so what it adds exists now), then focuses `id`.
 * A key typed right after the click that made the change lands in the new field, never on the button.
 */
export function changeThenFocus(change: () => void, id: () => string, options?: { select?: boolean }): void {
  flushSync(change);
  focusSoon(id(), options);
}
