import type { FieldErrors, FieldKey } from "./estimateForm";

type Part = "low" | "best" | "high";
const PARTS: readonly Part[] = ["low", "best", "high"];
const PART_LABELS: Record<Part, string> = { low: "Low", best: "Best", high: "High" };

interface Props {
  idPrefix: string;
  legend: string;
  hint: string;
  prefix: "probability" | "severity";
  /** Shown after each input, e.g. "%". */
  suffix?: string;
  values: Record<Part, string>;
  errors: FieldErrors;
  onChange(part: Part, value: string): void;
}

/** Low / best / high inputs, each with its own error beside it. */
export function RangeInputs({ idPrefix, legend, hint, prefix, suffix, values, errors, onChange }: Props) {
  return (
    <fieldset className="range-inputs">
      <legend>{legend}</legend>
      <p className="hint">{hint}</p>
      <div className="range-row">
        {PARTS.map((part) => {
          const key = `${prefix}.${part}` as FieldKey;
          const id = `${idPrefix}-${prefix}-${part}`;
          const error = errors[key];
          return (
            <div key={part} className="field range-field">
              <label htmlFor={id}>{PART_LABELS[part]}</label>
              <div className="input-with-suffix">
                <input
                  id={id}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  value={values[part]}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  onChange={(e) => onChange(part, e.target.value)}
                />
                {suffix && (
                  <span className="suffix" aria-hidden="true">
                    {suffix}
                  </span>
                )}
              </div>
              {error && (
                <span id={`${id}-error`} className="inline-error">
                  {error}
                </span>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
