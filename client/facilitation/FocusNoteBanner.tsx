import { useEffect, useRef } from "react";
import type { FocusNote } from "./useFocusFollow";

/**
 * "Fran brought everyone here": said politely, and given the keyboard only when the move left it
 * nowhere (the field it was in belonged to the page that was replaced).
 */
export function FocusNoteBanner({
  note,
  selfName,
  onDismiss,
}: {
  note: FocusNote;
  selfName: string;
  onDismiss(): void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    void note.seq;
    const active = document.activeElement;
    if (!active || active === document.body) ref.current?.focus();
  }, [note.seq]);
  return (
    <div className="focus-note" role="status" tabIndex={-1} ref={ref}>
      <span>
        <strong>{note.by === selfName ? "You" : note.by}</strong> brought everyone here.
      </span>
      <button type="button" className="small-button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
