import { type FormEvent, useId, useState } from "react";
import type * as Y from "yjs";
import {
  type RevealedTimeline,
  TIMELINE_REVEALED_MAP,
  TIMELINE_ROUNDS_MAP,
  type TimelineRoundView,
} from "../../shared/timeline";
import { describeError } from "../api";
import { FormError } from "../components/FormError";
import { EmptyState } from "../fields/EmptyState";
import { useRisks } from "../hooks/useContent";
import { useControlValue } from "../hooks/useControlValue";
import { useRoom } from "../room/RoomContext";
import { TimelineChart } from "./TimelineChart";
import { closeTimeline, openTimeline, revealTimeline, submitForecast } from "./timelineApi";

const MAPS = [TIMELINE_ROUNDS_MAP, TIMELINE_REVEALED_MAP];
const readTimeline = (doc: Y.Doc) => ({
  rounds: [...doc.getMap<TimelineRoundView>(TIMELINE_ROUNDS_MAP).values()].sort(
    (a, b) => b.number - a.number,
  ),
  revealed: Object.fromEntries(doc.getMap<RevealedTimeline>(TIMELINE_REVEALED_MAP).entries()),
});

/**
 * Tier-timeline forecasts in the room: when would the model exceed each risk's next tier? Experts
 * give P10/P50/P90 dates blind; the facilitator reveals them with the pooled forecast, drawn.
 */
export function TimelinePanel({ locked }: { locked: boolean }) {
  const room = useRoom();
  const { rounds, revealed } = useControlValue(room.controlDoc, MAPS, readTimeline);
  const risks = useRisks(room.doc);
  const title = (id: string) => risks.find((r) => r.id === id)?.title ?? id;
  const open = rounds.find((r) => r.state === "open");
  const [error, setError] = useState<string | null>(null);
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      setError(null);
    } catch (err) {
      setError(describeError(err));
    }
  };

  return (
    <section className="timeline-panel" aria-labelledby="timeline-heading">
      <h3 id="timeline-heading" className="rounds-list-heading">
        Tier-timeline forecasts <span className="count">{rounds.length}</span>
      </h3>
      <p className="muted">
        When would the model, or its successors, exceed the next tier of each risk's ladder? Each expert gives
        the 10th, 50th and 90th percentile dates with their assumptions, unseen by others until the reveal;
        the pooled forecast averages each percentile across experts.
      </p>
      <FormError message={error} />
      {locked && room.canFacilitate && !room.closed && !open && (
        <OpenTimelineForm
          risks={risks}
          onOpen={(ids) => act(() => openTimeline(room.token, room.workshopId, ids))}
        />
      )}
      {rounds.length === 0 && <EmptyState title="No timeline round yet" />}
      {rounds.map((round) => (
        <article key={round.id} className="card timeline-round" aria-label={`Timeline round ${round.number}`}>
          <h4>
            Timeline round {round.number}: {round.state}
          </h4>
          {round.state === "open" && room.canFacilitate && !room.closed && (
            <div className="inline-form">
              <button
                type="button"
                onClick={() => act(() => revealTimeline(room.token, room.workshopId, round.id))}
              >
                Reveal forecasts
              </button>
              <button
                type="button"
                onClick={() => act(() => closeTimeline(room.token, room.workshopId, round.id))}
              >
                Close without revealing
              </button>
            </div>
          )}
          {round.riskIds.map((riskId) => {
            const shown = revealed[round.id];
            const pooled = shown?.aggregates[riskId];
            return (
              <div key={riskId} className="timeline-risk">
                <h5>
                  {title(riskId)}: exceeding {round.nextTier[riskId] ?? "the top of the ladder"}
                </h5>
                {round.state === "open" && (
                  <p className="muted">Submitted: {round.submitted[riskId]?.join(", ") || "nobody yet"}</p>
                )}
                {round.state === "open" && room.self.role === "expert" && !room.closed && (
                  <ForecastForm
                    riskTitle={title(riskId)}
                    onSubmit={(body) =>
                      act(() => submitForecast(room.token, room.workshopId, round.id, { riskId, ...body }))
                    }
                  />
                )}
                {pooled && shown && (
                  <>
                    <p>
                      Pooled ({pooled.n} expert{pooled.n === 1 ? "" : "s"}, quantile average): P10{" "}
                      {pooled.p10}, P50 <strong>{pooled.p50}</strong>, P90 {pooled.p90}. Spread: P50s from{" "}
                      {pooled.spread.earliestP50} to {pooled.spread.latestP50}.
                    </p>
                    <TimelineChart
                      forecasts={shown.forecasts[riskId] ?? []}
                      pooled={pooled}
                      title={title(riskId)}
                    />
                    <ul className="plain-list">
                      {(shown.forecasts[riskId] ?? []).map((f) => (
                        <li key={f.who}>
                          <strong>{f.who}</strong>: {f.p10} / {f.p50} / {f.p90}. {f.assumptions}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                {shown && !pooled && <p className="muted">No expert forecast this risk in this round.</p>}
              </div>
            );
          })}
        </article>
      ))}
    </section>
  );
}

function OpenTimelineForm({
  risks,
  onOpen,
}: {
  risks: Array<{ id: string; title: string }>;
  onOpen: (ids: string[]) => void;
}) {
  return (
    <form
      className="form"
      aria-label="Open a timeline round"
      onSubmit={(event) => {
        event.preventDefault();
        const ids = new FormData(event.currentTarget).getAll("risk").map(String);
        if (ids.length > 0) onOpen(ids);
      }}
    >
      <fieldset>
        <legend>Risks to forecast</legend>
        {risks.map((r) => (
          <label key={r.id} className="check">
            <input type="checkbox" name="risk" value={r.id} defaultChecked /> {r.title}
          </label>
        ))}
      </fieldset>
      <button type="submit">Open timeline round</button>
    </form>
  );
}

function ForecastForm({
  riskTitle,
  onSubmit,
}: {
  riskTitle: string;
  onSubmit: (body: { p10: string; p50: string; p90: string; assumptions: string }) => void;
}) {
  const ids = { p10: useId(), p50: useId(), p90: useId(), why: useId() };
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (k: string) => String(form.get(k) ?? "");
    onSubmit({ p10: value("p10"), p50: value("p50"), p90: value("p90"), assumptions: value("assumptions") });
  }
  return (
    <form className="inline-form" aria-label={`Forecast for ${riskTitle}`} onSubmit={submit}>
      <label htmlFor={ids.p10}>P10</label>
      <input id={ids.p10} name="p10" type="date" required />
      <label htmlFor={ids.p50}>P50</label>
      <input id={ids.p50} name="p50" type="date" required />
      <label htmlFor={ids.p90}>P90</label>
      <input id={ids.p90} name="p90" type="date" required />
      <label htmlFor={ids.why}>Assumptions</label>
      <input id={ids.why} name="assumptions" required maxLength={4000} />
      <button type="submit">Submit forecast</button>
    </form>
  );
}
