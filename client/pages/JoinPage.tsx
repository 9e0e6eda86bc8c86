import { type FormEvent, useEffect, useId, useState } from "react";
import type { InvitePreviewResponse } from "../../shared/api";
import { ErrorCode } from "../../shared/errors";
import { MAX_NAME_LENGTH } from "../../shared/limits";
import { ApiRequestError, type ClientErrorCode, describeError, joinWorkshop, previewInvite } from "../api";
import { FormError } from "../components/FormError";
import { Layout } from "../components/Layout";
import { roleLabel } from "../format";
import { navigate } from "../router";
import { saveSession } from "../session";

/** What to tell someone whose invite link did not work, beyond the server's own words. */
function joinErrorMessage(err: unknown): string {
  if (!(err instanceof ApiRequestError)) return describeError(err);
  const advice: Partial<Record<ErrorCode | ClientErrorCode, string>> = {
    [ErrorCode.inviteInvalid]: "Check that you opened the whole link, or ask the facilitator for a new one.",
    [ErrorCode.inviteExpired]: "Ask the facilitator for a new link.",
    [ErrorCode.inviteRevoked]: "Ask the facilitator for a new link.",
    [ErrorCode.inviteUsedUp]: "Ask the facilitator for a new link.",
  };
  const message = err.message.charAt(0).toUpperCase() + err.message.slice(1);
  const tip = advice[err.code];
  return tip ? `${message}. ${tip}` : describeError(err);
}

const ROLE_DUTIES: Record<InvitePreviewResponse["role"], string> = {
  facilitator:
    "You will run the workshop with the other facilitators: invites, phases, rounds and the framework.",
  expert: "You will co-edit the threat model and the scenarios, and estimate risks in blind rounds.",
  observer: "You will follow the workshop as it happens, without editing.",
};

type Preview =
  | { status: "loading" }
  | { status: "ready"; value: InvitePreviewResponse }
  | { status: "refused"; message: string };

/** What the invite leads to, asked with the token in a POST body; an unusable link learns nothing. */
function useInvitePreview(inviteToken: string): Preview {
  const [preview, setPreview] = useState<Preview>({ status: "loading" });
  useEffect(() => {
    if (!inviteToken) return;
    let live = true;
    previewInvite({ inviteToken }).then(
      (value) => live && setPreview({ status: "ready", value }),
      (err: unknown) => live && setPreview({ status: "refused", message: joinErrorMessage(err) }),
    );
    return () => {
      live = false;
    };
  }, [inviteToken]);
  return preview;
}

export function JoinPage() {
  // The token is in the fragment, which the browser never sends: it reaches the server only in a request body.
  const [inviteToken] = useState(() => window.location.hash.slice(1));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameId = useId();
  const preview = useInvitePreview(inviteToken);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const displayName = String(new FormData(event.currentTarget).get("displayName") ?? "");
    setBusy(true);
    setError(null);
    try {
      const joined = await joinWorkshop({ inviteToken, displayName });
      saveSession(joined);
      // Replace, so Back does not return to a spent invite link.
      navigate(`/w/${joined.workshop.id}`, { replace: true });
    } catch (err) {
      setError(joinErrorMessage(err));
      setBusy(false);
    }
  }

  return (
    <Layout title="Join a workshop">
      <section className="card narrow" aria-labelledby="join-heading">
        <h1 id="join-heading">Join a workshop</h1>
        {!inviteToken ? null : preview.status === "loading" ? (
          <p className="muted" role="status">
            Checking the invite link…
          </p>
        ) : preview.status === "refused" ? (
          <p role="alert" className="form-error">
            {preview.message}
          </p>
        ) : (
          <>
            <p className="lede">
              You are invited to <strong>{preview.value.workshop.title}</strong>
              {preview.value.workshop.subject && <> ({preview.value.workshop.subject})</>} as{" "}
              {preview.value.role === "expert" ? "an" : "a"}{" "}
              <strong>{roleLabel(preview.value.role).toLowerCase()}</strong>.
            </p>
            <p>{ROLE_DUTIES[preview.value.role]} Tell the others who you are.</p>
            <form onSubmit={onSubmit} className="form">
              <div className="field">
                <label htmlFor={nameId}>Your name</label>
                <input
                  id={nameId}
                  name="displayName"
                  required
                  maxLength={MAX_NAME_LENGTH}
                  autoComplete="name"
                />
              </div>
              <FormError message={error} />
              <button type="submit" className="primary" disabled={busy}>
                {busy ? "Joining…" : "Join workshop"}
              </button>
            </form>
          </>
        )}
        {!inviteToken && (
          <p role="alert" className="form-error">
            This invite link is incomplete: the part after “#” is missing. Copy the whole link from the
            facilitator’s message and open it again.
          </p>
        )}
      </section>
    </Layout>
  );
}
