import type { Framework } from "../../../shared/estimation/framework";
import { addLevel, moveItem, removeLevel, updateLevel } from "../draft";
import { ItemButtons, NumberField, PathMessages, TextField } from "./fields";

/** Severity levels, least severe first, with the anchor in words and an optional numeric anchor. */
export function LevelsEditor({ draft, onChange }: { draft: Framework; onChange(f: Framework): void }) {
  const levels = draft.severityLevels;
  return (
    <section className="panel" aria-labelledby="fw-ed-levels">
      <div className="panel-head">
        <h3 id="fw-ed-levels">Severity levels</h3>
        <button type="button" className="add-button" onClick={() => onChange(addLevel(draft))}>
          Add level
        </button>
      </div>
      <p className="panel-intro">
        From least to most severe. A numeric anchor is where the level starts (e.g. 10 fatalities): give every
        level one, in the same unit, or none.
      </p>
      <PathMessages path={["severityLevels"]} />
      <ol className="fw-edit-list">
        {levels.map((level, i) => (
          <li key={level.id} className="fw-edit-row fw-level-row">
            <TextField
              label="Name"
              path={["severityLevels", i, "name"]}
              value={level.name}
              maxLength={200}
              onChange={(name) => onChange(updateLevel(draft, i, { name }))}
            />
            <TextField
              label="Quantitative anchor"
              path={["severityLevels", i, "anchor"]}
              value={level.anchor}
              maxLength={500}
              onChange={(anchor) => onChange(updateLevel(draft, i, { anchor }))}
            />
            <NumberField
              label="Numeric anchor"
              optional
              path={["severityLevels", i, "anchorValue"]}
              value={level.anchorValue}
              onChange={(anchorValue) => onChange(updateLevel(draft, i, { anchorValue }))}
            />
            <TextField
              label="Unit"
              path={["severityLevels", i, "anchorUnit"]}
              value={level.anchorUnit ?? ""}
              maxLength={64}
              onChange={(anchorUnit) => onChange(updateLevel(draft, i, { anchorUnit }))}
            />
            <TextField
              label="Description"
              className="fw-wide"
              multiline
              path={["severityLevels", i, "description"]}
              value={level.description}
              maxLength={2000}
              onChange={(description) => onChange(updateLevel(draft, i, { description }))}
            />
            <PathMessages path={["severityLevels", i, "id"]} />
            <ItemButtons
              name={`level ${level.name}`}
              index={i}
              count={levels.length}
              minimum={1}
              onMove={(to) => onChange({ ...draft, severityLevels: moveItem(levels, i, to) })}
              onRemove={() => onChange(removeLevel(draft, i))}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}
