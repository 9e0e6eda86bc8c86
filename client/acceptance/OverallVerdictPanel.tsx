import { useState } from "react";
import { EmptyState } from "../fields/EmptyState";
import { focusSoon } from "../fields/focusSoon";
import { formatDateTime } from "../format";
import { useVerdict } from "../hooks/useEstimation";
import { useRoom } from "../room/RoomContext";
import type { AcceptanceCounts } from "./acceptanceRows";
import { VerdictBadge } from "./VerdictBadge";
import { VerdictForm } from "./VerdictForm";

/** The overall verdict on the model, with what the per-risk determinations say beside it. */
export function OverallVerdictPanel({ counts }: { counts: AcceptanceCounts }) {
  const { controlDoc, canFacilitate } = useRoom();
  const verdict = useVerdict(controlDoc);
  const [editing, setEditing] = useState(false);
  const mismatch = verdict?.verdict === "acceptable" && (counts.notAcceptable > 0 || counts.undetermined > 0);

  return (
    <section className="panel verdict-panel" aria-labelledby="overall-verdict-heading">
      <div className="panel-head">
        <h3 id="overall-verdict-heading">Overall verdict</h3>
        {canFacilitate && !editing && (
          <button
            id="overall-verdict-edit"
            type="button"
            className="add-button"
            onClick={() => setEditing(true)}
          >
            {verdict ? "Revise overall verdict" : "Record overall verdict"}
          </button>
        )}
      </div>
      {editing ? (
        <VerdictForm
          existing={verdict}
          onDone={() => {
            setEditing(false);
            // The form gave way to the button that opened it: the keyboard goes back there.
            focusSoon("overall-verdict-edit");
          }}
        />
      ) : verdict ? (
        <div className="overall-verdict">
          <p className="overall-verdict-line">
            <VerdictBadge verdict={verdict.verdict} />{" "}
            <span className="muted small">
              Recorded by {verdict.by}, <time dateTime={verdict.at}>{formatDateTime(verdict.at)}</time>
            </span>
          </p>
          <p className="prose">{verdict.justification}</p>
          {verdict.conflicts && verdict.conflicts.length > 0 && (
            <p className="prose">
              <strong>Acceptable although risks were determined not acceptable: </strong>
              {verdict.conflictJustification}
            </p>
          )}
        </div>
      ) : (
        <EmptyState title="No overall verdict yet.">
          {canFacilitate
            ? "Once each risk has its determination, record whether the model's systemic risks are acceptable, and why."
            : "The facilitator records it once each risk has its determination."}
        </EmptyState>
      )}
      {mismatch && (
        <p className="top-tier-flag" role="note">
          The overall verdict is acceptable, but{" "}
          {counts.notAcceptable > 0
            ? `${counts.notAcceptable} ${counts.notAcceptable === 1 ? "risk is" : "risks are"} determined not acceptable`
            : `${counts.undetermined} ${counts.undetermined === 1 ? "risk has" : "risks have"} no determination yet`}
          .
        </p>
      )}
    </section>
  );
}
