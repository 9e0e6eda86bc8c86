import { type FormEvent, useEffect, useId, useState } from "react";
import type { ModelView } from "../../shared/models";
import type { SnapshotEntry } from "../../shared/snapshot";
import { describeError } from "../api";
import { FormError } from "../components/FormError";
import { Link } from "../components/Link";
import { listSessions, type StoredSession } from "../session";
import { attachWorkshop, listSnapshots, signOffSnapshot } from "./modelApi";

const facilitatorSessions = () => listSessions().filter((s) => s.participant.role === "facilitator");

/** The model's workshops with their sign-offs; attaching and signing off with this browser's facilitator sessions. */
export function ModelWorkshops({
  model,
  modelToken,
  onChange,
}: {
  model: ModelView;
  modelToken: string | null;
  onChange: (model: ModelView) => void;
}) {
  const sessions = facilitatorSessions();
  const attached = new Set(model.workshops.map((w) => w.workshopId));
  const candidates = sessions.filter((s) => !attached.has(s.workshop.id));
  return (
    <section className="card" aria-labelledby="model-workshops">
      <h2 id="model-workshops">Workshops</h2>
      {model.workshops.length === 0 ? (
        <p className="muted">No workshop is attached yet. Attach one you facilitate below.</p>
      ) : (
        <table className="model-table">
          <thead>
            <tr>
              <th scope="col">Workshop</th>
              <th scope="col">Sign-off</th>
              <th scope="col">Change the sign-off</th>
            </tr>
          </thead>
          <tbody>
            {model.workshops.map((w) => {
              const session = sessions.find((s) => s.workshop.id === w.workshopId);
              return (
                <tr key={w.workshopId}>
                  <td>{session ? <Link href={`/w/${w.workshopId}`}>{w.title}</Link> : w.title}</td>
                  <td>
                    {w.signOff ? (
                      <>
                        “{w.signOff.label}”, signed off {w.signOff.at.slice(0, 10)} by {w.signOff.by}
                      </>
                    ) : (
                      <span className="muted">No sign-off yet</span>
                    )}
                  </td>
                  <td>
                    {session ? (
                      <SignOffForm model={model} session={session} title={w.title} onChange={onChange} />
                    ) : (
                      <span className="muted">Only its facilitators</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {modelToken && candidates.length > 0 && (
        <AttachForm model={model} modelToken={modelToken} candidates={candidates} onChange={onChange} />
      )}
      {!modelToken && (
        <p className="hint">Attaching a workshop needs the model token, kept by whoever created the model.</p>
      )}
    </section>
  );
}

function AttachForm({
  model,
  modelToken,
  candidates,
  onChange,
}: {
  model: ModelView;
  modelToken: string;
  candidates: StoredSession[];
  onChange: (model: ModelView) => void;
}) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const workshopId = String(new FormData(event.currentTarget).get("workshop") ?? "");
    const session = candidates.find((s) => s.workshop.id === workshopId);
    if (!session) return;
    try {
      onChange((await attachWorkshop(session.token, model.id, workshopId, modelToken)).model);
      setError(null);
    } catch (err) {
      setError(describeError(err));
    }
  }
  return (
    <form className="inline-form" aria-label="Attach a workshop" onSubmit={onSubmit}>
      <label htmlFor={id}>Workshop you facilitate</label>
      <select id={id} name="workshop">
        {candidates.map((s) => (
          <option key={s.workshop.id} value={s.workshop.id}>
            {s.workshop.title}
          </option>
        ))}
      </select>
      <button type="submit">Attach</button>
      <FormError message={error} />
    </form>
  );
}

function SignOffForm({
  model,
  session,
  title,
  onChange,
}: {
  model: ModelView;
  session: StoredSession;
  title: string;
  onChange: (model: ModelView) => void;
}) {
  const id = useId();
  const [snapshots, setSnapshots] = useState<SnapshotEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    listSnapshots(session.token, session.workshop.id).then(
      (r) => setSnapshots(r.snapshots),
      (err: unknown) => setError(describeError(err)),
    );
  }, [session]);
  if (snapshots?.length === 0) return <span className="muted">Take a snapshot in the workshop first</span>;
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const snapshotId = String(new FormData(event.currentTarget).get("snapshot") ?? "");
    try {
      onChange((await signOffSnapshot(session.token, model.id, session.workshop.id, snapshotId)).model);
      setError(null);
    } catch (err) {
      setError(describeError(err));
    }
  }
  return (
    <form className="inline-form" aria-label={`Sign off ${title}`} onSubmit={onSubmit}>
      <label htmlFor={id}>Snapshot</label>
      <select id={id} name="snapshot" disabled={!snapshots}>
        {[...(snapshots ?? [])].reverse().map((s) => (
          <option key={s.id} value={s.id}>
            {s.label} ({s.takenAt.slice(0, 16).replace("T", " ")})
          </option>
        ))}
      </select>
      <button type="submit" disabled={!snapshots}>
        Sign off
      </button>
      <FormError message={error} />
    </form>
  );
}
