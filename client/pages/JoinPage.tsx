import { type FormEvent, useId, useState } from "react";
import { ErrorCode } from "../../shared/errors";
import { MAX_NAME_LENGTH } from "../../shared/limits";
import { ApiRequestError, type ClientErrorCode, describeError, joinWorkshop } from "../api";
import { FormError } from "../components/FormError";
import { Layout } from "../components/Layout";
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

export function JoinPage() {
  // The token is in the fragment, which the browser never sends: it reaches the server only in the join body.
  const [inviteToken] = useState(() => window.location.hash.slice(1));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameId = useId();

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
        {inviteToken ? (
          <>
            <p className="lede">You were invited to a Riskroom workshop. Tell the others who you are.</p>
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
        ) : (
          <p role="alert" className="form-error">
            This invite link is incomplete: the part after “#” is missing. Copy the whole link from the
            facilitator’s message and open it again.
          </p>
        )}
      </section>
    </Layout>
  );
}
