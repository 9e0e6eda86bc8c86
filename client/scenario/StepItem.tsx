import type { Actor, Safeguard, Source, Step } from "../../shared/content";
import { CheckboxGroup } from "../fields/CheckboxGroup";
import { InlineCheckbox } from "../fields/InlineCheckbox";
import { InlineSelect, type Option } from "../fields/InlineSelect";
import { InlineText } from "../fields/InlineText";
import { ItemActions } from "../fields/ItemActions";

const NONE = "";

/** A reference that may point at a record since removed from the threat model reads as none. */
function choice(id: string | null, options: ReadonlyArray<Option<string>>): string {
  return id && options.some((o) => o.value === id) ? id : NONE;
}

/** One step of a scenario's pathway from actor to harm. */
export function StepItem({
  step,
  index,
  count,
  actors,
  sources,
  safeguards,
  onChange,
  onMove,
  onRemove,
}: {
  step: Step;
  index: number;
  count: number;
  actors: Actor[];
  sources: Source[];
  safeguards: Safeguard[];
  onChange(patch: Partial<Omit<Step, "id">>, typing?: boolean): void;
  onMove(direction: -1 | 1): void;
  onRemove(): void;
}) {
  const name = `step ${index + 1}`;
  const actorOptions = [
    { value: NONE, label: "No actor" },
    ...actors.map((a) => ({ value: a.id, label: a.name })),
  ];
  const sourceOptions = [
    { value: NONE, label: "No source" },
    ...sources.map((s) => ({ value: s.id, label: s.name })),
  ];
  return (
    <li className={step.uplift ? "step uplift" : "step"}>
      <span className="step-number" aria-hidden="true">
        {index + 1}
      </span>
      <div className="step-body">
        <InlineText
          id={`step-${step.id}-text`}
          label={`Step ${index + 1}`}
          hideLabel
          className="grow"
          multiline
          value={step.text}
          maxLength={2000}
          placeholder="What happens at this step?"
          emptyText="(no description)"
          onChange={(text) => onChange({ text }, true)}
        />
        <div className="step-meta">
          <InlineSelect
            label="Actor"
            value={choice(step.actorId, actorOptions)}
            options={actorOptions}
            onChange={(v) => onChange({ actorId: v === NONE ? null : v })}
          />
          <InlineSelect
            label="Source used"
            value={choice(step.sourceId, sourceOptions)}
            options={sourceOptions}
            onChange={(v) => onChange({ sourceId: v === NONE ? null : v })}
          />
        </div>
        <div className="step-flags">
          <InlineCheckbox
            label="AI uplift here"
            className="uplift-flag"
            checked={step.uplift}
            onChange={(uplift) => onChange({ uplift })}
          />
          <CheckboxGroup
            legend="Safeguards"
            inlineLegend
            className="compact"
            options={safeguards.map((s) => ({ value: s.id, label: s.name }))}
            selected={step.safeguardIds}
            onToggle={(id, on) =>
              onChange({
                safeguardIds: on ? [...step.safeguardIds, id] : step.safeguardIds.filter((s) => s !== id),
              })
            }
            empty="none in the threat model yet"
          />
        </div>
      </div>
      <ItemActions
        idPrefix={`step-${step.id}`}
        name={name}
        index={index}
        count={count}
        onMove={onMove}
        onRemove={onRemove}
        afterRemoveFocus="add-step"
      />
    </li>
  );
}
