import type { ScenarioSummary } from "../../shared/content";
import type { ScenarioStanding } from "../../shared/snapshot";
import { toggleId } from "./determinationForm";
import { FieldError } from "./FieldError";
import { ScenarioTier } from "./ScenarioTier";

/** Checkboxes for the risk's scenarios that the determination rests on, each with its current tier. */
export function EvidenceChoices({
  idPrefix,
  scenarios,
  standings,
  chosen,
  onChange,
  error,
}: {
  idPrefix: string;
  scenarios: readonly ScenarioSummary[];
  standings: Record<string, ScenarioStanding>;
  chosen: readonly string[];
  onChange(ids: string[]): void;
  error: string | undefined;
}) {
  const errorId = `${idPrefix}-evidenceScenarioIds-error`;
  return (
    <fieldset className="evidence-choices" aria-describedby={error ? errorId : undefined}>
      <legend>Evidence scenarios</legend>
      {scenarios.length === 0 ? (
        <p className="muted small">This risk has no scenarios yet.</p>
      ) : (
        <ul>
          {scenarios.map((s) => (
            <li key={s.id}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.includes(s.id)}
                  onChange={(e) => onChange(toggleId(chosen, s.id, e.currentTarget.checked))}
                />{" "}
                {s.title}
              </label>{" "}
              <ScenarioTier standing={standings[s.id]} />
            </li>
          ))}
        </ul>
      )}
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
