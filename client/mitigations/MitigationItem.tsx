import type { Mitigation } from "../../shared/content";
import { useEditable } from "../fields/editable";
import { InlineSelect } from "../fields/InlineSelect";
import { InlineText } from "../fields/InlineText";
import { KIND_OPTIONS, STATUS_OPTIONS } from "./mitigationLabels";
import { otherScenarioCount } from "./mitigationLinks";

/** One mitigation linked to the scenario: kind, status, title, owner; unlink or remove it. */
export function MitigationItem({
  mitigation,
  scenarioId,
  onChange,
  onUnlink,
  onRemove,
}: {
  mitigation: Mitigation;
  scenarioId: string;
  onChange(patch: Partial<Omit<Mitigation, "id">>, typing?: boolean): void;
  onUnlink(): void;
  onRemove(): void;
}) {
  const editable = useEditable();
  const prefix = `mitigation-${mitigation.id}`;
  const others = otherScenarioCount(mitigation, scenarioId);
  return (
    <li className={`mitigation status-${mitigation.status}`}>
      <div className="mitigation-top">
        <InlineSelect
          label="Kind"
          hideLabel
          className={`mitigation-kind kind-${mitigation.kind}`}
          value={mitigation.kind}
          options={KIND_OPTIONS}
          onChange={(kind) => onChange({ kind })}
        />
        <InlineSelect
          label="Status"
          hideLabel
          className={`mitigation-status status-${mitigation.status}`}
          value={mitigation.status}
          options={STATUS_OPTIONS}
          onChange={(status) => onChange({ status })}
        />
        <span className="grow" />
        {others > 0 && (
          <span className="muted small" title="This mitigation is linked to other scenarios too">
            also on {others} other {others === 1 ? "scenario" : "scenarios"}
          </span>
        )}
        {editable && (
          <div className="item-actions">
            <button
              type="button"
              className="link-button"
              onClick={onUnlink}
              aria-label={`Unlink mitigation ${mitigation.title} from this scenario`}
            >
              Unlink
            </button>
            <button
              type="button"
              className="icon-button danger-quiet"
              onClick={onRemove}
              aria-label={`Remove mitigation ${mitigation.title}`}
              title={others > 0 ? "Remove from every scenario (Ctrl+Z undoes)" : "Remove (Ctrl+Z undoes)"}
            >
              ✕
            </button>
          </div>
        )}
      </div>
      <InlineText
        id={`${prefix}-title`}
        label="Mitigation title"
        hideLabel
        required
        className="mitigation-title"
        value={mitigation.title}
        maxLength={300}
        onChange={(title) => onChange({ title }, true)}
      />
      <InlineText
        id={`${prefix}-owner`}
        label="Owner"
        className="mitigation-owner"
        value={mitigation.owner}
        maxLength={200}
        placeholder="Who is responsible, e.g. Security team"
        emptyText="No owner named"
        onChange={(owner) => onChange({ owner }, true)}
      />
    </li>
  );
}
