/** The register's rows: one per scenario with its standing, numbered as in the matrix, and their sorting. Pure. */
import type { ScenarioAggregate } from "../../shared/estimation/aggregate";
import type { Framework } from "../../shared/estimation/framework";
import type { ScenarioStanding } from "../../shared/snapshot";

export interface RegisterScenario {
  id: string;
  riskId: string;
  title: string;
  status: string;
}

export interface RegisterRisk {
  id: string;
  title: string;
  archived: boolean;
}

export interface RegisterRow {
  /** 1-based, in risk order then scenario order: the label of the scenario's marker in the matrix. */
  number: number;
  scenarioId: string;
  title: string;
  riskId: string;
  riskTitle: string;
  /** The risk's place in the risk list, to sort by risk in the workshop's own order. */
  riskIndex: number;
  status: string;
  pre: ScenarioAggregate | null;
  residual: ScenarioAggregate | null;
  /** Position of the tier in the framework's tier list; -1 when none. */
  tierRank: number;
  residualTierRank: number;
}

/** Every scenario of a non-archived risk, numbered, with its latest revealed standing. */
export function registerRows(
  risks: readonly RegisterRisk[],
  scenarios: readonly RegisterScenario[],
  standings: Readonly<Record<string, ScenarioStanding>>,
  framework: Framework | null,
): RegisterRow[] {
  const rank = (a: ScenarioAggregate | null) =>
    a?.tier && framework ? framework.tiers.findIndex((t) => t.id === a.tier?.id) : -1;
  const rows: RegisterRow[] = [];
  risks.forEach((risk, riskIndex) => {
    if (risk.archived) return;
    for (const s of scenarios) {
      if (s.riskId !== risk.id) continue;
      const standing = standings[s.id];
      const pre = standing?.pre ?? null;
      const residual = standing?.residual ?? null;
      rows.push({
        number: rows.length + 1,
        scenarioId: s.id,
        title: s.title,
        riskId: risk.id,
        riskTitle: risk.title,
        riskIndex,
        status: s.status,
        pre,
        residual,
        tierRank: rank(pre),
        residualTierRank: rank(residual),
      });
    }
  });
  return rows;
}

export const SORT_KEYS = [
  "number",
  "risk",
  "scenario",
  "probability",
  "severity",
  "tier",
  "residualTier",
  "spread",
  "status",
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = "ascending" | "descending";

const STATUS_ORDER = ["draft", "in-review", "agreed"];

/** The value a column sorts by; null (not estimated) always sorts last. */
function sortValue(row: RegisterRow, key: SortKey): number | string | null {
  switch (key) {
    case "number":
      return row.number;
    case "risk":
      return row.riskIndex;
    case "scenario":
      return row.title.toLocaleLowerCase();
    case "probability":
      return row.pre?.probability.best ?? null;
    case "severity":
      return row.pre?.severity.levelIndex ?? null;
    case "tier":
      return row.tierRank < 0 ? null : row.tierRank;
    case "residualTier":
      return row.residualTierRank < 0 ? null : row.residualTierRank;
    case "spread": {
      // Disagreement in orders of magnitude between the highest and lowest best estimate.
      const s = row.pre?.probability.spread;
      return s && s.min > 0 ? Math.log10(s.max / s.min) : null;
    }
    case "status":
      return STATUS_ORDER.indexOf(row.status);
  }
}

/** A sorted copy; ties keep the register's numbering. */
export function sortRows(
  rows: readonly RegisterRow[],
  key: SortKey,
  direction: SortDirection,
): RegisterRow[] {
  const sign = direction === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
      return a.number - b.number;
    }
    const c =
      typeof va === "string" && typeof vb === "string" ? va.localeCompare(vb) : Number(va) - Number(vb);
    return c === 0 ? a.number - b.number : sign * c;
  });
}

/** Clicking the sorted column flips it; a new column starts ascending (descending for risk measures). */
export function nextSort(
  current: { key: SortKey; direction: SortDirection },
  key: SortKey,
): { key: SortKey; direction: SortDirection } {
  if (current.key === key)
    return { key, direction: current.direction === "ascending" ? "descending" : "ascending" };
  const riskFirst: SortKey[] = ["probability", "severity", "tier", "residualTier", "spread"];
  return { key, direction: riskFirst.includes(key) ? "descending" : "ascending" };
}
