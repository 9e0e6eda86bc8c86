import { type FormEvent, useState } from "react";
import { EVIDENCE_KINDS, type Evidence, evidenceOf } from "../../shared/content";
import { EmptyState } from "../fields/EmptyState";
import { EVIDENCE_KIND_LABELS } from "../labels";
import { useRoom } from "../room/RoomContext";
import { fieldKey } from "../sync/contentHistory";
import { EvidenceItem } from "./EvidenceItem";

type Kind = Evidence["kind"];

/** Evidence on a scenario, with a one-line form to add more; focus stays there for the next one. */
export function EvidenceList({ scenarioId, evidence }: { scenarioId: string; evidence: Evidence[] }) {
  const { doc, history, canEdit } = useRoom();
  const [kind, setKind] = useState<Kind>("benchmark");
  const [title, setTitle] = useState("");
  const list = () => evidenceOf(doc, scenarioId);

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!title.trim()) return;
    if (history.edit(() => list().add({ kind, title: title.trim() }))) setTitle("");
  };

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
        <form className="add-row" onSubmit={add} aria-label="Add evidence">
          <label htmlFor="add-evidence-kind" className="visually-hidden">
            Kind of new evidence
          </label>
          <select
            id="add-evidence-kind"
            value={kind}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setKind(EVIDENCE_KINDS.find((k) => k === value) ?? "other");
            }}
          >
            {EVIDENCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {EVIDENCE_KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <label htmlFor="add-evidence-title" className="visually-hidden">
            Title of new evidence
          </label>
          <input
            id="add-evidence-title"
            value={title}
            maxLength={300}
            autoComplete="off"
            placeholder="Title, e.g. WMDP-Bio results"
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <button type="submit" disabled={!title.trim()}>
            Add evidence
          </button>
        </form>
      )}
    </section>
  );
}
