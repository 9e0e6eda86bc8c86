import type { Framework } from "../../shared/estimation/framework";
import type { RoundView } from "../../shared/estimationView";
import { useRoom } from "../room/RoomContext";
import { EstimateForm } from "./EstimateForm";
import { PreviousRound } from "./PreviousRound";
import { previousRoundFor } from "./roundsModel";
import { SubmissionStatus } from "./SubmissionStatus";
import type { MyEstimates } from "./useMyEstimates";

interface Props {
  round: RoundView;
  rounds: readonly RoundView[];
  scenarioId: string;
  title: string;
  framework: Framework;
  mine: MyEstimates;
}

/** A scenario of an open round: who has answered (never what), and for an expert the form. */
export function OpenScenario({ round, rounds, scenarioId, title, framework, mine }: Props) {
  const { self } = useRoom();
  const headingId = `round-${round.id}-${scenarioId}`;
  const previous = previousRoundFor(rounds, round, scenarioId);
  return (
    <article className="round-scenario" aria-labelledby={headingId}>
      <div className="round-scenario-head">
        <h4 id={headingId}>{title}</h4>
        <SubmissionStatus submitted={round.submitted[scenarioId] ?? []} />
      </div>
      {self.role === "expert" && (
        <div className="estimate-layout">
          {/* The form starts from the saved answer, so it waits for it: filling it in later would
              overwrite what the expert had begun to type. */}
          {mine.byScenario === null && mine.error === null ? (
            <p className="muted small" role="status">
              Loading your estimate…
            </p>
          ) : (
            <EstimateForm
              roundId={round.id}
              scenarioId={scenarioId}
              scenarioTitle={title}
              framework={framework}
              mine={mine}
            />
          )}
          {previous && <PreviousRound round={previous} scenarioId={scenarioId} framework={framework} />}
        </div>
      )}
    </article>
  );
}
