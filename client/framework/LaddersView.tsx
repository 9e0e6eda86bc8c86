import type { Framework, LadderTier } from "../../shared/estimation/framework";
import { EmptyState } from "../fields/EmptyState";
import { plural } from "./editor/editorState";
import { TOP_TIER_NOTE } from "./labels";
import type { RiskRef } from "./riskRefs";

/** Each risk's ordered tier ladder, read-only, lowest capability first. */
export function LaddersView({ framework, risks }: { framework: Framework; risks: readonly RiskRef[] }) {
  return (
    <section className="panel" aria-labelledby="fw-ladders-h">
      <h3 id="fw-ladders-h">Risk tier ladders</h3>
      <p className="panel-intro">
        Tiers defined by measurable capability indicators, from the lowest to the highest capability (Measure
        4.1).
      </p>
      {risks.map((risk) => (
        <details key={risk.id} className="fw-ladder" open={risk.specified}>
          <summary>
            <strong>{risk.title}</strong>{" "}
            <span className="count">{plural(framework.ladders[risk.id]?.length ?? 0, "tier")}</span>
            {risk.specified && <span className="tag">Specified</span>}
          </summary>
          <Ladder ladder={framework.ladders[risk.id] ?? []} specified={risk.specified} />
        </details>
      ))}
    </section>
  );
}

function Ladder({ ladder, specified }: { ladder: readonly LadderTier[]; specified: boolean }) {
  if (ladder.length === 0)
    return (
      <EmptyState title="No ladder for this risk yet.">
        {specified
          ? "A specified risk needs at least two tiers before the framework can be locked."
          : "The facilitator can add tiers while the framework is unlocked."}
      </EmptyState>
    );
  return (
    <ol className="fw-rungs">
      {ladder.map((tier, i) => (
        <li key={tier.id} className="fw-rung">
          <div className="fw-rung-head">
            <strong>{tier.name}</strong>
            <span className={tier.acceptableWithMitigations ? "tag fw-ok" : "tag fw-bad"}>
              {tier.acceptableWithMitigations ? "Acceptable with mitigations" : "Not acceptable"}
            </span>
          </div>
          {specified && i === ladder.length - 1 && <p className="fw-top-note small">{TOP_TIER_NOTE}</p>}
          <div className="fw-rung-lists">
            <TextList title="Capability indicators" items={tier.indicators} />
            <TextList title="Required mitigations" items={tier.mitigations} />
          </div>
        </li>
      ))}
    </ol>
  );
}

function TextList({ title, items }: { title: string; items: readonly string[] }) {
  return (
    <div>
      <h4>{title}</h4>
      {items.length === 0 ? (
        <p className="muted small">None listed.</p>
      ) : (
        <ul>
          {items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: plain strings, possibly repeated, never reordered here
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
