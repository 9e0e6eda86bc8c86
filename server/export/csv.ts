/**
 * The risk register as CSV: one row per scenario, columns named once here and never renamed (tools
 * read them by name). RFC 4180: CRLF after every record, fields holding a comma, quote or line break
 * are quoted, quotes inside are doubled. No byte-order mark, so the header reads as plain ASCII.
 */
import type { WorkshopExport } from "../../shared/workshopExport";
import { levelName } from "./format";
import { reportModel, type Standing } from "./reportModel";

export type CsvCell = string | number | boolean | null;

/**
 * Formula injection: a spreadsheet runs a cell that starts with =, +, - or @ (and some treat a
 * leading tab or carriage return the same way), so such a text gets a leading apostrophe, which
 * spreadsheets show as a plain-text marker. Numbers are written as numbers and never prefixed:
 * -0.5 is a value, not a formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(Number(value.toPrecision(6))) : "";
  const text = typeof value === "boolean" ? String(value) : value;
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRecords(rows: ReadonlyArray<readonly CsvCell[]>): string {
  return rows.map((row) => `${row.map(csvCell).join(",")}\r\n`).join("");
}

/** The register's columns, in order. `spread` is the interquartile range of the experts' best probabilities. */
export const REGISTER_COLUMNS = [
  "risk_id",
  "risk",
  "scenario_id",
  "scenario",
  "status",
  "actors",
  "sources",
  "pathway_steps",
  "uplift_steps",
  "evidence_items",
  "mitigations",
  "round",
  "n_experts",
  "p_low",
  "p_best",
  "p_high",
  "spread",
  "best_min",
  "best_max",
  "severity_level",
  "tier",
  "acceptable",
  "residual_round",
  "residual_n_experts",
  "residual_p_low",
  "residual_p_best",
  "residual_p_high",
  "residual_spread",
  "residual_severity_level",
  "residual_tier",
  "residual_acceptable",
  "determination_tier",
  "determination_verdict",
  "dissent_notes",
] as const;

export function renderCsv(exp: WorkshopExport): string {
  const model = reportModel(exp);
  const f = exp.framework;
  const standing = (s: Standing | null): CsvCell[] => {
    if (!s) return [null, null, null, null, null, null, null, null, null, null, null];
    const p = s.aggregate.probability;
    return [
      s.round.number,
      p.n,
      p.low,
      p.best,
      p.high,
      p.spread.iqr,
      p.spread.min,
      p.spread.max,
      levelName(f, s.aggregate.severity.levelId),
      s.aggregate.tier?.name ?? null,
      s.aggregate.tier?.acceptable ?? null,
    ];
  };
  const rows = model.risks.flatMap((r) =>
    r.scenarios.map((s): CsvCell[] => {
      const d = r.determination;
      const pre = standing(s.pre);
      const residual = standing(s.residual);
      return [
        r.risk?.id ?? s.scenario.riskId,
        r.title,
        s.scenario.id,
        s.scenario.title,
        s.scenario.status,
        s.actors.map((a) => a.name).join("; "),
        s.sources.map((x) => x.name).join("; "),
        s.steps.length,
        s.steps.filter((x) => x.step.uplift).length,
        s.scenario.evidence.length,
        s.mitigations.map((m) => m.title).join("; "),
        ...pre,
        // The residual columns repeat the pre-mitigation ones without best_min / best_max.
        ...residual.slice(0, 6),
        ...residual.slice(8),
        d
          ? d.tierId === null
            ? "other criteria"
            : (r.ladder.find((t) => t.id === d.tierId)?.name ?? d.tierId)
          : null,
        d?.verdict ?? null,
        s.scenario.dissent.length,
      ];
    }),
  );
  return csvRecords([[...REGISTER_COLUMNS], ...rows]);
}
