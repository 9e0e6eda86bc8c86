import { useEffect, useRef } from "react";
import type { FocusNote } from "./useFocusFollow";

/** By participant id; a focus stored before ids were recorded falls back to the name. */
const isSelf = (note: FocusNote, self: { participantId: string; name: string }): boolean =>
  note.byId ? note.byId === self.participantId : note.by === self.name;

/**
 * "Fran brought everyone here": said politely, and given the keyboard only when the move left it
 * nowhere (the field it was in belonged to the page that was replaced).
 */
export function FocusNoteBanner({
  note,
  self,
  onDismiss,
}: {
  note: FocusNote;
  self: { participantId: string; name: string };
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
        <strong>{isSelf(note, self) ? "You" : note.by}</strong> brought everyone here.
      </span>
      <button type="button" className="small-button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
