import { useMemo, useState } from "react";
import { useHistory } from "../charts/useHistory";
import { Link } from "../components/Link";
import { EmptyState } from "../fields/EmptyState";
import { useSnapshots } from "../hooks/useEstimation";
import { useRoom } from "../room/RoomContext";
import { roomPath } from "../router";
import { DownloadMenu } from "./DownloadMenu";
import { HistorySection } from "./HistorySection";
import { SnapshotRow } from "./SnapshotRow";
import { newestFirst, olderFirst, toggleChoice } from "./snapshotList";
import { TakeSnapshotForm } from "./TakeSnapshotForm";

/** Snapshots and history: every frozen moment of the workshop, downloads, comparison, and the risk history. */
export function SnapshotsView() {
  const { controlDoc, workshopId, canFacilitate } = useRoom();
  const snapshots = useSnapshots(controlDoc);
  const listed = useMemo(() => newestFirst(snapshots), [snapshots]);
  // The server verifies every blob for the history; a failed check is shown on the row too.
  const history = useHistory();
  const verified = history.data?.snapshots;
  const failed = useMemo(() => new Set(verified?.filter((s) => !s.verified).map((s) => s.id)), [verified]);
  const [chosen, setChosen] = useState<string[]>([]);
  const pair = chosen.filter((id) => snapshots.some((s) => s.id === id));
  const [a, b] = pair;
  const compare = a && b ? olderFirst(snapshots, a, b) : null;

  return (
    <div className="pane-inner snapshots-view">
      <header className="view-header">
        <h2 className="view-title">Snapshots &amp; history</h2>
        <p className="muted">
          A snapshot freezes the whole workshop: content, framework, rounds and standings. Snapshots are taken
          automatically when a round is revealed or closed, and cannot be changed or deleted.
        </p>
      </header>

      <section className="panel" aria-labelledby="snapshot-now-heading">
        <div className="panel-head">
          <h3 id="snapshot-now-heading">The workshop now</h3>
          <DownloadMenu what="the current state" />
        </div>
        {canFacilitate && <TakeSnapshotForm />}
      </section>

      <section className="panel" aria-labelledby="snapshot-list-heading">
        <div className="panel-head">
          <h3 id="snapshot-list-heading">
            Snapshots <span className="count">{snapshots.length}</span>
          </h3>
          <div className="snapshot-compare-bar">
            <span className="muted small" aria-live="polite">
              {pair.length === 2 ? "Two chosen." : `Choose two to compare (${pair.length} of 2).`}
            </span>
            {compare ? (
              <Link
                className="small-button primary"
                href={roomPath(workshopId, { kind: "compare", from: compare[0], to: compare[1] })}
              >
                Compare
              </Link>
            ) : (
              <button type="button" className="small-button" disabled>
                Compare
              </button>
            )}
          </div>
        </div>
        {listed.length === 0 ? (
          <EmptyState title="No snapshots yet.">
            {canFacilitate
              ? "Take one above to record where the workshop stands, or reveal a round: one is taken then."
              : "A facilitator can take one; one is also taken whenever a round is revealed or closed."}
          </EmptyState>
        ) : (
          <ul className="snapshot-list">
            {listed.map((s) => (
              <SnapshotRow
                key={s.id}
                snapshot={s}
                chosen={pair.includes(s.id)}
                failed={failed.has(s.id)}
                onToggle={() => setChosen((c) => toggleChoice(c, s.id))}
              />
            ))}
          </ul>
        )}
      </section>

      <HistorySection history={history} />
    </div>
  );
}
