import { useState } from "react";
import {
  removeScenario,
  SCENARIO_STATUSES,
  type ScenarioSummary,
  updateScenario,
} from "../../shared/content";
import { BringHereButton } from "../facilitation/BringHereButton";
import { InlineSelect } from "../fields/InlineSelect";
import { InlineText } from "../fields/InlineText";
import { useRisks } from "../hooks/useContent";
import { useViewers } from "../hooks/useViewers";
import { ReestimateBadge } from "../incidents/ReestimateBadge";
import { optionsOf, STATUS_LABELS } from "../labels";
import { useRoom } from "../room/RoomContext";
import { ViewerAvatars } from "../room/ViewerAvatars";
import { navigate, roomPath } from "../router";
import { fieldKey } from "../sync/contentHistory";

const STATUS_OPTIONS = optionsOf(SCENARIO_STATUSES, STATUS_LABELS);

/** Title, status and risk of a scenario; who else is on it; the facilitator's and editors' actions. */
export function ScenarioHeader({ scenario }: { scenario: ScenarioSummary }) {
  const { doc, history, awareness, self, canFacilitate, base } = useRoom();
  const risks = useRisks(doc);
  const viewers = useViewers(awareness, self.participantId)[scenario.id] ?? [];
  const [confirming, setConfirming] = useState(false);
  const update = (patch: Parameters<typeof updateScenario>[2], typing = false) =>
    history.edit(
      () => updateScenario(doc, scenario.id, patch),
      typing ? fieldKey(scenario.id, patch) : undefined,
    );
  const riskOptions = risks
    .filter((r) => !r.archived || r.id === scenario.riskId)
    .map((r) => ({ value: r.id, label: r.title }));

  const remove = () => {
    history.edit(() => removeScenario(doc, scenario.id));
    navigate(roomPath(base, { kind: "risk", riskId: scenario.riskId }));
  };

  return (
    <header className="scenario-header">
      <div className="scenario-title-row">
        <InlineText
          id="scenario-title"
          label="Scenario title"
          hideLabel
          required
          className="scenario-title grow"
          value={scenario.title}
          maxLength={300}
          onChange={(title) => update({ title }, true)}
        />
        <ViewerAvatars viewers={viewers} withNames />
      </div>
      <div className="scenario-meta">
        <InlineSelect
          label="Status"
          className={`status-select status-${scenario.status}`}
          value={scenario.status}
          options={STATUS_OPTIONS}
          onChange={(status) => update({ status })}
        />
        <InlineSelect
          label="Risk"
          value={scenario.riskId}
          options={riskOptions}
          onChange={(riskId) => update({ riskId })}
        />
        <ReestimateBadge scenarioId={scenario.id} long />
        <span className="grow" />
        {canFacilitate && <BringHereButton scenarioId={scenario.id} />}
        {/* Deleting a scenario takes everyone's work on it out of the room: the facilitator's call. */}
        {canFacilitate &&
          (confirming ? (
            <span className="confirm-inline">
              <span className="confirm-question">Delete this scenario?</span>
              <button type="button" className="danger" onClick={remove}>
                Yes, delete
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </span>
          ) : (
            <button type="button" className="danger-quiet" onClick={() => setConfirming(true)}>
              Delete scenario
            </button>
          ))}
      </div>
    </header>
  );
}
