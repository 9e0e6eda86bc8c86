import { risksOf } from "../../shared/content";
import { mayReadAudit } from "../audit/auditLabels";
import { Link } from "../components/Link";
import { changeThenFocus } from "../fields/focusSoon";
import { useActors, useRisks, useSafeguards, useScenarioList, useSources } from "../hooks/useContent";
import { useViewers } from "../hooks/useViewers";
import { useRoom } from "../room/RoomContext";
import { navigate, type RoomView, roomPath } from "../router";
import { useAddScenario } from "../scenario/useAddScenario";
import { RiskNavGroup } from "./RiskNavGroup";

const ASSESSMENT_LINKS = [
  ["framework", "Framework"],
  ["rounds", "Estimation rounds"],
  ["register", "Risk register"],
  ["acceptance", "Acceptance"],
  ["incidents", "Serious incidents"],
  ["snapshots", "Snapshots & history"],
] as const;

/** The room's left column: overview, threat model, then each risk with its scenarios. */
export function RoomNav({ view, ready }: { view: RoomView; ready: boolean }) {
  const { doc, history, awareness, self, canEdit, base } = useRoom();
  const risks = useRisks(doc);
  const scenarios = useScenarioList(doc);
  const threatCount = useActors(doc).length + useSources(doc).length + useSafeguards(doc).length;
  const viewers = useViewers(awareness, self.participantId);
  const addScenario = useAddScenario();
  const path = (v: RoomView) => roomPath(base, v);
  const hrefOf = {
    risk: (riskId: string) => path({ kind: "risk", riskId }),
    scenario: (scenarioId: string) => path({ kind: "scenario", scenarioId }),
  };
  const current = (kind: RoomView["kind"]) =>
    view.kind === kind || (kind === "snapshots" && (view.kind === "snapshot" || view.kind === "compare"))
      ? "page"
      : undefined;
  const currentScenario =
    view.kind === "scenario" ? scenarios.find((s) => s.id === view.scenarioId) : undefined;
  const active = risks.filter((r) => !r.archived);
  // A snapshot is read-only: adding there would add to the live room, out of sight.
  const canAdd = canEdit && view.kind !== "snapshot";
  const archived = risks.filter((r) => r.archived);

  const addOtherRisk = () => {
    let id = "";
    changeThenFocus(
      () => {
        history.edit(() => (id = risksOf(doc).add({ title: "Other systemic risk", specified: false })));
        if (id) navigate(path({ kind: "risk", riskId: id }));
      },
      () => "risk-title",
      { select: true },
    );
  };

  return (
    <nav className="room-nav" aria-label="Workshop contents">
      <ul className="nav-top">
        <li>
          <Link href={path({ kind: "overview" })} aria-current={current("overview")}>
            Overview
          </Link>
        </li>
        <li>
          <Link href={path({ kind: "threatModel" })} aria-current={current("threatModel")}>
            Threat model <span className="count">{threatCount}</span>
          </Link>
        </li>
      </ul>
      <h2 className="nav-heading" id="nav-assess-heading">
        Assessment
      </h2>
      <ul className="nav-top" aria-labelledby="nav-assess-heading">
        {ASSESSMENT_LINKS.map(([kind, label]) => (
          <li key={kind}>
            <Link href={path({ kind })} aria-current={current(kind)}>
              {label}
            </Link>
          </li>
        ))}
        {mayReadAudit(self.role) && (
          <li>
            <Link href={roomPath(base.workshopId, { kind: "audit" })} aria-current={current("audit")}>
              Audit
            </Link>
          </li>
        )}
      </ul>
      <h2 className="nav-heading" id="nav-risks-heading">
        Risks and scenarios
      </h2>
      {!ready ? (
        <p className="nav-empty">Loading…</p>
      ) : (
        <ul className="nav-risks" aria-labelledby="nav-risks-heading">
          {active.map((risk) => (
            <RiskNavGroup
              key={risk.id}
              risk={risk}
              scenarios={scenarios.filter((s) => s.riskId === risk.id)}
              viewers={viewers}
              hrefOf={hrefOf}
              currentRiskId={view.kind === "risk" ? view.riskId : null}
              currentScenarioId={currentScenario?.id ?? null}
              onAddScenario={canAdd ? addScenario : null}
            />
          ))}
        </ul>
      )}
      {canAdd && ready && (
        <button type="button" className="nav-add nav-add-risk" onClick={addOtherRisk}>
          + Add other risk
        </button>
      )}
      {archived.length > 0 && (
        <details className="nav-archived">
          <summary>Archived risks ({archived.length})</summary>
          <ul>
            {archived.map((risk) => (
              <li key={risk.id}>
                <Link href={hrefOf.risk(risk.id)}>{risk.title}</Link>
              </li>
            ))}
          </ul>
        </details>
      )}
    </nav>
  );
}
