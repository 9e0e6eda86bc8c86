import { Link } from "../components/Link";
import { EmptyState } from "../fields/EmptyState";
import { useFramework, useLock, useRounds } from "../hooks/useEstimation";
import { useRoom } from "../room/RoomContext";
import { roomPath } from "../router";
import { TimelinePanel } from "../timeline/TimelinePanel";
import { OPEN_ROUND_NOTE_ID, OpenRoundForm } from "./OpenRoundForm";
import { RoundCard } from "./RoundCard";
import { newestFirst } from "./roundsModel";

/** Blind Delphi rounds: the facilitator opens one, experts estimate unseen, then everyone sees the values. */
export function RoundsView() {
  const { controlDoc, base, canFacilitate } = useRoom();
  const lock = useLock(controlDoc);
  const framework = useFramework(controlDoc);
  const rounds = newestFirst(useRounds(controlDoc));
  const open = rounds.find((r) => r.state === "open");

  return (
    <div className="pane-inner rounds-view">
      <header className="view-header">
        <h2 className="view-title">Estimation rounds</h2>
        <p className="muted">
          Experts estimate each scenario's likelihood and severity without seeing each other's answers; the
          facilitator then reveals every value at once, and a further round lets everyone revise.
        </p>
      </header>
      {lock === null && (
        <EmptyState
          title={
            rounds.length === 0
              ? "Rounds open only after the framework is locked"
              : "The framework is unlocked: no round can open until it is locked again"
          }
        >
          The facilitator first agrees and locks the acceptance criteria in the{" "}
          <Link href={roomPath(base, { kind: "framework" })}>framework</Link>, so that no estimate can shape
          them.
        </EmptyState>
      )}
      {lock !== null &&
        canFacilitate &&
        (open ? (
          <p id={OPEN_ROUND_NOTE_ID} className="rounds-open-note" role="status" tabIndex={-1}>
            Round {open.number} is open. Reveal or close it before opening another.
          </p>
        ) : (
          <OpenRoundForm />
        ))}
      {framework !== null && (lock !== null || rounds.length > 0) && (
        <section aria-labelledby="rounds-list-heading">
          <h3 id="rounds-list-heading" className="rounds-list-heading">
            Rounds <span className="count">{rounds.length}</span>
          </h3>
          {rounds.length === 0 ? (
            <EmptyState title="No rounds yet">
              {canFacilitate
                ? "Choose the scenarios above and open the first round."
                : "The facilitator opens a round when the scenarios are ready to estimate."}
            </EmptyState>
          ) : (
            rounds.map((round) => (
              <RoundCard key={round.id} round={round} rounds={rounds} framework={framework} />
            ))
          )}
        </section>
      )}
      <TimelinePanel locked={lock !== null} />
    </div>
  );
}
