/**
 * The expert's estimate form as text fields, and the way back and forth to an Estimate. Pure, so the
 * percent conversion and the ordering rules are unit-tested (test/unit/rounds-estimate-form.test.ts).
 * Error keys are the server's dotted field paths ("probability.low"), so both sources of errors land
 * next to the same input.
 */
import {
  CONFIDENCE_LEVELS,
  type Confidence,
  type Estimate,
  isLevelSeverity,
} from "../../shared/estimation/estimate";

export type SeverityMode = "level" | "value";

export interface EstimateDraft {
  /** Percentages as typed: "0.5" means 0.5 %. */
  low: string;
  best: string;
  high: string;
  severityMode: SeverityMode;
  levelId: string;
  /** In the unit of the framework's severity anchors. */
  sevLow: string;
  sevBest: string;
  sevHigh: string;
  confidence: Confidence | "";
  rationale: string;
}

export const EMPTY_DRAFT: EstimateDraft = {
  low: "",
  best: "",
  high: "",
  severityMode: "level",
  levelId: "",
  sevLow: "",
  sevBest: "",
  sevHigh: "",
  confidence: "",
  rationale: "",
};

export const REQUIRED = "required";
export const MAX_RATIONALE = 4000;

/** Every key an error can be shown next to; anything else goes to the form's own error line. */
export const FIELD_KEYS = [
  "probability.low",
  "probability.best",
  "probability.high",
  "severity.levelId",
  "severity.low",
  "severity.best",
  "severity.high",
  "severity",
  "confidence",
  "rationale",
] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];
export type FieldErrors = Partial<Record<FieldKey, string>>;

/** "0.5", "0,5", " 0.5 % " → 0.5; "" → null; junk → NaN. */
export function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(/%$/, "").trim().replace(",", ".");
  if (cleaned === "") return null;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cleaned)) return Number.NaN;
  return Number(cleaned);
}

/** Twelve significant digits hide binary noise: 0.07 % → 0.0007, not 0.0007000000000000001. */
const tidy = (x: number): number => Number(x.toPrecision(12));

/** A percentage as typed → a probability: "0.5" → 0.005. */
export function percentToProbability(text: string): number | null {
  const n = parseNumber(text);
  return n === null || Number.isNaN(n) ? n : tidy(n / 100);
}

/** A probability → the percentage text the form shows: 0.005 → "0.5". */
export function probabilityToPercent(p: number): string {
  return String(tidy(p * 100));
}

type Triple = { low: number | null; best: number | null; high: number | null };

/** Checks a low/best/high triple: each within its bounds, then low ≤ best ≤ high. */
function tripleErrors(
  values: Triple,
  prefix: "probability" | "severity",
  inBounds: (x: number) => string | null,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const part of ["low", "best", "high"] as const) {
    const x = values[part];
    const key = `${prefix}.${part}` as FieldKey;
    if (x === null) errors[key] = REQUIRED;
    else if (Number.isNaN(x)) errors[key] = "must be a number";
    else {
      const problem = inBounds(x);
      if (problem) errors[key] = problem;
    }
  }
  const { low, best, high } = values;
  const ok = (x: number | null): x is number => x !== null && !Number.isNaN(x);
  if (ok(low) && ok(best) && low > best && !errors[`${prefix}.low` as FieldKey])
    errors[`${prefix}.low` as FieldKey] = "low must be ≤ best";
  if (ok(high) && ok(best) && high < best && !errors[`${prefix}.high` as FieldKey])
    errors[`${prefix}.high` as FieldKey] = "high must be ≥ best";
  return errors;
}

export interface DraftCheck {
  errors: FieldErrors;
  /** The estimate to submit, when there is no error. */
  estimate: Estimate | null;
}

/** The live check of 0 < low ≤ best ≤ high < 100 % and the rest; an estimate once all is well. */
export function checkDraft(draft: EstimateDraft, valueSeverityAllowed: boolean): DraftCheck {
  const probability = {
    low: percentToProbability(draft.low),
    best: percentToProbability(draft.best),
    high: percentToProbability(draft.high),
  };
  const errors: FieldErrors = tripleErrors(probability, "probability", (p) =>
    p <= 0 ? "must be > 0 %" : p >= 1 ? "must be < 100 %" : null,
  );
  const byValue = draft.severityMode === "value" && valueSeverityAllowed;
  const severity = {
    low: parseNumber(draft.sevLow),
    best: parseNumber(draft.sevBest),
    high: parseNumber(draft.sevHigh),
  };
  if (byValue)
    Object.assign(
      errors,
      tripleErrors(severity, "severity", (x) => (x < 0 ? "must be ≥ 0" : null)),
    );
  else if (draft.levelId === "") errors["severity.levelId"] = REQUIRED;
  if (draft.confidence === "") errors.confidence = REQUIRED;
  if (draft.rationale.length > MAX_RATIONALE)
    errors.rationale = `must be at most ${MAX_RATIONALE} characters`;
  if (Object.keys(errors).length > 0) return { errors, estimate: null };
  const num = (x: number | null): number => x ?? 0;
  return {
    errors,
    estimate: {
      probability: { low: num(probability.low), best: num(probability.best), high: num(probability.high) },
      severity: byValue
        ? { low: num(severity.low), best: num(severity.best), high: num(severity.high) }
        : { levelId: draft.levelId },
      confidence: draft.confidence === "" ? "medium" : draft.confidence,
      rationale: draft.rationale.trim(),
    },
  };
}

/** What to show while typing: everything after a submit attempt, before that no "required" nags. */
export function visibleErrors(errors: FieldErrors, attempted: boolean): FieldErrors {
  if (attempted) return errors;
  return Object.fromEntries(Object.entries(errors).filter(([, message]) => message !== REQUIRED));
}

/** A submitted estimate back into the form, for revising. */
export function draftFromEstimate(e: Estimate): EstimateDraft {
  const s = e.severity;
  return {
    low: probabilityToPercent(e.probability.low),
    best: probabilityToPercent(e.probability.best),
    high: probabilityToPercent(e.probability.high),
    severityMode: isLevelSeverity(s) ? "level" : "value",
    levelId: isLevelSeverity(s) ? s.levelId : "",
    sevLow: isLevelSeverity(s) ? "" : String(s.low),
    sevBest: isLevelSeverity(s) ? "" : String(s.best),
    sevHigh: isLevelSeverity(s) ? "" : String(s.high),
    confidence: CONFIDENCE_LEVELS.includes(e.confidence) ? e.confidence : "",
    rationale: e.rationale,
  };
}

/** The server's field errors ({"probability.low": [...]}) split into per-input messages and the rest. */
export function splitServerErrors(fields: Record<string, string[]> | undefined): {
  byField: FieldErrors;
  other: string[];
} {
  const byField: FieldErrors = {};
  const other: string[] = [];
  const known = new Set<string>(FIELD_KEYS);
  for (const [key, messages] of Object.entries(fields ?? {})) {
    const text = messages.join("; ");
    if (known.has(key)) byField[key as FieldKey] = text;
    else other.push(key === "(body)" ? text : `${key}: ${text}`);
  }
  return { byField, other };
}

/** The input to take the keyboard after a refused submit: the first, in form order, with an error. */
export function firstInvalidFieldId(errors: FieldErrors, idPrefix: string): string | null {
  for (const key of FIELD_KEYS) {
    if (!errors[key]) continue;
    if (key === "severity" || key === "severity.levelId") return `${idPrefix}-severity-level`;
    if (key === "confidence") return `${idPrefix}-confidence-${CONFIDENCE_LEVELS[0]}`;
    return `${idPrefix}-${key.replace(".", "-")}`;
  }
  return null;
}

/** Whether the form's checked estimate says what the recorded one says (typed "1.0" and stored 1 agree). */
export function sameEstimate(a: Estimate, b: Estimate): boolean {
  const triple = (x: { low: number; best: number; high: number }, y: typeof x) =>
    x.low === y.low && x.best === y.best && x.high === y.high;
  const sa = a.severity;
  const sb = b.severity;
  const severity = isLevelSeverity(sa)
    ? isLevelSeverity(sb) && sa.levelId === sb.levelId
    : !isLevelSeverity(sb) && triple(sa, sb);
  return (
    triple(a.probability, b.probability) &&
    severity &&
    a.confidence === b.confidence &&
    a.rationale.trim() === b.rationale.trim()
  );
}

/** Whether two drafts hold the same text in every field. */
export const sameDraftText = (a: EstimateDraft, b: EstimateDraft): boolean =>
  (Object.keys(a) as (keyof EstimateDraft)[]).every((k) => a[k] === b[k]);
