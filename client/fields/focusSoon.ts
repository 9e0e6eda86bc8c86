/**
 * Moves keyboard focus to the element with `id` once it is rendered (after an add, a move or a
 * navigation, the element appears a frame later). Gives up quietly after a few frames.
 */
export function focusSoon(id: string, { select = false }: { select?: boolean } = {}): void {
  let frames = 0;
  const attempt = () => {
    const element = document.getElementById(id);
    if (element instanceof HTMLElement && !element.hasAttribute("disabled")) {
      element.focus();
      if (select && element instanceof HTMLInputElement) element.select();
      return;
    }
    if (frames++ < 10) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
