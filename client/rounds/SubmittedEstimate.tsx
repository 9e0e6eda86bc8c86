import type { Estimate } from "../../shared/estimation/estimate";
import type { Framework } from "../../shared/estimation/framework";
import { formatRange } from "../estimationFormat";
import { formatSeverity } from "./roundsModel";

/** An expert's own answer, compact: what they submitted now, or in the round before. */
export function SubmittedEstimate({ estimate, framework }: { estimate: Estimate; framework: Framework }) {
  return (
    <dl className="own-estimate">
      <div>
        <dt>Probability</dt>
        <dd>{formatRange(estimate.probability)}</dd>
      </div>
      <div>
        <dt>Severity</dt>
        <dd>{formatSeverity(framework, estimate.severity)}</dd>
      </div>
      <div>
        <dt>Confidence</dt>
        <dd>{estimate.confidence}</dd>
      </div>
      {estimate.rationale && (
        <div className="own-rationale">
          <dt>Rationale</dt>
          <dd>{estimate.rationale}</dd>
        </div>
      )}
    </dl>
  );
}
