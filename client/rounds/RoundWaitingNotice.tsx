import { Link } from "../components/Link";
import { plural } from "../format";
import { useRounds } from "../hooks/useEstimation";
import { useRoom } from "../room/RoomContext";
import { type RoomView, roomPath } from "../router";
import { waitingFor } from "./roundsModel";

/**
 * Tells an expert, on whatever page they are, that a round is open and how many of its scenarios
 * still wait for their estimate; a live region, so it is heard as well as seen when a round opens.
 */
export function RoundWaitingNotice({ participantId, view }: { participantId: string; view: RoomView }) {
  const { controlDoc, workshopId } = useRoom();
  const waiting = waitingFor(useRounds(controlDoc), participantId);
  return (
    <div className="round-waiting-region" role="status">
      {waiting && (
        <div className="notice notice-round">
          <p>
            <strong>Round {waiting.round.number} is open.</strong>{" "}
            {waiting.count === 0
              ? "You have estimated every scenario in it; you can change your answers until it is revealed."
              : `${plural(waiting.count, "scenario")} ${waiting.count === 1 ? "waits" : "wait"} for your estimate.`}
          </p>
          {view.kind !== "rounds" && waiting.count > 0 && (
            <Link className="small-button" href={roomPath(workshopId, { kind: "rounds" })}>
              Estimate now
            </Link>
          )}
        </div>
      )}
    </div>
  );
}
