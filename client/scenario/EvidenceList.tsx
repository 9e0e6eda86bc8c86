import { EVIDENCE_KINDS, type Evidence, evidenceOf } from "../../shared/content";
import { EmptyState } from "../fields/EmptyState";
import { KindTitleAdd } from "../fields/KindTitleAdd";
import { EVIDENCE_KIND_LABELS } from "../labels";
import { useRoom } from "../room/RoomContext";
import { fieldKey } from "../sync/contentHistory";
import { EvidenceItem } from "./EvidenceItem";

/** Evidence on a scenario, with a one-line form to add more; focus stays there for the next one. */
export function EvidenceList({ scenarioId, evidence }: { scenarioId: string; evidence: Evidence[] }) {
  const { doc, history, canEdit } = useRoom();
  const list = () => evidenceOf(doc, scenarioId);

  return (
    <section className="panel" aria-labelledby="evidence-heading">
      <div className="panel-head">
        <h3 id="evidence-heading">
          Evidence <span className="count">{evidence.length}</span>
        </h3>
      </div>
      {evidence.length === 0 ? (
        <EmptyState title="No evidence yet.">
          {canEdit
            ? "Add what bears on this scenario: benchmark results, red-team findings, uplift studies, incidents, literature."
            : "Benchmarks, red-team findings and studies will appear here as experts add them."}
        </EmptyState>
      ) : (
        <ul className="evidence-list">
          {evidence.map((item, index) => (
            <EvidenceItem
              key={item.id}
              evidence={item}
              index={index}
              count={evidence.length}
              onChange={(patch, typing) =>
                history.edit(
                  () => list().update(item.id, patch),
                  typing ? fieldKey(item.id, patch) : undefined,
                )
              }
              onMove={(direction) => history.edit(() => list().move(item.id, index + direction))}
              onRemove={() => history.edit(() => list().remove(item.id))}
            />
          ))}
        </ul>
      )}
      {canEdit && (
        <KindTitleAdd
          noun="evidence"
          titleId="add-evidence-title"
          kinds={EVIDENCE_KINDS}
          labels={EVIDENCE_KIND_LABELS}
          initialKind="benchmark"
          placeholder="Title, e.g. WMDP-Bio results"
          maxLength={300}
          onAdd={(kind, title) => history.edit(() => list().add({ kind, title }))}
        />
      )}
    </section>
  );
}
