import type { Framework } from "../../../shared/estimation/framework";
import { addBand, moveItem, removeBand, updateBand } from "../draft";
import { ItemButtons, NumberField, PathMessages, TextField } from "./fields";

/** Likelihood bands, least likely first, as the schema orders them; bounds are probabilities 0–1. */
export function BandsEditor({ draft, onChange }: { draft: Framework; onChange(f: Framework): void }) {
  const bands = draft.likelihoodBands;
  return (
    <section className="panel" aria-labelledby="fw-ed-bands">
      <div className="panel-head">
        <h3 id="fw-ed-bands">Likelihood bands</h3>
        <button type="button" className="add-button" onClick={() => onChange(addBand(draft))}>
          Add band
        </button>
      </div>
      <p className="panel-intro">
        From least to most likely. Bounds are probabilities between 0 and 1 (0.01 = 1%); each band starts
        where the previous one ends, the first at 0 and the last at 1.
      </p>
      <PathMessages path={["likelihoodBands"]} />
      <ol className="fw-edit-list">
        {bands.map((band, i) => (
          <li key={band.id} className="fw-edit-row fw-band-row">
            <TextField
              label="Label"
              path={["likelihoodBands", i, "label"]}
              value={band.label}
              maxLength={200}
              onChange={(label) => onChange(updateBand(draft, i, { label }))}
            />
            <NumberField
              label="Lower"
              path={["likelihoodBands", i, "lower"]}
              value={band.lower}
              onChange={(lower) => onChange(updateBand(draft, i, { lower: lower ?? Number.NaN }))}
            />
            <NumberField
              label="Upper"
              path={["likelihoodBands", i, "upper"]}
              value={band.upper}
              onChange={(upper) => onChange(updateBand(draft, i, { upper: upper ?? Number.NaN }))}
            />
            <TextField
              label="Period"
              path={["likelihoodBands", i, "period"]}
              value={band.period}
              maxLength={200}
              onChange={(period) => onChange(updateBand(draft, i, { period }))}
            />
            <PathMessages path={["likelihoodBands", i, "id"]} />
            <ItemButtons
              name={`band ${band.label}`}
              index={i}
              count={bands.length}
              minimum={1}
              onMove={(to) => onChange({ ...draft, likelihoodBands: moveItem(bands, i, to) })}
              onRemove={() => onChange(removeBand(draft, i))}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}
