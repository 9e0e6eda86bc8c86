import { useRisks } from "../hooks/useContent";
import { useDeterminations, useFramework, useLock } from "../hooks/useEstimation";
import { useRoom } from "../room/RoomContext";
import { AcceptanceTable } from "./AcceptanceTable";
import { acceptanceCounts, acceptanceRows } from "./acceptanceRows";
import { OverallVerdictPanel } from "./OverallVerdictPanel";

/** Acceptance: the overall verdict on the model and every risk's determination (Code of Practice, Commitment 4). */
export function AcceptanceView() {
  const { doc, controlDoc, base, canFacilitate } = useRoom();
  const locked = useLock(controlDoc) !== null;
  const rows = acceptanceRows(useRisks(doc), useDeterminations(controlDoc), useFramework(controlDoc));
  const counts = acceptanceCounts(rows);
  return (
    <div className="pane-inner acceptance-view">
      <header className="view-header">
        <h2 className="view-title">Acceptance</h2>
        <p className="muted acceptance-summary">
          {counts.risks - counts.undetermined} of {counts.risks} risks determined · {counts.acceptable}{" "}
          acceptable · {counts.notAcceptable} not acceptable
          {counts.topTier > 0 && ` · ${counts.topTier} at the top of their ladder`}
          {counts.dissents > 0 && ` · ${counts.dissents} dissent ${counts.dissents === 1 ? "note" : "notes"}`}
        </p>
      </header>
      <OverallVerdictPanel counts={counts} />
      <AcceptanceTable base={base} rows={rows} canRecord={canFacilitate && locked} />
    </div>
  );
}
