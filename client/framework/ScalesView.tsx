import type { Framework } from "../../shared/estimation/framework";
import { formatProbability } from "../estimationFormat";
import { ACCEPTABILITY_LABELS, AGGREGATION_LABELS } from "./labels";

/** The framework's scales, read-only: likelihood bands, severity levels, matrix tiers, aggregation. */
export function ScalesView({ framework }: { framework: Framework }) {
  return (
    <>
      <section className="panel" aria-labelledby="fw-bands-h">
        <h3 id="fw-bands-h">Likelihood bands</h3>
        <table className="fw-table">
          <thead>
            <tr>
              <th scope="col">Band</th>
              <th scope="col">Probability</th>
              <th scope="col">Period</th>
            </tr>
          </thead>
          <tbody>
            {[...framework.likelihoodBands].reverse().map((b) => (
              <tr key={b.id}>
                <td>{b.label}</td>
                <td>
                  {formatProbability(b.lower)} – {formatProbability(b.upper)}
                </td>
                <td className="muted">{b.period}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel" aria-labelledby="fw-levels-h">
        <h3 id="fw-levels-h">Severity levels</h3>
        <table className="fw-table">
          <thead>
            <tr>
              <th scope="col">Level</th>
              <th scope="col">Description</th>
              <th scope="col">Quantitative anchor</th>
            </tr>
          </thead>
          <tbody>
            {framework.severityLevels.map((l) => (
              <tr key={l.id}>
                <td>{l.name}</td>
                <td>{l.description || <span className="muted">—</span>}</td>
                <td>
                  {l.anchor || <span className="muted">—</span>}
                  {l.anchorValue !== undefined && (
                    <span className="tag fw-anchor-value">
                      from {l.anchorValue} {l.anchorUnit ?? ""}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel" aria-labelledby="fw-tiers-h">
        <h3 id="fw-tiers-h">Matrix tiers</h3>
        <ul className="fw-tier-list">
          {framework.tiers.map((t) => (
            <li key={t.id}>
              <span className="fw-swatch" style={{ background: t.colour }} aria-hidden="true" />
              <strong>{t.name}</strong>
              <span className="muted small">{ACCEPTABILITY_LABELS[t.acceptable]}</span>
            </li>
          ))}
        </ul>
        <p className="small fw-aggregation">
          <strong>Aggregation of expert estimates:</strong> {AGGREGATION_LABELS[framework.aggregation]}
        </p>
      </section>
    </>
  );
}
