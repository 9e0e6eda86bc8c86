import { useMemo } from "react";
import { HistoryPanel } from "../charts/HistoryPanel";
import type { HistoryState } from "../charts/useHistory";
import { useScenarioList } from "../hooks/useContent";
import { useFramework } from "../hooks/useEstimation";
import { useRoom } from "../room/RoomContext";

/** The risk history of every scenario across the snapshots, drawn by the shared history chart. */
export function HistorySection({ history }: { history: HistoryState }) {
  const { doc, controlDoc } = useRoom();
  const framework = useFramework(controlDoc);
  const scenarios = useScenarioList(doc);
  const labels = useMemo(() => new Map(scenarios.map((s) => [s.id, s.title])), [scenarios]);
  return (
    <section className="panel" aria-labelledby="snapshot-history-heading">
      <h3 id="snapshot-history-heading">Risk history</h3>
      <p className="muted small">
        Each scenario's pooled best probability in every snapshot, before mitigation solid and residual
        dashed. Past two scenarios the low–high ranges are left out of the drawing: point at a dot for its
        range.
      </p>
      <HistoryPanel
        history={history}
        framework={framework}
        labels={labels}
        title="Risk history of all scenarios"
      />
    </section>
  );
}
