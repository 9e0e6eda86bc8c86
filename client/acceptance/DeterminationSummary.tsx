import type { ScenarioSummary } from "../../shared/content";
import type { LadderTier } from "../../shared/estimation/framework";
import type { Determination } from "../../shared/estimationView";
import type { ScenarioStanding } from "../../shared/snapshot";
import { Link } from "../components/Link";
import { formatDateTime } from "../format";
import { type RoomBase, roomPath } from "../router";
import { ScenarioTier } from "./ScenarioTier";
import { TopTierFlag, VerdictBadge } from "./VerdictBadge";

/** The recorded determination, as everyone (observers included) reads it. */
export function DeterminationSummary({
  base,
  determination: d,
  ladder,
  scenarios,
  standings,
}: {
  base: RoomBase;
  determination: Determination;
  ladder: readonly LadderTier[];
  scenarios: readonly ScenarioSummary[];
  standings: Record<string, ScenarioStanding>;
}) {
  const tier = ladder.find((t) => t.id === d.tierId);
  const rung = tier ? ladder.indexOf(tier) + 1 : null;
  const titleOf = (id: string) => scenarios.find((s) => s.id === id)?.title;
  return (
    <div className="determination">
      <div className="determination-head">
        <VerdictBadge verdict={d.verdict} />
        <span className="muted small">
          Recorded by {d.by}, <time dateTime={d.at}>{formatDateTime(d.at)}</time>
        </span>
      </div>
      {d.needsHigherTier && <TopTierFlag />}
      {d.tierId === null ? (
        <dl className="determination-fields">
          <dt>Judged under</dt>
          <dd>Other criteria (the framework has no tier ladder for this risk)</dd>
          <dt>Criterion</dt>
          <dd className="prose">{d.criterion}</dd>
          <dt>Justification</dt>
          <dd className="prose">{d.justification}</dd>
        </dl>
      ) : (
        <dl className="determination-fields">
          <dt>Tier reached</dt>
          <dd>
            <strong>{tier?.name ?? d.tierId}</strong>
            {rung !== null && (
              <span className="muted small">
                {" "}
                (tier {rung} of {ladder.length})
              </span>
            )}
            {!tier && <span className="muted small"> (no longer on the ladder)</span>}
            {tier && tier.indicators.length > 0 && (
              <ul className="indicator-list" aria-label={`Indicators of ${tier.name}`}>
                {tier.indicators.map((indicator) => (
                  <li key={indicator}>{indicator}</li>
                ))}
              </ul>
            )}
            {tier && tier.mitigations.length > 0 && (
              <p className="muted small tier-mitigations">
                The framework expects at this tier: {tier.mitigations.join("; ")}.
              </p>
            )}
          </dd>
          <dt>Safety margin</dt>
          <dd className="prose">{d.safetyMargin || <span className="muted">Not stated</span>}</dd>
          <dt>Why this margin</dt>
          <dd className="prose">
            {d.marginReasons || <span className="muted">Not stated</span>}
            <span className="hint-line muted small">
              Uncertainty in capabilities, in elicitation, in how well mitigations work.
            </span>
          </dd>
          <dt>Would no longer hold if</dt>
          <dd className="prose">{d.conditions || <span className="muted">Not stated</span>}</dd>
          <dt>Evidence scenarios</dt>
          <dd>
            {d.evidenceScenarioIds.length === 0 ? (
              <span className="muted">None named</span>
            ) : (
              <ul className="evidence-scenarios">
                {d.evidenceScenarioIds.map((id) => (
                  <li key={id}>
                    {titleOf(id) ? (
                      <Link href={roomPath(base, { kind: "scenario", scenarioId: id })}>{titleOf(id)}</Link>
                    ) : (
                      <span className="muted">A removed scenario</span>
                    )}{" "}
                    <ScenarioTier standing={standings[id]} />
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      )}
    </div>
  );
}
