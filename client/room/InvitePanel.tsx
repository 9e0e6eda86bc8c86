import { useEffect, useState } from "react";
import type { CreateInviteResponse } from "../../shared/api";
import { roleLabel } from "../format";
import { useInvites } from "../hooks/useInvites";
import { CopyLink } from "./CopyLink";
import { InviteForm } from "./InviteForm";
import { InviteList } from "./InviteList";

/**
 * Facilitators' invite links. The full link is shown once, right after it is made: the server keeps
 * only a hash of its token. `joinCount` changes whenever someone joins, so the uses stay current.
 */
export function InvitePanel({
  token,
  workshopId,
  joinCount,
}: {
  token: string;
  workshopId: string;
  joinCount: number;
}) {
  const { invites, error, refresh } = useInvites(token, workshopId);
  const [created, setCreated] = useState<CreateInviteResponse | null>(null);

  useEffect(() => {
    if (joinCount > 0) refresh();
  }, [joinCount, refresh]);

  function onCreated(response: CreateInviteResponse) {
    setCreated(response);
    refresh();
  }

  return (
    <section className="card invite-panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite people</h2>
      <InviteForm token={token} workshopId={workshopId} onCreated={onCreated} />
      {created && (
        <div className="new-invite">
          <CopyLink
            label={`New ${roleLabel(created.invite.role).toLowerCase()} invite link`}
            url={created.url}
            hint="Copy it now: it is shown only once. Anyone with the link can join."
          />
        </div>
      )}
      <h3>Invites</h3>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {invites && <InviteList token={token} workshopId={workshopId} invites={invites} onChanged={refresh} />}
    </section>
  );
}
