import type { Framework } from "../../shared/estimation/framework";
import { textColourOn } from "../charts/colour";
import { formatProbability } from "../estimationFormat";
import { messagesAt, type ProblemIndex } from "./problems";

/**
 * The risk matrix as a coloured table: likelihood bands as rows (most likely at the top), severity
 * levels as columns. Given `onCell`, each cell is a select of tiers (the facilitator's editor).
 */
export function MatrixGrid({
  framework,
  onCell,
  problems,
}: {
  framework: Framework;
  onCell?: (bandId: string, levelId: string, tierId: string) => void;
  problems?: ProblemIndex;
}) {
  const tiers = new Map(framework.tiers.map((t) => [t.id, t]));
  const bands = [...framework.likelihoodBands].reverse();
  return (
    <div className="fw-matrix-wrap">
      <table className="fw-matrix">
        <caption className="fw-matrix-caption">
          Likelihood ({framework.likelihoodBands[0]?.period ?? "per period"}) ↑ × severity →
        </caption>
        <thead>
          <tr>
            <th scope="col" className="fw-corner">
              <span className="visually-hidden">Likelihood band</span>
            </th>
            {framework.severityLevels.map((level) => (
              <th key={level.id} scope="col" title={level.anchor || undefined}>
                {level.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {bands.map((band) => (
            <tr key={band.id}>
              <th scope="row">
                {band.label}
                <span className="fw-band-range">
                  {formatProbability(band.lower)}–{formatProbability(band.upper)}
                </span>
              </th>
              {framework.severityLevels.map((level) => {
                const tierId = framework.matrix[band.id]?.[level.id];
                const tier = tierId === undefined ? undefined : tiers.get(tierId);
                const style = tier
                  ? { background: tier.colour, color: textColourOn(tier.colour) }
                  : undefined;
                const errors = problems ? messagesAt(problems, ["matrix", band.id, level.id]) : [];
                const label = `${band.label} × ${level.name}`;
                return (
                  <td key={level.id} style={style} className={tier ? "" : "fw-cell-empty"}>
                    {onCell ? (
                      <select
                        className="fw-cell-select"
                        aria-label={`Tier for ${label}`}
                        aria-invalid={errors.length > 0 || undefined}
                        title={errors.join("; ") || undefined}
                        value={tier ? tier.id : ""}
                        onChange={(e) => onCell(band.id, level.id, e.currentTarget.value)}
                      >
                        {!tier && <option value="">Choose…</option>}
                        {framework.tiers.map((t) => (
                          <option key={t.id} value={t.id}>
                            {t.name}
                          </option>
                        ))}
                      </select>
                    ) : (
                      (tier?.name ?? "—")
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
