/** The register as a table, sortable by any column with the mouse or the keyboard. */
import { useState } from "react";
import type { Framework } from "../../shared/estimation/framework";
import { TierChip } from "../charts/TierChip";
import { Link } from "../components/Link";
import { formatProbability, formatRange } from "../estimationFormat";
import { ReestimateBadge } from "../incidents/ReestimateBadge";
import { STATUS_LABELS } from "../labels";
import { useRoom } from "../room/RoomContext";
import { roomPath } from "../router";
import { nextSort, type RegisterRow, type SortDirection, type SortKey, sortRows } from "./registerRows";

const COLUMNS: Array<{ key: SortKey; label: string }> = [
  { key: "number", label: "#" },
  { key: "risk", label: "Risk" },
  { key: "scenario", label: "Scenario" },
  { key: "probability", label: "Probability" },
  { key: "severity", label: "Severity" },
  { key: "tier", label: "Tier" },
  { key: "residualTier", label: "Residual tier" },
  { key: "spread", label: "Spread" },
  { key: "status", label: "Status" },
];

function statusLabel(status: string): string {
  return (STATUS_LABELS as Record<string, string>)[status] ?? status;
}

export function RegisterTable({
  rows,
  framework,
}: {
  rows: readonly RegisterRow[];
  framework: Framework | null;
}) {
  const { base } = useRoom();
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({
    key: "number",
    direction: "ascending",
  });
  const sorted = sortRows(rows, sort.key, sort.direction);
  const levelName = (id: string | null) => framework?.severityLevels.find((l) => l.id === id)?.name ?? "—";

  return (
    <div className="register-table-wrap">
      <table className="register-table">
        <caption className="visually-hidden">
          Risk register, sorted by {COLUMNS.find((c) => c.key === sort.key)?.label} ({sort.direction})
        </caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" aria-sort={sort.key === c.key ? sort.direction : undefined}>
                <button type="button" className="sort-button" onClick={() => setSort(nextSort(sort, c.key))}>
                  {c.label}
                  <span aria-hidden="true" className="sort-mark">
                    {sort.key === c.key ? (sort.direction === "ascending" ? "▲" : "▼") : "↕"}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => {
            const spread = row.pre?.probability.spread;
            return (
              <tr key={row.scenarioId}>
                <td className="num">{row.number}</td>
                <td>{row.riskTitle}</td>
                <th scope="row">
                  <Link href={roomPath(base, { kind: "scenario", scenarioId: row.scenarioId })}>
                    {row.title}
                  </Link>{" "}
                  <ReestimateBadge scenarioId={row.scenarioId} />
                </th>
                <td>
                  {row.pre ? formatRange(row.pre.probability) : <span className="muted">Not estimated</span>}
                </td>
                <td>{row.pre ? levelName(row.pre.severity.levelId) : "—"}</td>
                <td>
                  <TierChip tier={row.pre?.tier} />
                </td>
                <td>
                  <TierChip tier={row.residual?.tier} />
                </td>
                <td>
                  {spread ? (
                    <>
                      {formatProbability(spread.min)}–{formatProbability(spread.max)}
                      <div className="muted small">
                        IQR {formatProbability(spread.q1)}–{formatProbability(spread.q3)}
                      </div>
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td>{statusLabel(row.status)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
