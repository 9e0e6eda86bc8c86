import { type FormEvent, useId, useState } from "react";
import { MAX_NAME_LENGTH } from "../../shared/limits";
import { ApiRequestError, describeError } from "../api";
import { FormError } from "../components/FormError";
import { Link } from "../components/Link";
import { navigate } from "../router";
import { createModel } from "./modelApi";
import { listModels, saveModel } from "./modelTokens";

/** The start page's models: create one (kept with its token in this browser) and open the ones kept. */
export function ModelsCard() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [needsToken, setNeedsToken] = useState(false);
  const [models] = useState(listModels);
  const ids = {
    name: useId(),
    version: useId(),
    description: useId(),
    context: useId(),
    who: useId(),
    token: useId(),
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (key: string) => String(form.get(key) ?? "").trim();
    setBusy(true);
    setError(null);
    try {
      const created = await createModel(
        {
          name: value("name"),
          version: value("version"),
          description: value("description"),
          deploymentContext: value("deploymentContext"),
          displayName: value("displayName"),
        },
        value("createToken") || undefined,
      );
      saveModel({ id: created.model.id, name: created.model.name, token: created.token });
      navigate(`/m/${created.model.id}`);
    } catch (err) {
      if (err instanceof ApiRequestError && err.status === 401) setNeedsToken(true);
      setError(describeError(err));
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="models-heading">
      <h2 id="models-heading">Models</h2>
      <p className="lede">
        A model groups the workshops held about it; its Safety and Security Model Report is issued from their
        signed-off snapshots.
      </p>
      {models.length > 0 ? (
        <ul className="plain-list">
          {models.map((m) => (
            <li key={m.id}>
              <Link href={`/m/${m.id}`}>{m.name}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No model in this browser yet.</p>
      )}
      <form onSubmit={onSubmit} className="form" aria-label="New model">
        <div className="field">
          <label htmlFor={ids.name}>Model name</label>
          <input id={ids.name} name="name" required maxLength={200} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={ids.version}>
            Version or checkpoint <span className="optional">(optional)</span>
          </label>
          <input id={ids.version} name="version" maxLength={200} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={ids.description}>
            Description <span className="optional">(optional)</span>
          </label>
          <textarea id={ids.description} name="description" maxLength={8000} rows={3} />
        </div>
        <div className="field">
          <label htmlFor={ids.context}>
            Deployment context <span className="optional">(optional)</span>
          </label>
          <textarea id={ids.context} name="deploymentContext" maxLength={4000} rows={2} />
        </div>
        <div className="field">
          <label htmlFor={ids.who}>Creator</label>
          <input id={ids.who} name="displayName" required maxLength={MAX_NAME_LENGTH} autoComplete="name" />
        </div>
        {needsToken && (
          <div className="field">
            <label htmlFor={ids.token}>Create token</label>
            <input id={ids.token} name="createToken" type="password" required autoComplete="off" />
          </div>
        )}
        <FormError message={error} />
        <button type="submit" disabled={busy}>
          {busy ? "Creating…" : "Create model"}
        </button>
      </form>
    </section>
  );
}
