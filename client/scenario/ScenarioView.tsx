import { type FocusEvent, lazy, Suspense } from "react";
import { ScenarioEstimates } from "../charts/ScenarioEstimates";
import { Link } from "../components/Link";
import { EmptyState } from "../fields/EmptyState";
import { useNarrative, useScenario } from "../hooks/useContent";
import { ScenarioMitigations } from "../mitigations/ScenarioMitigations";
import { useRoom } from "../room/RoomContext";
import { roomPath } from "../router";
import { DissentNotes } from "./DissentNotes";
import { EvidenceList } from "./EvidenceList";
import { PathwaySteps } from "./PathwaySteps";
import { ScenarioHeader } from "./ScenarioHeader";
import { ScenarioLinks } from "./ScenarioLinks";

// Tiptap is most of the client's weight: it loads when the first scenario opens, not with the room.
const NarrativeEditor = lazy(() => import("./NarrativeEditor").then((m) => ({ default: m.NarrativeEditor })));

const isField = (target: EventTarget | null) =>
  target instanceof HTMLElement && target.matches("input, textarea, select, [contenteditable='true']");

/**
 * One risk scenario: header, then the narrative, the scenario's nature and links, and dissent on
 * the left; the pathway and evidence on the right. Focus in any field tells the others "editing".
 */
export function ScenarioView({ scenarioId }: { scenarioId: string }) {
  const { doc, awareness, isFromServer, self, canEdit, base } = useRoom();
  const scenario = useScenario(doc, scenarioId);
  const narrative = useNarrative(doc, scenarioId);

  if (!scenario || !narrative)
    return (
      <div className="pane-inner">
        <EmptyState title="This scenario is not here.">
          It may have been deleted, or not have reached this device yet.{" "}
          <Link href={roomPath(base, { kind: "overview" })}>Back to the overview</Link>
        </EmptyState>
      </div>
    );

  // Every awareness change is a message to everyone: send one only when "editing" really changes.
  const setEditing = (editing: boolean) => {
    if (awareness.getLocalState()?.editing !== editing) awareness.setLocalStateField("editing", editing);
  };
  const onFocus = (event: FocusEvent) => setEditing(isField(event.target));
  const onBlur = (event: FocusEvent) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setEditing(false);
  };

  return (
    <article
      className="scenario"
      aria-label={`Scenario: ${scenario.title}`}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      <ScenarioHeader scenario={scenario} />
      <div className="scenario-columns">
        <div className="scenario-column">
          <section className="panel narrative-panel" aria-labelledby="narrative-heading">
            <h3 id="narrative-heading">Narrative</h3>
            <Suspense fallback={<p className="narrative narrative-loading">Loading the editor…</p>}>
              <NarrativeEditor
                key={scenarioId}
                fragment={narrative}
                awareness={awareness}
                isFromServer={isFromServer}
                user={{ name: self.name, color: self.color }}
                editable={canEdit}
                labelId="narrative-heading"
              />
            </Suspense>
          </section>
          <ScenarioLinks scenario={scenario} />
          <DissentNotes scenarioId={scenario.id} />
        </div>
        <div className="scenario-column">
          <PathwaySteps scenarioId={scenario.id} steps={scenario.steps} />
          <EvidenceList scenarioId={scenario.id} evidence={scenario.evidence} />
          <ScenarioMitigations scenarioId={scenario.id} />
        </div>
      </div>
      <ScenarioEstimates scenarioId={scenario.id} />
    </article>
  );
}
