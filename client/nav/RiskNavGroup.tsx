import type { Risk, ScenarioSummary } from "../../shared/content";
import type { ScenarioViewer } from "../../shared/viewers";
import { Link } from "../components/Link";
import { STATUS_LABELS } from "../labels";
import { ViewerAvatars } from "../room/ViewerAvatars";

/** One risk in the navigation, its scenarios (with their status and who is on them), and "Add scenario". */
export function RiskNavGroup({
  risk,
  scenarios,
  viewers,
  hrefOf,
  currentRiskId,
  currentScenarioId,
  onAddScenario,
}: {
  risk: Risk;
  scenarios: ScenarioSummary[];
  viewers: Record<string, ScenarioViewer[]>;
  hrefOf: { risk(id: string): string; scenario(id: string): string };
  currentRiskId: string | null;
  currentScenarioId: string | null;
  onAddScenario: ((riskId: string) => void) | null;
}) {
  return (
    <li className="nav-risk">
      <Link
        href={hrefOf.risk(risk.id)}
        className="nav-risk-link"
        aria-current={currentRiskId === risk.id ? "page" : undefined}
      >
        <span className="nav-risk-title">{risk.title}</span>
        <span className="count">
          {scenarios.length}
          <span className="visually-hidden"> scenarios</span>
        </span>
      </Link>
      {scenarios.length === 0 ? (
        <p className="nav-empty">No scenarios yet</p>
      ) : (
        <ul className="nav-scenarios">
          {scenarios.map((s) => (
            <li key={s.id}>
              <Link
                href={hrefOf.scenario(s.id)}
                className="nav-scenario"
                aria-current={currentScenarioId === s.id ? "page" : undefined}
              >
                <span className={`status-dot status-${s.status}`} aria-hidden="true" />
                <span className="nav-scenario-title">{s.title}</span>
                <span className="visually-hidden">, {STATUS_LABELS[s.status]}</span>
                <ViewerAvatars viewers={viewers[s.id] ?? []} />
              </Link>
            </li>
          ))}
        </ul>
      )}
      {onAddScenario && (
        <button type="button" className="nav-add" onClick={() => onAddScenario(risk.id)}>
          + Add scenario<span className="visually-hidden"> under {risk.title}</span>
        </button>
      )}
    </li>
  );
}
