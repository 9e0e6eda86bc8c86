import { useCallback, useEffect, useState } from "react";
import type { ModelOverview, ModelView } from "../../shared/models";
import { describeError } from "../api";
import { FormError } from "../components/FormError";
import { Layout } from "../components/Layout";
import { ModelHistoryChart } from "../models/ModelHistoryChart";
import { ModelWorkshops } from "../models/ModelWorkshops";
import { getModel, getOverview } from "../models/modelApi";
import { loadModel } from "../models/modelTokens";
import { ReportVersions } from "../models/ReportVersions";
import { listSessions } from "../session";

/** The tokens this browser could read the model with: its model token first, then facilitator sessions. */
function candidateTokens(modelId: string): string[] {
  const stored = loadModel(modelId);
  const sessions = listSessions().filter((s) => s.participant.role === "facilitator");
  return [...(stored ? [stored.token] : []), ...sessions.map((s) => s.token)];
}

/** A model: its workshops and sign-offs, each risk's latest determination, the cross-workshop history, the report versions. */
export function ModelPage({ modelId }: { modelId: string }) {
  const [token, setToken] = useState<string | null>(null);
  const [model, setModel] = useState<ModelView | null>(null);
  const [overview, setOverview] = useState<ModelOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const modelToken = loadModel(modelId)?.token ?? null;

  const refresh = useCallback(
    async (with_: string) => {
      const [m, o] = await Promise.all([getModel(with_, modelId), getOverview(with_, modelId)]);
      setModel(m.model);
      setOverview(o);
    },
    [modelId],
  );

  useEffect(() => {
    let cancelled = false;
    (async () => {
      let last: unknown = null;
      for (const candidate of candidateTokens(modelId)) {
        try {
          await refresh(candidate);
          if (!cancelled) setToken(candidate);
          return;
        } catch (err) {
          last = err;
        }
      }
      if (!cancelled)
        setError(
          last
            ? describeError(last)
            : "This browser holds neither the model's token nor a facilitator session of one of its workshops.",
        );
    })();
    return () => {
      cancelled = true;
    };
  }, [modelId, refresh]);

  const changed = (next: ModelView) => {
    setModel(next);
    if (token) void refresh(token).catch((err: unknown) => setError(describeError(err)));
  };

  if (!model || !token)
    return (
      <Layout title="Model">
        <section className="card">
          <h1>Model</h1>
          {error ? <FormError message={error} /> : <p className="muted">Loading…</p>}
        </section>
      </Layout>
    );

  return (
    <Layout title={model.name}>
      <div className="model-page">
        <section className="card" aria-labelledby="model-title">
          <h1 id="model-title">
            {model.name} {model.version && <span className="muted">({model.version})</span>}
          </h1>
          {model.description ? <p>{model.description}</p> : <p className="muted">No description yet.</p>}
          {model.deploymentContext && <p className="hint">Deployment: {model.deploymentContext}</p>}
          {model.conditionsNoLongerHold.length > 0 ? (
            <div className="notice warn" role="status">
              <strong>Conditions no longer hold</strong>
              <ul>
                {model.conditionsNoLongerHold.map((c) => (
                  <li key={`${c.workshopId}/${c.riskId}/${c.conditionId}`}>
                    {c.riskTitle} ({c.workshopTitle}): {c.description}; {c.reason}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="muted">Every watched condition still holds.</p>
          )}
        </section>
        <ModelWorkshops model={model} modelToken={modelToken} onChange={changed} />
        <section className="card" aria-labelledby="model-risks">
          <h2 id="model-risks">Risks: the latest determination across workshops</h2>
          {!overview || overview.risks.length === 0 ? (
            <p className="muted">No determination recorded in any attached workshop yet.</p>
          ) : (
            <table className="model-table">
              <thead>
                <tr>
                  <th scope="col">Risk</th>
                  <th scope="col">Tier reached</th>
                  <th scope="col">Verdict</th>
                  <th scope="col">Workshop</th>
                  <th scope="col">Conditions</th>
                </tr>
              </thead>
              <tbody>
                {overview.risks.map((r) => (
                  <tr key={r.riskId}>
                    <th scope="row">{r.riskTitle}</th>
                    <td>{r.tier ?? "other criteria"}</td>
                    <td>{r.verdict.replace("-", " ")}</td>
                    <td>
                      {r.workshopTitle}, {r.at.slice(0, 10)}
                    </td>
                    <td>{r.noLongerHolds ? <strong>no longer hold</strong> : "hold"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="card" aria-labelledby="model-history">
          <h2 id="model-history">Risk history across workshops</h2>
          <ModelHistoryChart series={overview?.history ?? []} />
        </section>
        <ReportVersions model={model} token={token} onIssued={() => changed(model)} />
      </div>
    </Layout>
  );
}
