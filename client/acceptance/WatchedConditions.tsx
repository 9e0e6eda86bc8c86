import { useEffect, useId, useState } from "react";
import type { Determination } from "../../shared/estimationView";
import type { ConditionState } from "../../shared/watchedConditions";
import { describeError, request } from "../api";
import { useRoom } from "../room/RoomContext";

type Answer = { risks: Array<{ riskId: string; noLongerHolds: boolean; conditions: ConditionState[] }> };

/**
 * A determination's watched conditions as the server evaluates them now (evidence, incidents, the
 * date, a facilitator's mark): read again whenever the determination changes. Live rooms only.
 */
export function WatchedConditions({ determination }: { determination: Determination }) {
  const { token, workshopId, base, canFacilitate, closed } = useRoom();
  const [states, setStates] = useState<ConditionState[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const watched = determination.watched ?? [];
  const live = base.snapshotId === null;
  const key = JSON.stringify(watched);
  useEffect(() => {
    if (!live || key === "[]") return;
    let cancelled = false;
    request<Answer>("GET", `/workshops/${workshopId}/conditions`, { token }).then(
      (answer) => {
        if (!cancelled)
          setStates(answer.risks.find((r) => r.riskId === determination.riskId)?.conditions ?? []);
      },
      (err: unknown) => !cancelled && setError(describeError(err)),
    );
    return () => {
      cancelled = true;
    };
  }, [live, key, token, workshopId, determination.riskId]);
  if (watched.length === 0 || !live) return null;
  const broken = (states ?? []).filter((c) => c.met);
  return (
    <div className="watched-conditions">
      <h4>Watched conditions</h4>
      {broken.length > 0 && (
        <p className="notice warn" role="status">
          <strong>Conditions no longer hold:</strong> the acceptance recorded here is no longer supported as
          it stands.
        </p>
      )}
      {error && <p className="muted">{error}</p>}
      <ul className="plain-list">
        {(states ?? watched.map((c) => ({ ...c, met: false, reason: null }))).map((c) => (
          <li key={c.id}>
            {c.met ? <strong>No longer holds: </strong> : <span>Holds: </span>}
            {c.description} <span className="muted">({c.kind})</span>
            {c.reason && <span className="muted"> — {c.reason}</span>}
            {!c.met && canFacilitate && !closed && (
              <MarkMet
                description={c.description}
                onMark={(note) =>
                  request(
                    "POST",
                    `/workshops/${workshopId}/determinations/${determination.riskId}/conditions/${c.id}/met`,
                    {
                      token,
                      body: { note },
                    },
                  ).then(
                    () => setError(null),
                    (err: unknown) => setError(describeError(err)),
                  )
                }
              />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A facilitator says a watched condition is met, and what happened. */
function MarkMet({
  description,
  onMark,
}: {
  description: string;
  onMark: (note: string) => Promise<unknown>;
}) {
  const id = useId();
  const [note, setNote] = useState("");
  return (
    <form
      className="inline-form"
      aria-label={`Mark “${description}” met`}
      onSubmit={(event) => {
        event.preventDefault();
        if (note.trim()) void onMark(note.trim());
      }}
    >
      <label htmlFor={id}>What happened</label>
      <input id={id} value={note} maxLength={2000} onChange={(e) => setNote(e.currentTarget.value)} />
      <button type="submit">Mark met</button>
    </form>
  );
}
