/**
 * The history chart fed from the server, with its loading, error and empty states. The caller
 * fetches (useHistory), so a view that also needs the snapshots' verification asks only once.
 */
import type { Framework } from "../../shared/estimation/framework";
import { EmptyState } from "../fields/EmptyState";
import { HistoryChart, type HistorySeries } from "./HistoryChart";
import { type HistoryState, useHistory } from "./useHistory";

export function HistoryPanel({
  history: state,
  framework,
  labels,
  title,
}: {
  history: HistoryState;
  framework: Framework | null;
  /** Scenario id → legend label; only these scenarios are drawn, in this order. */
  labels: ReadonlyMap<string, string>;
  title: string;
}) {
  const byId = new Map(state.data?.history.map((h) => [h.scenarioId, h.points]) ?? []);
  const series: HistorySeries[] = [...labels].flatMap(([scenarioId, label]) => {
    const points = byId.get(scenarioId);
    return points?.some((p) => p.pre || p.residual) ? [{ scenarioId, label, points }] : [];
  });

  if (state.status === "error" && !state.data)
    return (
      <p role="alert" className="form-error">
        The risk history could not be loaded: {state.message}
      </p>
    );
  if (!state.data) return <p className="muted">Loading the risk history…</p>;
  if (state.data.snapshots.length === 0)
    return (
      <EmptyState title="No snapshots yet.">
        The history draws one point per snapshot. The server takes one when a round is revealed, and the
        facilitator can take one from Snapshots.
      </EmptyState>
    );
  if (series.length === 0)
    return (
      <EmptyState title="Nothing estimated in any snapshot yet.">
        Points appear once a snapshot is taken after a round has been revealed.
      </EmptyState>
    );
  return <HistoryChart series={series} framework={framework} title={title} />;
}

/** The same panel fetching the history itself, only while it is shown. */
export function FetchedHistoryPanel(props: Omit<Parameters<typeof HistoryPanel>[0], "history">) {
  return <HistoryPanel history={useHistory()} {...props} />;
}
