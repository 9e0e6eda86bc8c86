/** How numbers, dates and framework ids read in the reports; shared by Markdown, HTML and CSV. */
import type { ScenarioAggregate } from "../../shared/estimation/aggregate";
import { isLevelSeverity, type Severity } from "../../shared/estimation/estimate";
import type { Acceptability, Framework, MatrixTier } from "../../shared/estimation/framework";
import type { Spread } from "../../shared/estimation/stats";

/** Percentages down to 0.001 %, scientific notation below: the scale runs over orders of magnitude. */
export function formatProbability(p: number): string {
  const pct = p * 100;
  if (pct >= 0.001) return `${Number(pct.toPrecision(2))}%`;
  return p === 0 ? "0%" : p.toExponential(1);
}

export function formatRange(low: number, best: number, high: number): string {
  return `${formatProbability(best)} (${formatProbability(low)}–${formatProbability(high)})`;
}

export function formatSpread(s: Spread): string {
  return `${formatProbability(s.min)}–${formatProbability(s.max)}, IQR ${formatProbability(s.iqr)}`;
}

/** "2026-11-22 05:02 UTC": minutes are enough for a report, and UTC avoids guessing the reader's zone. */
export function formatTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** A token such as "state-programme" or "acceptable-with-mitigations", in words. */
export function words(id: string): string {
  return id.replace(/-/g, " ");
}

export function acceptabilityLabel(a: Acceptability): string {
  return words(a);
}

/** A tier's name, with its acceptability when the name does not already say it. */
export function tierLabel(tier: MatrixTier | null | undefined): string {
  if (!tier) return "not placed";
  const acceptability = acceptabilityLabel(tier.acceptable);
  return tier.name.toLowerCase() === acceptability ? tier.name : `${tier.name} (${acceptability})`;
}

/** "Round 2 (pre-mitigation, anonymous), revealed 2026-11-22 05:19 UTC". */
export function roundTitle(r: {
  number: number;
  kind: "pre" | "residual";
  anonymous: boolean;
  state: string;
  openedAt: string;
  revealedAt?: string | undefined;
  closedAt?: string | undefined;
}): { name: string; detail: string } {
  const kind = r.kind === "pre" ? "pre-mitigation" : "residual, after mitigation";
  const when = [
    r.revealedAt ? `revealed ${formatTime(r.revealedAt)}` : `opened ${formatTime(r.openedAt)}`,
    r.closedAt ? `closed ${formatTime(r.closedAt)}` : "",
  ].filter(Boolean);
  return {
    name: `Round ${r.number}`,
    detail: `(${kind}, ${r.anonymous ? "anonymous" : "named"}), ${when.join(", ")}`,
  };
}

export function levelName(f: Framework, levelId: string | null | undefined): string {
  if (!levelId) return "—";
  return f.severityLevels.find((l) => l.id === levelId)?.name ?? levelId;
}

export function bandLabel(f: Framework, bandId: string | null | undefined): string {
  if (!bandId) return "—";
  return f.likelihoodBands.find((b) => b.id === bandId)?.label ?? bandId;
}

/** An expert's severity: a level's name, or a numeric range in the anchors' unit. */
export function severityText(f: Framework, s: Severity): string {
  if (isLevelSeverity(s)) return levelName(f, s.levelId);
  const unit = f.severityLevels[0]?.anchorUnit ?? "";
  return `${s.best} (${s.low}–${s.high})${unit ? ` ${unit}` : ""}`;
}

export function aggregateSeverityText(f: Framework, a: ScenarioAggregate): string {
  const level = levelName(f, a.severity.levelId);
  const v = a.severity.value;
  const unit = f.severityLevels[0]?.anchorUnit ?? "";
  return v ? `${level}: ${v.best} (${v.low}–${v.high})${unit ? ` ${unit}` : ""}` : level;
}
