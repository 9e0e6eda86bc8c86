/** The bottom of a scenario's page: its standing, how the experts' estimates moved round by round, its history. */
import { useMemo } from "react";
import type { RoundView } from "../../shared/estimationView";
import { Link } from "../components/Link";
import { EmptyState } from "../fields/EmptyState";
import { useScenario } from "../hooks/useContent";
import { useFramework, useRevealed, useRounds, useStandings } from "../hooks/useEstimation";
import { useRoom } from "../room/RoomContext";
import { roomPath } from "../router";
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
  const openRound = rounds.find((r) => r.state === "open" && r.scenarioIds.includes(scenarioId));
  const groups = useMemo(() => spreadGroups(rounds, revealed, scenarioId), [rounds, revealed, scenarioId]);
  const labels = useMemo(() => new Map([[scenarioId, title]]), [scenarioId, title]);

  return (
    <section className="panel scenario-estimates" aria-labelledby={`estimates-${scenarioId}`}>
      <h3 id={`estimates-${scenarioId}`}>Estimates</h3>
      {openRound && <OpenRoundNote round={openRound} scenarioId={scenarioId} />}
      {!standing && groups.length === 0 ? (
        !openRound && (
          <EmptyState title="Not estimated yet: the facilitator opens a round from Estimation rounds.">
            Once a round is revealed, the experts' ranges, the pooled estimate and its tier appear here.
          </EmptyState>
        )
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

/** A round is collecting estimates for this scenario now: say so, and send an expert to it. */
function OpenRoundNote({ round, scenarioId }: { round: RoundView; scenarioId: string }) {
  const { self, base } = useRoom();
  const mine = (round.submitted[scenarioId] ?? []).includes(self.participantId);
  return (
    <div className="open-round-note">
      <p>
        <strong>
          Round {round.number} is open for this scenario
          {self.role === "expert" ? (mine ? ": your estimate is in." : ": it waits for your estimate.") : "."}
        </strong>{" "}
        The experts estimate blind; the values appear here once the facilitator reveals the round.
      </p>
      {self.role === "expert" && (
        <Link className="small-button" href={roomPath(base, { kind: "rounds" })}>
          {mine ? "Review my estimate" : "Estimate it now"}
        </Link>
      )}
    </div>
  );
}
