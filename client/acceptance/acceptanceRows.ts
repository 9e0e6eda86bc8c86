/** One row per risk for the acceptance table, and the counts the overall verdict is read against. */
import type { Risk } from "../../shared/content";
import type { Framework } from "../../shared/estimation/framework";
import type { Determination, Verdict } from "../../shared/estimationView";

export interface AcceptanceRow {
  riskId: string;
  title: string;
  /** Whether the framework defines a ladder with at least one tier for this risk. */
  hasLadder: boolean;
  determination: Determination | null;
  /** The tier's name on the ladder; its id when the ladder no longer has it. */
  tierName: string | null;
  verdict: Verdict | null;
  needsHigherTier: boolean;
  dissentCount: number;
}

export function acceptanceRows(
  risks: readonly Risk[],
  determinations: readonly Determination[],
  framework: Framework | null,
): AcceptanceRow[] {
  const byRisk = new Map(determinations.map((d) => [d.riskId, d]));
  return risks
    .filter((r) => !r.archived)
    .map((risk) => {
      const ladder = framework?.ladders[risk.id] ?? [];
      const d = byRisk.get(risk.id) ?? null;
      return {
        riskId: risk.id,
        title: risk.title,
        hasLadder: ladder.length > 0,
        determination: d,
        tierName: d
          ? d.tierId === null
            ? "Other criteria"
            : (ladder.find((t) => t.id === d.tierId)?.name ?? d.tierId)
          : null,
        verdict: d?.verdict ?? null,
        needsHigherTier: d?.needsHigherTier ?? false,
        dissentCount: d?.dissent.length ?? 0,
      };
    });
}

export interface AcceptanceCounts {
  risks: number;
  undetermined: number;
  acceptable: number;
  notAcceptable: number;
  topTier: number;
  dissents: number;
}

export function acceptanceCounts(rows: readonly AcceptanceRow[]): AcceptanceCounts {
  return {
    risks: rows.length,
    undetermined: rows.filter((r) => r.verdict === null).length,
    acceptable: rows.filter((r) => r.verdict === "acceptable").length,
    notAcceptable: rows.filter((r) => r.verdict === "not-acceptable").length,
    topTier: rows.filter((r) => r.needsHigherTier).length,
    dissents: rows.reduce((n, r) => n + r.dissentCount, 0),
  };
}

export const VERDICT_LABELS: Record<Verdict, string> = {
  acceptable: "Acceptable",
  "not-acceptable": "Not acceptable",
};
