import { useMemo } from "react";
import { diffSnapshots, type ScenarioBrief } from "../../shared/snapshotDiff";
import { Link } from "../components/Link";
import { EmptyState } from "../fields/EmptyState";
import { formatDateTime } from "../format";
import { useRoom } from "../room/RoomContext";
import { roomPath } from "../router";
import { CompareScenario } from "./CompareScenario";
import { NOW, type OpenedSnapshot, useSnapshotPair } from "./useSnapshotPair";

/** Two snapshots side by side: scenarios added, removed and changed, and how their estimates moved. */
export function CompareView({ from, to }: { from: string; to: string }) {
  const room = useRoom();
  const { workshopId } = room;
  const state = useSnapshotPair(room, from, to);
  const back = (
    <Link href={roomPath(workshopId, { kind: "snapshots" })}>Back to Snapshots &amp; history</Link>
  );
  return (
    <div className="pane-inner compare-view">
      <header className="view-header">
        <h2 className="view-title">
          {from === NOW || to === NOW ? "Compare with now" : "Compare snapshots"}
        </h2>
        <p className="muted">{back}</p>
      </header>
      {state.status === "loading" && (
        <p className="muted" role="status">
          Loading both snapshots…
        </p>
      )}
      {state.status === "error" && (
        <section className="panel notice notice-error" role="alert">
          <p>
            {state.corrupt
              ? "One of these snapshots failed its integrity check and is not shown."
              : "The snapshots could not be loaded."}{" "}
            {state.message}
          </p>
        </section>
      )}
      {state.status === "ready" && <Comparison from={state.from} to={state.to} />}
    </div>
  );
}

function Heading({ s, side }: { s: OpenedSnapshot; side: string }) {
  return (
    <div className="compare-side">
      <span className="muted small">{side}</span>
      <strong>{s.label}</strong>
      <span className="muted small">
        {s.id === NOW ? "as it stands on this screen, " : ""}
        <time dateTime={s.takenAt}>{formatDateTime(s.takenAt)}</time>
        {s.takenBy && ` by ${s.takenBy}`}
      </span>
    </div>
  );
}

function Comparison({ from, to }: { from: OpenedSnapshot; to: OpenedSnapshot }) {
  const { workshopId } = useRoom();
  const diff = useMemo(
    () =>
      diffSnapshots(
        { content: from.content, standings: from.standings },
        { content: to.content, standings: to.standings },
      ),
    [from, to],
  );
  const risks = new Map([...from.content.risks, ...to.content.risks].map((r) => [r.id, r.title]));
  const riskTitle = (id: string) => risks.get(id) ?? id;
  const list = (items: ScenarioBrief[]) => (
    <ul className="plain-list">
      {items.map((s) => (
        <li key={s.id}>
          {s.title} <span className="muted small">({riskTitle(s.riskId)})</span>
        </li>
      ))}
    </ul>
  );
  // After Swap the "from" side is the newer one; the headings must not claim otherwise.
  const fromIsOlder = from.takenAt <= to.takenAt;
  // A snapshot always carries its framework; the live room lacks one only before any is set.
  const framework = { from: from.framework ?? to.framework, to: to.framework ?? from.framework };
  const nothing = diff.added.length + diff.removed.length + diff.changed.length === 0;
  return (
    <>
      <section className="panel compare-heads" aria-label="The two snapshots">
        <Heading s={from} side={`From (${fromIsOlder ? "older" : "newer"})`} />
        <span className="compare-to" aria-hidden="true">
          →
        </span>
        <Heading s={to} side={`To (${fromIsOlder ? "newer" : "older"})`} />
        <Link
          className="small-button"
          href={roomPath(workshopId, { kind: "compare", from: to.id, to: from.id })}
        >
          Swap
        </Link>
      </section>
      <p className="muted" role="status">
        {diff.added.length} added · {diff.removed.length} removed · {diff.changed.length} changed ·{" "}
        {diff.unchanged} unchanged
      </p>
      {nothing && (
        <EmptyState title="Nothing changed between these snapshots.">
          Choose two others to compare.
        </EmptyState>
      )}
      {diff.added.length > 0 && (
        <section className="panel" aria-labelledby="compare-added">
          <h3 id="compare-added">Scenarios added</h3>
          {list(diff.added)}
        </section>
      )}
      {diff.removed.length > 0 && (
        <section className="panel" aria-labelledby="compare-removed">
          <h3 id="compare-removed">Scenarios removed</h3>
          {list(diff.removed)}
        </section>
      )}
      {diff.changed.length > 0 && (
        <section className="panel" aria-labelledby="compare-changed">
          <h3 id="compare-changed">Scenarios changed</h3>
          {diff.changed.map((c) =>
            framework.from && framework.to ? (
              <CompareScenario
                key={c.id}
                change={c}
                riskTitle={riskTitle}
                from={framework.from}
                to={framework.to}
              />
            ) : null,
          )}
        </section>
      )}
    </>
  );
}
