import { useLayoutEffect, useRef, useState } from "react";
import type { Framework } from "../../shared/estimation/framework";
import type { RoundView } from "../../shared/estimationView";
import { formatDateTime } from "../format";
import { useScenarioList } from "../hooks/useContent";
import { useRevealed } from "../hooks/useEstimation";
import { useRoom } from "../room/RoomContext";
import { OpenScenario } from "./OpenScenario";
import { RevealedScenario } from "./RevealedScenario";
import { RoundActions, roundHeadingId } from "./RoundActions";
import { KIND_LABELS } from "./roundsModel";
import { useMyEstimates } from "./useMyEstimates";

interface Props {
  round: RoundView;
  rounds: readonly RoundView[];
  framework: Framework;
}

/** One round: what it covers, when it moved, and per scenario either progress or the revealed values. */
export function RoundCard({ round, rounds, framework }: Props) {
  const { doc, controlDoc, self } = useRoom();
  const titles = new Map(useScenarioList(doc).map((s) => [s.id, s.title || "Untitled scenario"]));
  const revealed = useRevealed(controlDoc)[round.id];
  // The newest round and any open one start expanded; older rounds stay out of the way.
  const [expanded, setExpanded] = useState(round.state === "open" || round.id === rounds[0]?.id);
  const isExpert = self.role === "expert";
  const mine = useMyEstimates(round.id, isExpert && round.state === "open" && expanded);
  const headingId = roundHeadingId(round.id);
  const bodyId = `round-${round.id}-body`;
  // When the reveal removes the form someone was typing in, the keyboard lands on the round's
  // heading, not at the top of the page. Focus counts as still inside until it moves somewhere
  // else on purpose (a removed element's blur has no new target).
  const focusInside = useRef(false);
  useLayoutEffect(() => {
    if (round.state !== "open" && focusInside.current && document.activeElement === document.body)
      document.getElementById(headingId)?.focus();
  }, [round.state, headingId]);

  return (
    <section
      className={`panel round-card round-${round.state}`}
      aria-labelledby={headingId}
      onFocus={() => {
        focusInside.current = true;
      }}
      onBlur={(e) => {
        if (e.relatedTarget && !e.currentTarget.contains(e.relatedTarget)) focusInside.current = false;
      }}
    >
      <div className="panel-head round-head">
        <div>
          <h3 id={headingId} tabIndex={-1}>
            Round {round.number} <span className="round-kind-label">· {KIND_LABELS[round.kind]}</span>
          </h3>
          <p className="round-meta muted small">
            <span className={`round-state state-${round.state}`}>{round.state}</span>
            {round.anonymous && <span className="tag">anonymous</span>}
            <span>opened {formatDateTime(round.openedAt)}</span>
            {round.revealedAt && <span>revealed {formatDateTime(round.revealedAt)}</span>}
            {round.closedAt && <span>closed {formatDateTime(round.closedAt)}</span>}
          </p>
          {!expanded && (
            <p className="round-titles small">
              {round.scenarioIds.map((id) => titles.get(id) ?? "Removed scenario").join(" · ")}
            </p>
          )}
        </div>
        <div className="round-head-actions">
          <RoundActions round={round} />
          <button
            type="button"
            className="small-button"
            aria-expanded={expanded}
            aria-controls={bodyId}
            onClick={() => setExpanded((e) => !e)}
          >
            {expanded ? "Hide details" : "Show details"}
            <span className="visually-hidden"> of round {round.number}</span>
          </button>
        </div>
      </div>
      {expanded && (
        <div id={bodyId} className="round-body">
          {mine.error && <p className="form-error">Your earlier answers could not be loaded: {mine.error}</p>}
          {round.scenarioIds.map((scenarioId) => {
            const title = titles.get(scenarioId) ?? "Removed scenario";
            return round.state === "open" ? (
              <OpenScenario
                key={scenarioId}
                round={round}
                rounds={rounds}
                scenarioId={scenarioId}
                title={title}
                framework={framework}
                mine={mine}
              />
            ) : (
              <RevealedScenario
                key={scenarioId}
                title={title}
                framework={framework}
                round={round}
                scenarioId={scenarioId}
                revealed={revealed ?? null}
              />
            );
          })}
        </div>
      )}
    </section>
  );
}
