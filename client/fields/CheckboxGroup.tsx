import type { ReactNode } from "react";
import { useEditable } from "./editable";

export interface CheckboxOption {
  value: string;
  label: string;
  /** Said after the label, in a quieter voice. */
  hint?: string;
}

/** A set bound to the document (nature flags, linked actors, safeguards on a step) as checkboxes. */
export function CheckboxGroup({
  legend,
  options,
  selected,
  onToggle,
  empty,
  hideLegend,
  inlineLegend,
  className,
}: {
  legend: string;
  options: readonly CheckboxOption[];
  selected: readonly string[];
  onToggle(value: string, on: boolean): void;
  /** What to show when there is nothing to choose from. */
  empty: ReactNode;
  hideLegend?: boolean;
  /** The legend sits on the chips' line (a fieldset's legend cannot, so a visible copy does). */
  inlineLegend?: boolean;
  className?: string;
}) {
  const editable = useEditable();
  const legendClass = hideLegend ? "visually-hidden" : "field-label";
  if (!editable) {
    const chosen = options.filter((o) => selected.includes(o.value));
    return (
      <div className={`checkbox-group readonly ${className ?? ""}`}>
        <span className={legendClass}>{legend}</span>
        {chosen.length === 0 ? (
          <span className="field-value empty">None</span>
        ) : (
          <ul className="chip-list" aria-label={legend}>
            {chosen.map((o) => (
              <li key={o.value} className="chip on">
                {o.label}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return (
    <fieldset className={`checkbox-group ${className ?? ""}`}>
      <legend className={inlineLegend ? "visually-hidden" : legendClass}>{legend}</legend>
      {inlineLegend && (
        <span className="field-label" aria-hidden="true">
          {legend}
        </span>
      )}
      {options.length === 0 ? (
        <div className="field-value empty">{empty}</div>
      ) : (
        <div className="chip-list">
          {options.map((o) => {
            const on = selected.includes(o.value);
            return (
              <label key={o.value} className={on ? "chip on" : "chip"}>
                <input
                  type="checkbox"
                  checked={on}
                  onChange={(e) => onToggle(o.value, e.currentTarget.checked)}
                />
                {o.label}
                {o.hint && <span className="chip-hint"> ({o.hint})</span>}
              </label>
            );
          })}
        </div>
      )}
    </fieldset>
  );
}
