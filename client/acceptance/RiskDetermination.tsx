import { useState } from "react";
import { Link } from "../components/Link";
import { EmptyState } from "../fields/EmptyState";
import { focusSoon } from "../fields/focusSoon";
import { useRisks, useScenarioList } from "../hooks/useContent";
import { useDeterminations, useFramework, useLock, useStandings } from "../hooks/useEstimation";
import { useRoom } from "../room/RoomContext";
import { roomPath } from "../router";
import { CriterionDeterminationForm } from "./CriterionDeterminationForm";
import { DeterminationForm } from "./DeterminationForm";
import { DeterminationSummary } from "./DeterminationSummary";
import { RiskDissent } from "./RiskDissent";
import { WatchedConditions } from "./WatchedConditions";

/**
 * A risk's determination against its tier ladder, or under other criteria when it has none: what
 * was decided, the dissent, and the facilitator's form.
 */
export function RiskDetermination({
  riskId,
  startEditing = false,
}: {
  riskId: string;
  startEditing?: boolean;
}) {
  const { doc, controlDoc, base, canFacilitate } = useRoom();
  const framework = useFramework(controlDoc);
  const lock = useLock(controlDoc);
  const determination = useDeterminations(controlDoc).find((d) => d.riskId === riskId) ?? null;
  const standings = useStandings(controlDoc);
  const riskTitle = useRisks(doc).find((r) => r.id === riskId)?.title ?? "this risk";
  const allScenarios = useScenarioList(doc);
  const scenarios = allScenarios.filter((s) => s.riskId === riskId);
  const [editing, setEditing] = useState(startEditing);
  const ladder = framework?.ladders[riskId] ?? [];
  const frameworkLink = <Link href={roomPath(base, { kind: "framework" })}>the framework</Link>;
  const headingId = `determination-heading-${riskId}`;

  return (
    <section className="panel determination-panel" aria-labelledby={headingId}>
      <div className="panel-head">
        <h3 id={headingId}>Determination</h3>
        {canFacilitate && !editing && lock && (
          <button
            id={`${headingId}-edit`}
            type="button"
            className="add-button"
            onClick={() => setEditing(true)}
          >
            {determination ? "Revise determination" : "Record determination"}
          </button>
        )}
      </div>
      <p className="panel-intro">
        The tier this risk has reached on its ladder, the margin kept below the next one, and whether the risk
        is acceptable.
      </p>
      {ladder.length === 0 && !determination && !editing && (
        <EmptyState title="The framework has no tier ladder for this risk.">
          It is judged under other criteria: a written criterion and a justification. A ladder can be defined
          in {frameworkLink}.
        </EmptyState>
      )}
      {!lock && canFacilitate && (
        <p className="muted small">
          Lock {frameworkLink} first: determinations are made against a locked framework.
        </p>
      )}
      {editing && ladder.length === 0 ? (
        <CriterionDeterminationForm
          riskId={riskId}
          riskTitle={riskTitle}
          existing={determination}
          onDone={() => {
            setEditing(false);
            focusSoon(`${headingId}-edit`);
          }}
        />
      ) : editing ? (
        <DeterminationForm
          riskId={riskId}
          riskTitle={riskTitle}
          existing={determination}
          ladder={ladder}
          scenarios={scenarios}
          standings={standings}
          onDone={() => {
            setEditing(false);
            // The form gave way to the button that opened it: the keyboard goes back there.
            focusSoon(`${headingId}-edit`);
          }}
        />
      ) : determination ? (
        <DeterminationSummary
          base={base}
          determination={determination}
          ladder={ladder}
          scenarios={allScenarios}
          standings={standings}
        />
      ) : (
        ladder.length > 0 && (
          <EmptyState title="No determination yet for this risk.">
            {canFacilitate
              ? "Once the estimates are revealed, record the tier reached and the verdict."
              : "The facilitator records it once the estimates are in."}
          </EmptyState>
        )
      )}
      {determination && !editing && <WatchedConditions determination={determination} />}
      {determination && <RiskDissent riskId={riskId} dissent={determination.dissent} />}
    </section>
  );
}
