import { Link } from "../components/Link";
import { plural } from "../format";
import { useActors, useRisks, useSafeguards, useScenarioList, useSources } from "../hooks/useContent";
import { useParticipants } from "../hooks/useParticipants";
import { useRoom } from "../room/RoomContext";
import { roomPath } from "../router";

/** Where the room opens: where the workshop stands, and what to do next when it has just begun. */
export function OverviewView() {
  const { doc, controlDoc, canEdit, canFacilitate, base } = useRoom();
  const participantCount = useParticipants(controlDoc).length;
  const risks = useRisks(doc).filter((r) => !r.archived);
  const scenarios = useScenarioList(doc);
  const threatCount = useActors(doc).length + useSources(doc).length + useSafeguards(doc).length;
  const agreed = scenarios.filter((s) => s.status === "agreed").length;

  return (
    <div className="pane-inner overview">
      <header className="view-header">
        <h2 className="view-title">Overview</h2>
        <p className="muted">
          {plural(risks.length, "risk")} · {plural(scenarios.length, "scenario")} ({agreed} agreed) ·{" "}
          {plural(threatCount, "entry", "entries")} in the threat model
        </p>
      </header>
      {canEdit && (scenarios.length === 0 || threatCount === 0) && (
        <section className="panel getting-started" aria-labelledby="start-heading">
          <h3 id="start-heading">Getting started</h3>
          <ol>
            {canFacilitate && (
              <li className={participantCount > 1 ? "done" : undefined}>
                Invite the experts (and any observers): <strong>People &amp; invites</strong>, at the top
                right, makes a link per role to send them; whoever opens it joins under the name they give.
              </li>
            )}
            <li className={threatCount > 0 ? "done" : undefined}>
              Build the <Link href={roomPath(base, { kind: "threatModel" })}>threat model</Link>: the actors,
              the sources of risk (capabilities, propensities, affordances) and the safeguards.
            </li>
            <li className={scenarios.length > 0 ? "done" : undefined}>
              Pick a risk on the left and use <strong>+ Add scenario</strong>: say who acts, with what help
              from the model, through which steps, to what harm.
            </li>
            <li>Attach evidence to each scenario, and record dissent where you disagree.</li>
          </ol>
        </section>
      )}
      <section className="panel" aria-labelledby="risks-heading">
        <h3 id="risks-heading">Risks</h3>
        <table className="overview-table">
          <thead>
            <tr>
              <th scope="col">Risk</th>
              <th scope="col">Scenarios</th>
              <th scope="col">Agreed</th>
            </tr>
          </thead>
          <tbody>
            {risks.map((risk) => {
              const own = scenarios.filter((s) => s.riskId === risk.id);
              return (
                <tr key={risk.id}>
                  <th scope="row">
                    <Link href={roomPath(base, { kind: "risk", riskId: risk.id })}>{risk.title}</Link>
                    <div className="muted small">{risk.description}</div>
                  </th>
                  <td>{own.length}</td>
                  <td>{own.filter((s) => s.status === "agreed").length}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}
