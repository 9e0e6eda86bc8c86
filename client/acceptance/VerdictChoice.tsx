/** The verdict radio group of the acceptance forms: one risk's, one under other criteria, the overall one. */
import { VERDICTS, type Verdict } from "../../shared/estimationView";
import { VERDICT_LABELS } from "./acceptanceRows";
import { FieldError } from "./FieldError";

export function VerdictChoice({
  idPrefix,
  legend,
  value,
  onChange,
  error,
}: {
  idPrefix: string;
  legend: string;
  value: Verdict | null | undefined;
  onChange: (verdict: Verdict) => void;
  error?: string | undefined;
}) {
  const errorId = `${idPrefix}-verdict-error`;
  return (
    <fieldset className="verdict-choice" aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {VERDICTS.map((v) => (
        <label key={v} className={`radio verdict-option verdict-${v}`}>
          <input
            type="radio"
            name={`${idPrefix}-verdict`}
            value={v}
            checked={value === v}
            onChange={() => onChange(v)}
          />{" "}
          {VERDICT_LABELS[v]}
        </label>
      ))}
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
