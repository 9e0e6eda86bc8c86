import type { Risk } from "../../shared/content";
import { risksOf } from "../../shared/content";
import { neighbourMoveIndex } from "../../shared/ordering";
import { RiskDetermination } from "../acceptance/RiskDetermination";
import { Link } from "../components/Link";
import { EmptyState } from "../fields/EmptyState";
import { changeThenFocus, focusSoon } from "../fields/focusSoon";
import { InlineText } from "../fields/InlineText";
import { plural } from "../format";
import { useRisks, useScenarioList } from "../hooks/useContent";
import { STATUS_LABELS } from "../labels";
import { useRoom } from "../room/RoomContext";
import { roomPath } from "../router";
import { useAddScenario } from "../scenario/useAddScenario";
import { fieldKey } from "../sync/contentHistory";

/** One systemic risk: its wording, its place in the list, archiving (other risks only), its scenarios. */
export function RiskView({ riskId }: { riskId: string }) {
  const { doc, history, canEdit, base } = useRoom();
  const risks = useRisks(doc);
  const scenarios = useScenarioList(doc).filter((s) => s.riskId === riskId);
  const addScenario = useAddScenario();
  const risk = risks.find((r) => r.id === riskId);
  if (!risk)
    return (
      <div className="pane-inner">
        <EmptyState title="This risk is not here.">
          <Link href={roomPath(base, { kind: "overview" })}>Back to the overview</Link>
        </EmptyState>
      </div>
    );

  const update = (patch: Partial<Omit<Risk, "id">>, typing = false) =>
    history.edit(() => risksOf(doc).update(risk.id, patch), typing ? fieldKey(risk.id, patch) : undefined);
  const visible = risks.filter((r) => r.archived === risk.archived).map((r) => r.id);
  const move = (direction: -1 | 1) => {
    const index = neighbourMoveIndex(
      risks.map((r) => r.id),
      visible,
      risk.id,
      direction,
    );
    if (index === null) return;
    // The keyboard stays on the button pressed, or on the other one once this one is disabled.
    const pressed = `risk-move-${direction < 0 ? "up" : "down"}`;
    const other = `risk-move-${direction < 0 ? "down" : "up"}`;
    changeThenFocus(
      () => history.edit(() => risksOf(doc).move(risk.id, index)),
      () => ((document.getElementById(pressed) as HTMLButtonElement | null)?.disabled ? other : pressed),
    );
  };
  const at = visible.indexOf(risk.id);

  return (
    <div className="pane-inner risk-view">
      <header className="view-header">
        <p className="eyebrow">
          {risk.specified ? "Specified systemic risk (Code of Practice)" : "Other systemic risk"}
          {risk.archived && <span className="tag">Archived</span>}
        </p>
        <InlineText
          id="risk-title"
          label="Risk title"
          hideLabel
          required
          className="view-title-field"
          value={risk.title}
          maxLength={200}
          onChange={(title) => update({ title }, true)}
        />
        <InlineText
          label="Description"
          multiline
          value={risk.description}
          maxLength={2000}
          placeholder="What harm, to whom, at what scale"
          onChange={(description) => update({ description }, true)}
        />
        {canEdit && (
          <div className="button-row">
            <button
              type="button"
              className="small-button"
              id="risk-move-up"
              disabled={at <= 0}
              onClick={() => move(-1)}
            >
              ↑ Move up
            </button>
            <button
              type="button"
              className="small-button"
              id="risk-move-down"
              disabled={at < 0 || at >= visible.length - 1}
              onClick={() => move(1)}
            >
              ↓ Move down
            </button>
            {!risk.specified && (
              <button
                type="button"
                className="small-button"
                id="risk-archive"
                onClick={() => {
                  update({ archived: !risk.archived });
                  focusSoon("risk-archive");
                }}
              >
                {risk.archived ? "Restore" : "Archive"}
              </button>
            )}
            {risk.specified && (
              <span className="muted small">
                The four specified risks are always assessed: they can be reworded, not archived.
              </span>
            )}
          </div>
        )}
      </header>
      <section className="panel" aria-labelledby="risk-scenarios-heading">
        <div className="panel-head">
          <h3 id="risk-scenarios-heading">
            Scenarios <span className="count">{scenarios.length}</span>
          </h3>
          {canEdit && !risk.archived && (
            <button type="button" className="add-button" onClick={() => addScenario(risk.id)}>
              + Add scenario
            </button>
          )}
        </div>
        {scenarios.length === 0 ? (
          <EmptyState title="No scenarios yet.">
            {canEdit
              ? "A scenario tells how this risk could materialise: who acts, with what model capability, through which steps, to what harm."
              : "Scenarios will appear here as experts write them."}
          </EmptyState>
        ) : (
          <ul className="scenario-cards">
            {scenarios.map((s) => (
              <li key={s.id}>
                <Link href={roomPath(base, { kind: "scenario", scenarioId: s.id })}>{s.title}</Link>{" "}
                <span className={`status-tag status-${s.status}`}>{STATUS_LABELS[s.status]}</span>{" "}
                <span className="muted small">
                  {plural(s.steps.length, "step")} · {s.evidence.length} evidence
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <RiskDetermination riskId={risk.id} />
    </div>
  );
}
