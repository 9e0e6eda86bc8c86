/** A scenario's current standing, before mitigation and residual: probability, severity, tier. */
import type { Framework } from "../../shared/estimation/framework";
import type { ScenarioStanding } from "../../shared/snapshot";
import { formatRange } from "../estimationFormat";
import { TierChip } from "./TierChip";

export function StandingSummary({
  standing,
  framework,
}: {
  standing: ScenarioStanding;
  framework: Framework | null;
}) {
  const rows = [
    { key: "pre", label: "Before mitigation", value: standing.pre },
    { key: "residual", label: "Residual", value: standing.residual },
  ] as const;
  return (
    <table className="standing-table">
      <thead>
        <tr>
          <th scope="col">Standing</th>
          <th scope="col">Probability (best, range)</th>
          <th scope="col">Severity</th>
          <th scope="col">Tier</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, label, value }) => (
          <tr key={key}>
            <th scope="row">
              {label}
              {value && (
                <div className="muted small">
                  round {value.roundNumber} · {value.probability.n} experts
                </div>
              )}
            </th>
            {value ? (
              <>
                <td>{formatRange(value.probability)}</td>
                <td>{framework?.severityLevels.find((l) => l.id === value.severity.levelId)?.name ?? "—"}</td>
                <td>
                  <TierChip tier={value.tier} />
                </td>
              </>
            ) : (
              <td colSpan={3} className="muted">
                {key === "residual" ? "No residual round revealed yet." : "Not estimated yet."}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
