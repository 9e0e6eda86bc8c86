import { type RefObject, useEffect } from "react";

const TEXT_INPUTS = new Set(["text", "search", "email", "url", "tel", "number", "password", ""]);

/** Text stays selectable (to copy what was not sent); every other control of a form stops taking input. */
function lock(root: ParentNode): void {
  // Buttons that only change the view (sorting, expanding) still work; those of forms would post.
  for (const el of root.querySelectorAll<HTMLElement>("input, textarea, select, form button")) {
    if (el.closest("[data-stays-usable]")) continue;
    if (el instanceof HTMLTextAreaElement) el.readOnly = true;
    else if (el instanceof HTMLInputElement && TEXT_INPUTS.has(el.getAttribute("type") ?? ""))
      el.readOnly = true;
    else (el as HTMLInputElement | HTMLSelectElement | HTMLButtonElement).disabled = true;
  }
}

/**
 * While `active`, every form control under `ref` is read-only (text) or disabled (the rest), and so
 * is every control that appears later: a session the server ended must not take typing it will
 * never keep. Fields bound to the document turn to text through the room's `canEdit`; this covers
 * the forms that post to the server (estimates, determinations, snapshots), whose unsent text stays
 * on screen to copy. Elements inside `[data-stays-usable]` are left alone.
 */
export function useReadOnlyWhile(ref: RefObject<HTMLElement | null>, active: boolean): void {
  useEffect(() => {
    const root = ref.current;
    if (!active || !root) return;
    lock(root);
    const observer = new MutationObserver(() => lock(root));
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [ref, active]);
}
