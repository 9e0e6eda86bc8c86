import { Fragment, useState } from "react";
import { Link } from "../components/Link";
import { EmptyState } from "../fields/EmptyState";
import { type RoomBase, roomPath } from "../router";
import type { AcceptanceRow } from "./acceptanceRows";
import { RiskDetermination } from "./RiskDetermination";
import { TopTierFlag, VerdictBadge } from "./VerdictBadge";

/** Every risk in play, with its determination at a glance and a link to the risk's view. */
export function AcceptanceTable({
  base,
  rows,
  canRecord,
}: {
  base: RoomBase;
  rows: readonly AcceptanceRow[];
  /** A facilitator, with the framework locked: a risk without a determination offers to record one. */
  canRecord: boolean;
}) {
  const [recording, setRecording] = useState<string | null>(null);
  return (
    <section className="panel" aria-labelledby="acceptance-risks-heading">
      <div className="panel-head">
        <h3 id="acceptance-risks-heading">
          Determinations by risk <span className="count">{rows.length}</span>
        </h3>
      </div>
      {rows.length === 0 ? (
        <EmptyState title="No risks in this workshop.">Risks are added on the overview.</EmptyState>
      ) : (
        <table className="acceptance-table">
          <thead>
            <tr>
              <th scope="col">Risk</th>
              <th scope="col">Tier reached</th>
              <th scope="col">Verdict</th>
              <th scope="col">Dissent</th>
              <th scope="col">Recorded</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Fragment key={row.riskId}>
                <tr>
                  <th scope="row">
                    <Link href={roomPath(base, { kind: "risk", riskId: row.riskId })}>{row.title}</Link>
                  </th>
                  {row.determination ? (
                    <>
                      <td>
                        {row.tierName} {row.needsHigherTier && <TopTierFlag compact />}
                      </td>
                      <td>
                        <VerdictBadge verdict={row.verdict} />
                      </td>
                      <td
                        className={row.dissentCount > 0 ? "dissent-count has-dissent" : "dissent-count muted"}
                      >
                        {row.dissentCount === 0 ? "none" : row.dissentCount}
                      </td>
                      <td className="muted small">by {row.determination.by}</td>
                    </>
                  ) : (
                    <td colSpan={4} className="muted">
                      No determination yet for this risk.
                      {!row.hasLadder && " The framework has no tier ladder for it."}
                      {canRecord && row.hasLadder && recording !== row.riskId && (
                        <>
                          {" "}
                          <button
                            type="button"
                            className="small-button"
                            onClick={() => setRecording(row.riskId)}
                            aria-label={`Record determination for ${row.title}`}
                          >
                            Record determination
                          </button>
                        </>
                      )}
                    </td>
                  )}
                </tr>
                {recording === row.riskId && !row.determination && (
                  <tr className="acceptance-record-row">
                    <td colSpan={5}>
                      <RiskDetermination riskId={row.riskId} startEditing />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
