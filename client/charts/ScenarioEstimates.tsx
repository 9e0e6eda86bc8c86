/** The bottom of a scenario's page: its standing, how the experts' estimates moved round by round, its history. */
import { useMemo } from "react";
import { EmptyState } from "../fields/EmptyState";
import { useScenario } from "../hooks/useContent";
import { useFramework, useRevealed, useRounds, useStandings } from "../hooks/useEstimation";
import { useRoom } from "../room/RoomContext";
import { FetchedHistoryPanel } from "./HistoryPanel";
import { SpreadPlot } from "./SpreadPlot";
import { StandingSummary } from "./StandingSummary";
import { spreadGroups } from "./spreadLayout";

export function ScenarioEstimates({ scenarioId }: { scenarioId: string }) {
  const { doc, controlDoc } = useRoom();
  const framework = useFramework(controlDoc);
  const rounds = useRounds(controlDoc);
  const revealed = useRevealed(controlDoc);
  const standing = useStandings(controlDoc)[scenarioId];
  const title = useScenario(doc, scenarioId)?.title ?? "This scenario";
  const groups = useMemo(() => spreadGroups(rounds, revealed, scenarioId), [rounds, revealed, scenarioId]);
  const labels = useMemo(() => new Map([[scenarioId, title]]), [scenarioId, title]);

  return (
    <section className="panel scenario-estimates" aria-labelledby={`estimates-${scenarioId}`}>
      <h3 id={`estimates-${scenarioId}`}>Estimates</h3>
      {!standing && groups.length === 0 ? (
        <EmptyState title="Not estimated yet: the facilitator opens a round from Estimation rounds.">
          Once a round is revealed, the experts' ranges, the pooled estimate and its tier appear here.
        </EmptyState>
      ) : (
        <>
          {standing && <StandingSummary standing={standing} framework={framework} />}
          <h4>Estimates by round</h4>
          <SpreadPlot groups={groups} framework={framework} />
          <h4>History over snapshots</h4>
          <FetchedHistoryPanel framework={framework} labels={labels} title={`Risk history of ${title}`} />
        </>
      )}
    </section>
  );
}
