import { type ReactNode, useContext, useEffect, useId, useState } from "react";
import type { Framework, LadderTier } from "../../../shared/estimation/framework";
import { addLadderTier, moveItem, removeAt, replaceAt, setLadder } from "../draft";
import { TOP_TIER_NOTE } from "../labels";
import { hasProblemsUnder } from "../problems";
import type { RiskRef } from "../riskRefs";
import { plural } from "./editorState";
import { ItemButtons, PathMessages, ProblemsContext, TextField } from "./fields";
import { StringListEditor } from "./StringListEditor";

/** Each risk's tier ladder, one collapsible section per risk; open where something needs fixing. */
export function LaddersEditor({
  draft,
  risks,
  onChange,
}: {
  draft: Framework;
  risks: readonly RiskRef[];
  onChange(f: Framework): void;
}) {
  const problems = useContext(ProblemsContext);
  return (
    <section className="panel" aria-labelledby="fw-ed-ladders">
      <h3 id="fw-ed-ladders">Risk tier ladders</h3>
      <p className="panel-intro">
        Per risk, tiers from the lowest to the highest capability, each with measurable indicators and the
        mitigations it requires. Each specified risk needs at least two tiers before the lock.
      </p>
      {risks.map((risk) => {
        const ladder = draft.ladders[risk.id] ?? [];
        const short = risk.specified && ladder.length < 2;
        return (
          <LadderSection key={risk.id} wantOpen={short || hasProblemsUnder(problems, ["ladders", risk.id])}>
            <summary>
              <strong>{risk.title}</strong> <span className="count">{plural(ladder.length, "tier")}</span>
              {risk.specified && <span className="tag">Specified</span>}
              {short && <span className="inline-error"> needs at least two tiers to lock</span>}
            </summary>
            <PathMessages path={["ladders", risk.id]} />
            <ol className="fw-rungs">
              {ladder.map((tier, i) => (
                <RungEditor
                  key={tier.id}
                  riskId={risk.id}
                  riskTitle={risk.title}
                  index={i}
                  tier={tier}
                  ladder={ladder}
                  top={risk.specified && i === ladder.length - 1}
                  onLadder={(next) => onChange(setLadder(draft, risk.id, next))}
                />
              ))}
            </ol>
            <button
              type="button"
              className="add-button"
              onClick={() => onChange(addLadderTier(draft, risk.id))}
              aria-label={`Add tier to ${risk.title}`}
            >
              Add tier
            </button>
          </LadderSection>
        );
      })}
    </section>
  );
}

/**
 * A ladder's collapsible section: opens by itself when something in it needs fixing, and otherwise
 * stays as the facilitator left it (a controlled `open` would snap shut once the problem is fixed).
 */
function LadderSection({ wantOpen, children }: { wantOpen: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(wantOpen);
  useEffect(() => {
    if (wantOpen) setOpen(true);
  }, [wantOpen]);
  return (
    <details className="fw-ladder" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      {children}
    </details>
  );
}

function RungEditor({
  riskId,
  riskTitle,
  index,
  tier,
  ladder,
  top,
  onLadder,
}: {
  riskId: string;
  riskTitle: string;
  index: number;
  tier: LadderTier;
  ladder: LadderTier[];
  top: boolean;
  onLadder(ladder: LadderTier[]): void;
}) {
  const id = useId();
  const path = ["ladders", riskId, index];
  const patch = (p: Partial<LadderTier>) => onLadder(replaceAt(ladder, index, { ...tier, ...p }));
  return (
    <li className="fw-rung fw-rung-edit">
      <div className="fw-rung-head">
        <TextField
          label={`Tier ${index + 1} name`}
          path={[...path, "name"]}
          value={tier.name}
          maxLength={200}
          onChange={(name) => patch({ name })}
        />
        <label className="check fw-check" htmlFor={`${id}-ok`}>
          <input
            id={`${id}-ok`}
            type="checkbox"
            checked={tier.acceptableWithMitigations}
            onChange={(e) => patch({ acceptableWithMitigations: e.currentTarget.checked })}
          />
          Acceptable with mitigations
        </label>
        <ItemButtons
          name={`${riskTitle} tier ${index + 1}`}
          index={index}
          count={ladder.length}
          onMove={(to) => onLadder(moveItem(ladder, index, to))}
          onRemove={() => onLadder(removeAt(ladder, index))}
        />
      </div>
      <PathMessages path={[...path, "id"]} />
      {top && <p className="fw-top-note small">{TOP_TIER_NOTE}</p>}
      <div className="fw-rung-lists">
        <StringListEditor
          title="Capability indicators"
          itemName="Indicator"
          items={tier.indicators}
          path={[...path, "indicators"]}
          onChange={(indicators) => patch({ indicators })}
        />
        <StringListEditor
          title="Required mitigations"
          itemName="Mitigation"
          items={tier.mitigations}
          path={[...path, "mitigations"]}
          onChange={(mitigations) => patch({ mitigations })}
        />
      </div>
    </li>
  );
}
