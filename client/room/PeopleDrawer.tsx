import { type RefObject, useEffect } from "react";
import type { ParticipantView } from "../../shared/api";
import { InvitePanel } from "./InvitePanel";
import { ParticipantList } from "./ParticipantList";

/**
 * Everyone who joined, and the facilitator's invites, in a side drawer over the room. A modal
 * <dialog>: the browser keeps the keyboard inside it, Escape closes it, and focus returns to the
 * button that opened it.
 */
export function PeopleDrawer({
  dialogRef,
  open,
  onClose,
  participants,
  presentIds,
  invites,
}: {
  dialogRef: RefObject<HTMLDialogElement | null>;
  open: boolean;
  onClose(): void;
  participants: ParticipantView[];
  presentIds: ReadonlySet<string>;
  invites: { token: string; workshopId: string } | null;
}) {
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open, dialogRef]);

  return (
    <dialog ref={dialogRef} className="drawer" aria-labelledby="people-heading" onClose={onClose}>
      <div className="drawer-head">
        <h2 id="people-heading">People</h2>
        <button type="button" className="small-button" onClick={onClose}>
          Close
        </button>
      </div>
      {open && (
        <div className="drawer-body">
          <ParticipantList participants={participants} presentIds={presentIds} />
          {invites && (
            <InvitePanel
              token={invites.token}
              workshopId={invites.workshopId}
              joinCount={participants.length}
            />
          )}
        </div>
      )}
    </dialog>
  );
}
