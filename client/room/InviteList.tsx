import { useEffect, useId, useRef, useState } from "react";
import type { InviteView } from "../../shared/api";
import { describeError, revokeInvite } from "../api";
import { FormError } from "../components/FormError";
import { formatShortDateTime, roleLabel } from "../format";

/** "Revoke", then a confirmation that says who it signs out; an expired invite's sessions still count. */
function RevokeControl(props: {
  name: string;
  uses: number;
  confirming: boolean;
  onAsk(): void;
  onCancel(): void;
  onConfirm(): void;
}) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const noteId = useId();
  useEffect(() => {
    // The Revoke button is gone: keep the keyboard where the choice is, on the safe answer.
    if (props.confirming) cancelRef.current?.focus();
  }, [props.confirming]);
  if (!props.confirming)
    return (
      <button type="button" className="danger-quiet" onClick={props.onAsk}>
        Revoke<span className="visually-hidden"> {props.name} invite</span>
      </button>
    );
  return (
    <div className="confirm">
      <div className="confirm-buttons">
        <button type="button" className="danger" onClick={props.onConfirm} aria-describedby={noteId}>
          Yes, revoke
        </button>
        <button type="button" ref={cancelRef} onClick={props.onCancel}>
          Cancel
        </button>
      </div>
      <span id={noteId} className="confirm-note">
        {props.uses === 0
          ? "Nobody has used it yet."
          : `Signs out ${props.uses === 1 ? "1 person" : `${props.uses} people`}.`}
      </span>
    </div>
  );
}

function inviteStatus(invite: InviteView, now: number): { label: string; live: boolean } {
  if (invite.revokedAt) return { label: "Revoked", live: false };
  if (invite.expiresAt && Date.parse(invite.expiresAt) <= now) return { label: "Expired", live: false };
  if (invite.maxUses !== undefined && invite.uses >= invite.maxUses) return { label: "Used up", live: false };
  return { label: "Active", live: true };
}

/** The workshop's invites with their uses; revoking asks once more, since it ends people's sessions. */
export function InviteList({
  token,
  workshopId,
  invites,
  onChanged,
}: {
  token: string;
  workshopId: string;
  invites: InviteView[];
  onChanged(): void;
}) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const now = Date.now();

  async function revoke(inviteId: string) {
    setError(null);
    try {
      await revokeInvite(token, workshopId, inviteId);
      onChanged();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setConfirming(null);
    }
  }

  if (invites.length === 0) return <p className="muted">No invites yet.</p>;
  return (
    <>
      <FormError message={error} />
      <table className="invite-table">
        <caption className="visually-hidden">Invites</caption>
        <thead>
          <tr>
            <th scope="col">Invite</th>
            <th scope="col">Uses</th>
            <th scope="col">Expires</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {invites.map((invite) => {
            const status = inviteStatus(invite, now);
            const name = `${roleLabel(invite.role)}${invite.label ? `: ${invite.label}` : ""}`;
            return (
              <tr key={invite.id}>
                <td>
                  <span className={`role-tag role-${invite.role}`}>{roleLabel(invite.role)}</span>
                  {invite.label && <span className="invite-label">{invite.label}</span>}
                  <div className="muted small">created {formatShortDateTime(invite.createdAt)}</div>
                </td>
                <td>
                  {invite.uses}
                  {invite.maxUses !== undefined && ` / ${invite.maxUses}`}
                </td>
                <td className="small nowrap">
                  {invite.expiresAt ? formatShortDateTime(invite.expiresAt) : "Never"}
                </td>
                <td>
                  <span className={status.live ? "badge badge-here" : "badge"}>{status.label}</span>
                </td>
                <td className="actions">
                  {!invite.revokedAt && (
                    <RevokeControl
                      name={name}
                      uses={invite.uses}
                      confirming={confirming === invite.id}
                      onAsk={() => setConfirming(invite.id)}
                      onCancel={() => setConfirming(null)}
                      onConfirm={() => revoke(invite.id)}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
