import type { Framework } from "../../shared/estimation/framework";
import type { RoundView } from "../../shared/estimationView";
import { useRevealed } from "../hooks/useEstimation";
import { useRoom } from "../room/RoomContext";
import { AggregateSummary } from "./AggregateSummary";
import { SubmittedEstimate } from "./SubmittedEstimate";
import { useMyEstimates } from "./useMyEstimates";

interface Props {
  round: RoundView;
  scenarioId: string;
  framework: Framework;
}

/** Beside the form when revising: the expert's own answer last round and where the group stood. */
export function PreviousRound({ round, scenarioId, framework }: Props) {
  const { controlDoc } = useRoom();
  const mine = useMyEstimates(round.id, true, true);
  const own = mine.byScenario?.[scenarioId];
  const revealed = useRevealed(controlDoc)[round.id];
  const aggregate = revealed?.aggregates[scenarioId] ?? null;
  const severities = (revealed?.estimates[scenarioId] ?? []).map((e) => e.severity);
  return (
    <aside className="previous-round" aria-label={`Round ${round.number}, for comparison`}>
      <h5>Last time: round {round.number}</h5>
      <p className="previous-label">Your answer</p>
      {own ? (
        <SubmittedEstimate estimate={own} framework={framework} />
      ) : (
        <p className="muted small">
          {mine.error
            ? `Could not load your answer: ${mine.error}`
            : mine.byScenario === null
              ? "Loading…"
              : "You did not answer."}
        </p>
      )}
      <p className="previous-label">The group</p>
      {aggregate ? (
        <AggregateSummary aggregate={aggregate} framework={framework} severities={severities} />
      ) : (
        <p className="muted small">No estimates were revealed.</p>
      )}
    </aside>
  );
}
