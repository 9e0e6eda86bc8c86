import type { ScenarioAggregate } from "../../shared/estimation/aggregate";
import type { Severity } from "../../shared/estimation/estimate";
import type { Framework } from "../../shared/estimation/framework";
import { formatProbability, formatRange } from "../estimationFormat";
import { formatValue, medianBetween } from "./roundsModel";

/** The group's answer for one scenario: pooled probability, disagreement, median severity, tier. */
export function AggregateSummary({
  aggregate,
  framework,
  severities,
}: {
  aggregate: ScenarioAggregate;
  framework: Framework;
  /** The experts' severities, to say which level is taken when the median falls between two. */
  severities: readonly Severity[];
}) {
  const between = medianBetween(framework, severities);
  const { probability: p, severity: s, tier } = aggregate;
  const level = s.levelId === null ? undefined : framework.severityLevels.find((l) => l.id === s.levelId);
  const unit = framework.severityLevels[0]?.anchorUnit ?? "";
  const band = framework.likelihoodBands.find((b) => b.id === aggregate.bandId);
  return (
    <dl className="aggregate-summary">
      <div>
        <dt>
          Probability ({p.n} expert{p.n === 1 ? "" : "s"})
        </dt>
        <dd>
          <strong>{formatRange(p)}</strong>
          {band && <span className="muted small"> · {band.label}</span>}
        </dd>
      </div>
      <div>
        <dt>Spread of best estimates</dt>
        <dd>
          {formatProbability(p.spread.min)}–{formatProbability(p.spread.max)}
          <span className="muted small">
            {" "}
            · IQR {formatProbability(p.spread.q1)}–{formatProbability(p.spread.q3)}
          </span>
        </dd>
      </div>
      <div>
        <dt>Severity</dt>
        <dd>
          <strong>{level?.name ?? "—"}</strong>
          {between && (
            <span className="muted small">
              {" "}
              · the middle falls between {between.lower} and {between.upper}: the more severe, {between.upper}
              , is taken
            </span>
          )}
          {s.value && (
            <span className="muted small">
              {" "}
              · median {formatValue(s.value.best)} ({formatValue(s.value.low)}–{formatValue(s.value.high)}){" "}
              {unit}
            </span>
          )}
        </dd>
      </div>
      <div>
        <dt>Tier</dt>
        <dd>
          {tier ? (
            <span className="tier-badge" style={{ borderColor: tier.colour }}>
              <span className="tier-swatch" style={{ backgroundColor: tier.colour }} aria-hidden="true" />
              {tier.name}
            </span>
          ) : (
            <span className="muted">not placed</span>
          )}
        </dd>
      </div>
    </dl>
  );
}
