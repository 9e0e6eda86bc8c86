import { EVIDENCE_KINDS, type Evidence, evidenceSchema } from "../../shared/content";
import { useEditable } from "../fields/editable";
import { InlineSelect } from "../fields/InlineSelect";
import { InlineText } from "../fields/InlineText";
import { ItemActions } from "../fields/ItemActions";
import { EVIDENCE_KIND_LABELS, optionsOf } from "../labels";

const KIND_OPTIONS = optionsOf(EVIDENCE_KINDS, EVIDENCE_KIND_LABELS);

/** The same rule the document applies: an http(s) address, or nothing. */
function linkProblem(value: string): string | null {
  return evidenceSchema.shape.link.safeParse(value).success
    ? null
    : "Not saved yet: a link starts with https:// or http://.";
}

/** One piece of evidence on a scenario: a benchmark, a red-team finding, a study, an incident… */
export function EvidenceItem({
  evidence,
  index,
  count,
  onChange,
  onMove,
  onRemove,
}: {
  evidence: Evidence;
  index: number;
  count: number;
  onChange(patch: Partial<Omit<Evidence, "id">>, typing?: boolean): void;
  onMove(direction: -1 | 1): void;
  onRemove(): void;
}) {
  const editable = useEditable();
  const prefix = `evidence-${evidence.id}`;
  return (
    <li className="evidence">
      <div className="evidence-top">
        <InlineSelect
          label="Kind"
          hideLabel
          className="evidence-kind"
          value={evidence.kind}
          options={KIND_OPTIONS}
          onChange={(kind) => onChange({ kind })}
        />
        <span className="grow" />
        <ItemActions
          idPrefix={prefix}
          name={`evidence ${evidence.title}`}
          index={index}
          count={count}
          onMove={onMove}
          onRemove={onRemove}
          afterRemoveFocus="add-evidence-title"
        />
      </div>
      {editable ? (
        <InlineText
          id={`${prefix}-title`}
          label="Evidence title"
          hideLabel
          required
          className="evidence-title"
          value={evidence.title}
          maxLength={300}
          onChange={(title) => onChange({ title }, true)}
        />
      ) : (
        <p className="evidence-title">
          {evidence.link ? (
            <a href={evidence.link} target="_blank" rel="noreferrer noopener">
              {evidence.title}
            </a>
          ) : (
            evidence.title
          )}
        </p>
      )}
      <div className="evidence-fields">
        {editable && (
          <InlineText
            label="Link"
            value={evidence.link}
            maxLength={2000}
            placeholder="https://…"
            validate={linkProblem}
            onChange={(link) => onChange({ link }, true)}
          />
        )}
        {(editable || evidence.result) && (
          <InlineText
            label="Result"
            multiline
            value={evidence.result}
            maxLength={2000}
            placeholder="e.g. 42% on the wet-lab subset"
            onChange={(result) => onChange({ result }, true)}
          />
        )}
        {(editable || evidence.note) && (
          <InlineText
            label="Note"
            className="wide"
            multiline
            value={evidence.note}
            maxLength={4000}
            placeholder="What it shows, and its limits"
            onChange={(note) => onChange({ note }, true)}
          />
        )}
      </div>
    </li>
  );
}
