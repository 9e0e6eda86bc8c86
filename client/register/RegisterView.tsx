/** The risk register: every scenario in the locked matrix, a sortable table of standings, and the history. */
import { useMemo } from "react";
import { FetchedHistoryPanel } from "../charts/HistoryPanel";
import { RiskMatrix } from "../charts/RiskMatrix";
import { Link } from "../components/Link";
import { EmptyState } from "../fields/EmptyState";
import { plural } from "../format";
import { useRisks, useScenarioList } from "../hooks/useContent";
import { useFramework, useLock, useStandings } from "../hooks/useEstimation";
import { useRoom } from "../room/RoomContext";
import { roomPath } from "../router";
import { RegisterTable } from "./RegisterTable";
import { registerRows } from "./registerRows";

export function RegisterView() {
  const { doc, controlDoc, base } = useRoom();
  const risks = useRisks(doc);
  const scenarios = useScenarioList(doc);
  const framework = useFramework(controlDoc);
  const lock = useLock(controlDoc);
  const standings = useStandings(controlDoc);
  const rows = useMemo(
    () => registerRows(risks, scenarios, standings, framework),
    [risks, scenarios, standings, framework],
  );
  const estimated = rows.filter((r) => r.pre || r.residual).length;
  const labels = useMemo(() => new Map(rows.map((r) => [r.scenarioId, `${r.number}. ${r.title}`])), [rows]);

  return (
    <div className="pane-inner register-view">
      <header className="view-header">
        <h2 className="view-title">Risk register</h2>
        <p className="muted">
          {plural(rows.length, "scenario")} · {estimated} estimated · each at its latest revealed round
        </p>
      </header>
      <section className="panel" aria-labelledby="register-matrix-heading">
        <h3 id="register-matrix-heading">Risk matrix</h3>
        {framework ? (
          <>
            {!lock && (
              <p className="muted small">
                The framework is not locked: this matrix is a draft and may still change in{" "}
                <Link href={roomPath(base, { kind: "framework" })}>Framework</Link>.
              </p>
            )}
            <RiskMatrix framework={framework} items={rows} />
          </>
        ) : (
          <EmptyState title="No acceptance framework yet.">
            The matrix appears once the facilitator sets up and locks the acceptance framework in{" "}
            <Link href={roomPath(base, { kind: "framework" })}>Framework</Link>.
          </EmptyState>
        )}
      </section>
      <section className="panel" aria-labelledby="register-table-heading">
        <h3 id="register-table-heading">Scenarios</h3>
        {rows.length === 0 ? (
          <EmptyState title="No scenarios yet.">
            Pick a risk on the left and add a scenario; it is listed here once it exists.
          </EmptyState>
        ) : (
          <>
            {estimated === 0 && (
              <p className="muted">
                None estimated yet: the facilitator opens a round from{" "}
                <Link href={roomPath(base, { kind: "rounds" })}>Estimation rounds</Link>.
              </p>
            )}
            <RegisterTable rows={rows} framework={framework} />
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="register-history-heading">
        <h3 id="register-history-heading">Risk history</h3>
        <FetchedHistoryPanel framework={framework} labels={labels} title="Risk history of all scenarios" />
      </section>
    </div>
  );
}
