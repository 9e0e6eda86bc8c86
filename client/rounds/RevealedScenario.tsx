import type { ScenarioAggregate } from "../../shared/estimation/aggregate";
import type { Framework } from "../../shared/estimation/framework";
import type { RevealedRound, RoundView } from "../../shared/estimationView";
import { SpreadPlot } from "../charts/SpreadPlot";
import { spreadGroup } from "../charts/spreadLayout";
import { formatRange } from "../estimationFormat";
import { AggregateSummary } from "./AggregateSummary";
import { formatSeverity } from "./roundsModel";

interface Props {
  title: string;
  framework: Framework;
  round: RoundView;
  scenarioId: string;
  revealed: RevealedRound | null;
}

/** A scenario of a revealed or closed round: every expert's values and the group's aggregate. */
export function RevealedScenario({ title, framework, round, scenarioId, revealed }: Props) {
  const estimates = revealed?.estimates[scenarioId] ?? [];
  const aggregate: ScenarioAggregate | null = revealed?.aggregates[scenarioId] ?? null;
  const group = revealed ? spreadGroup(round, revealed, scenarioId) : null;
  return (
    <article className="round-scenario">
      <h4>{title}</h4>
      {estimates.length === 0 || aggregate === null ? (
        <p className="muted small">Nobody estimated this scenario in this round.</p>
      ) : (
        <>
          <AggregateSummary
            aggregate={aggregate}
            framework={framework}
            severities={estimates.map((e) => e.severity)}
          />
          {group && <SpreadPlot groups={[group]} framework={framework} />}
          <table className="revealed-table">
            <caption className="visually-hidden">Revealed estimates for {title}</caption>
            <thead>
              <tr>
                <th scope="col">Who</th>
                <th scope="col">Probability: best (low–high)</th>
                <th scope="col">Severity</th>
                <th scope="col">Confidence</th>
                <th scope="col">Rationale</th>
              </tr>
            </thead>
            <tbody>
              {estimates.map((e) => (
                <tr key={e.participantId ?? e.who}>
                  <th scope="row">{e.who}</th>
                  <td className="num">{formatRange(e.probability)}</td>
                  <td>{formatSeverity(framework, e.severity)}</td>
                  <td>{e.confidence}</td>
                  <td className="rationale">{e.rationale || <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </article>
  );
}
