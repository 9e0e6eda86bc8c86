import type { Framework } from "../../shared/estimation/framework";
import type { EstimateDraft, FieldErrors, SeverityMode } from "./estimateForm";
import { RangeInputs } from "./RangeInputs";
import { valueSeverityAllowed } from "./roundsModel";

interface Props {
  idPrefix: string;
  framework: Framework;
  draft: EstimateDraft;
  errors: FieldErrors;
  onChange(patch: Partial<EstimateDraft>): void;
}

/** Severity as one of the framework's levels, or, when every level has a numeric anchor, as a range in its unit. */
export function SeverityInput({ idPrefix, framework, draft, errors, onChange }: Props) {
  const numeric = valueSeverityAllowed(framework);
  const mode: SeverityMode = numeric ? draft.severityMode : "level";
  const unit = framework.severityLevels[0]?.anchorUnit ?? "";
  const selectId = `${idPrefix}-severity-level`;
  const levelError = errors["severity.levelId"] ?? errors.severity;
  return (
    <div className="severity-input">
      {numeric && (
        <div className="mode-toggle" role="radiogroup" aria-label="Give severity as">
          {(["level", "value"] as const).map((m) => (
            <label key={m} className="choice">
              <input
                type="radio"
                name={`${idPrefix}-severity-mode`}
                checked={mode === m}
                onChange={() => onChange({ severityMode: m })}
              />
              <span>{m === "level" ? "Severity level" : `Numbers (${unit})`}</span>
            </label>
          ))}
        </div>
      )}
      {mode === "level" ? (
        <div className="field">
          <label htmlFor={selectId}>Severity</label>
          <select
            id={selectId}
            value={draft.levelId}
            aria-invalid={levelError ? true : undefined}
            aria-describedby={levelError ? `${selectId}-error` : undefined}
            onChange={(e) => onChange({ levelId: e.target.value })}
          >
            <option value="">Choose a level…</option>
            {framework.severityLevels.map((l) => (
              <option key={l.id} value={l.id}>
                {l.anchor ? `${l.name} — ${l.anchor}` : l.name}
              </option>
            ))}
          </select>
          {levelError && (
            <span id={`${selectId}-error`} className="inline-error">
              {levelError}
            </span>
          )}
        </div>
      ) : (
        <RangeInputs
          idPrefix={idPrefix}
          legend={`Severity (${unit})`}
          hint={`0 ≤ low ≤ best ≤ high; mapped to a level through the framework's anchors.`}
          prefix="severity"
          values={{ low: draft.sevLow, best: draft.sevBest, high: draft.sevHigh }}
          errors={errors}
          onChange={(part, value) =>
            onChange(
              part === "low" ? { sevLow: value } : part === "best" ? { sevBest: value } : { sevHigh: value },
            )
          }
        />
      )}
    </div>
  );
}
