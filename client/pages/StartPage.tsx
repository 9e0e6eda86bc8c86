import { type FormEvent, useId, useState } from "react";
import { MAX_NAME_LENGTH } from "../../shared/limits";
import { ApiRequestError, createWorkshop, describeError } from "../api";
import { FormError } from "../components/FormError";
import { Layout } from "../components/Layout";
import { Link } from "../components/Link";
import { roleLabel } from "../format";
import { ModelsCard } from "../models/NewModelForm";
import { navigate } from "../router";
import { listSessions, saveSession } from "../session";

export function StartPage() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sessions] = useState(listSessions);
  // Shown once the server has said it lets only holders of its create token start workshops.
  const [needsToken, setNeedsToken] = useState(false);
  const ids = {
    title: useId(),
    subject: useId(),
    name: useId(),
    subjectHint: useId(),
    token: useId(),
    tokenHint: useId(),
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const subject = String(form.get("subject") ?? "").trim();
    const createToken = String(form.get("createToken") ?? "").trim();
    setBusy(true);
    setError(null);
    try {
      const created = await createWorkshop(
        {
          title: String(form.get("title") ?? ""),
          displayName: String(form.get("displayName") ?? ""),
          ...(subject ? { subject } : {}),
        },
        createToken || undefined,
      );
      saveSession(created);
      navigate(`/w/${created.workshop.id}`);
    } catch (err) {
      if (err instanceof ApiRequestError && err.status === 401) setNeedsToken(true);
      setError(describeError(err));
      setBusy(false);
    }
  }

  return (
    <Layout title="Start a workshop">
      <div className="start-grid">
        <section className="card" aria-labelledby="start-heading">
          <h1 id="start-heading">Start a workshop</h1>
          <p className="lede">
            You will be its facilitator. Once it is open, invite experts and observers with a link.
          </p>
          <form onSubmit={onSubmit} className="form">
            <div className="field">
              <label htmlFor={ids.title}>Workshop title</label>
              <input id={ids.title} name="title" required maxLength={200} autoComplete="off" />
            </div>
            <div className="field">
              <label htmlFor={ids.subject}>
                Model / subject <span className="optional">(optional)</span>
              </label>
              <input
                id={ids.subject}
                name="subject"
                maxLength={200}
                autoComplete="off"
                aria-describedby={ids.subjectHint}
              />
              <p id={ids.subjectHint} className="hint">
                The system or question under review, e.g. “Model X before deployment”.
              </p>
            </div>
            <div className="field">
              <label htmlFor={ids.name}>Your name</label>
              <input
                id={ids.name}
                name="displayName"
                required
                maxLength={MAX_NAME_LENGTH}
                autoComplete="name"
              />
            </div>
            {needsToken && (
              <div className="field">
                <label htmlFor={ids.token}>Create token</label>
                <input
                  id={ids.token}
                  name="createToken"
                  type="password"
                  required
                  autoComplete="off"
                  aria-describedby={ids.tokenHint}
                />
                <p id={ids.tokenHint} className="hint">
                  This server lets only holders of its create token start workshops; its operator has it. It
                  is sent with this request only and not kept.
                </p>
              </div>
            )}
            <FormError message={error} />
            <button type="submit" className="primary" disabled={busy}>
              {busy ? "Creating…" : "Create workshop"}
            </button>
          </form>
        </section>
        <ModelsCard />
        {sessions.length > 0 && (
          <section className="card" aria-labelledby="mine-heading">
            <h2 id="mine-heading">Your workshops in this browser</h2>
            <ul className="plain-list">
              {sessions.map((s) => (
                <li key={s.workshop.id}>
                  <Link href={`/w/${s.workshop.id}`}>{s.workshop.title}</Link>
                  <span className="muted">
                    {" "}
                    as {s.participant.displayName} ({roleLabel(s.participant.role)})
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </Layout>
  );
}
