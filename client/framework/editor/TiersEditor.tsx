import { useContext, useId } from "react";
import { ACCEPTABILITY, AGGREGATION_METHODS, type Framework } from "../../../shared/estimation/framework";
import { addTier, moveItem, removeTier, setCell, updateTier } from "../draft";
import { ACCEPTABILITY_LABELS, AGGREGATION_LABELS } from "../labels";
import { MatrixGrid } from "../MatrixGrid";
import { ItemButtons, PathMessages, ProblemsContext, TextField } from "./fields";

/** Matrix tiers (name, colour, acceptability), the matrix cells, and the aggregation method. */
export function TiersEditor({ draft, onChange }: { draft: Framework; onChange(f: Framework): void }) {
  const problems = useContext(ProblemsContext);
  const id = useId();
  return (
    <section className="panel" aria-labelledby="fw-ed-tiers">
      <div className="panel-head">
        <h3 id="fw-ed-tiers">Matrix tiers and matrix</h3>
        <button type="button" className="add-button" onClick={() => onChange(addTier(draft))}>
          Add tier
        </button>
      </div>
      <PathMessages path={["tiers"]} />
      <ol className="fw-edit-list">
        {draft.tiers.map((tier, i) => (
          <li key={tier.id} className="fw-edit-row fw-tier-row">
            <TextField
              label="Tier name"
              path={["tiers", i, "name"]}
              value={tier.name}
              maxLength={200}
              onChange={(name) => onChange(updateTier(draft, i, { name }))}
            />
            <div className="field fw-field">
              <label htmlFor={`${id}-c${i}`}>Colour</label>
              <input
                id={`${id}-c${i}`}
                type="color"
                className="fw-colour-input"
                value={tier.colour}
                onChange={(e) => onChange(updateTier(draft, i, { colour: e.currentTarget.value }))}
              />
              <PathMessages path={["tiers", i, "colour"]} />
            </div>
            <div className="field fw-field">
              <label htmlFor={`${id}-a${i}`}>Acceptability</label>
              <select
                id={`${id}-a${i}`}
                value={tier.acceptable}
                onChange={(e) =>
                  onChange(
                    updateTier(draft, i, {
                      acceptable: e.currentTarget.value as (typeof ACCEPTABILITY)[number],
                    }),
                  )
                }
              >
                {ACCEPTABILITY.map((a) => (
                  <option key={a} value={a}>
                    {ACCEPTABILITY_LABELS[a]}
                  </option>
                ))}
              </select>
            </div>
            <PathMessages path={["tiers", i, "id"]} />
            <ItemButtons
              name={`tier ${tier.name}`}
              index={i}
              count={draft.tiers.length}
              minimum={1}
              onMove={(to) => onChange({ ...draft, tiers: moveItem(draft.tiers, i, to) })}
              onRemove={() => onChange(removeTier(draft, i))}
            />
          </li>
        ))}
      </ol>
      <h4 className="fw-subhead">Matrix: the tier of each likelihood × severity cell</h4>
      <PathMessages path={["matrix"]} />
      <MatrixGrid
        framework={draft}
        problems={problems}
        onCell={(bandId, levelId, tierId) => onChange(setCell(draft, bandId, levelId, tierId))}
      />
      <MatrixCellProblems />
      <div className="field fw-field fw-aggregation-field">
        <label htmlFor={`${id}-agg`}>Aggregation of expert estimates</label>
        <select
          id={`${id}-agg`}
          value={draft.aggregation}
          onChange={(e) =>
            onChange({ ...draft, aggregation: e.currentTarget.value as (typeof AGGREGATION_METHODS)[number] })
          }
        >
          {AGGREGATION_METHODS.map((m) => (
            <option key={m} value={m}>
              {AGGREGATION_LABELS[m]}
            </option>
          ))}
        </select>
        <PathMessages path={["aggregation"]} />
      </div>
    </section>
  );
}

/** Cell problems in words under the grid; the cells themselves are marked and titled. */
function MatrixCellProblems() {
  const problems = useContext(ProblemsContext);
  const lines = [...problems.entries()].filter(([key]) => key.startsWith("matrix."));
  if (lines.length === 0) return null;
  return (
    <ul className="inline-error fw-cell-problems">
      {lines.map(([key, messages]) => (
        <li key={key}>{messages.join("; ")}</li>
      ))}
    </ul>
  );
}
