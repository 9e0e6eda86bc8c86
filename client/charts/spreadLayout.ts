/** The spread plot's rows: per revealed round of one scenario, each expert's range and the aggregate. Pure. */
import type { ProbabilityAggregate } from "../../shared/estimation/aggregate";
import type { MatrixTier } from "../../shared/estimation/framework";
import type { RevealedRound, RoundKind, RoundView } from "../../shared/estimationView";

export interface SpreadRange {
  low: number;
  best: number;
  high: number;
}

export interface SpreadGroup {
  roundId: string;
  roundNumber: number;
  kind: RoundKind;
  experts: Array<SpreadRange & { who: string }>;
  aggregate: ProbabilityAggregate | null;
  /** The aggregate's tier in the locked matrix, with the median severity. */
  tier: MatrixTier | null;
}

/** Rounds in order in which `scenarioId` was revealed, each with its experts (sorted by best) and aggregate. */
export function spreadGroups(
  rounds: readonly RoundView[],
  revealed: Readonly<Record<string, RevealedRound>>,
  scenarioId: string,
): SpreadGroup[] {
  return [...rounds]
    .sort((a, b) => a.number - b.number)
    .flatMap((round) => {
      const values = revealed[round.id];
      const group = values ? spreadGroup(round, values, scenarioId) : null;
      return group ? [group] : [];
    });
}

/** One revealed round's row group for `scenarioId`; null when nobody estimated it. */
export function spreadGroup(
  round: Pick<RoundView, "id" | "number" | "kind">,
  values: RevealedRound,
  scenarioId: string,
): SpreadGroup | null {
  const estimates = values.estimates[scenarioId];
  if (!estimates || estimates.length === 0) return null;
  const aggregate = values.aggregates[scenarioId] ?? null;
  return {
    roundId: round.id,
    roundNumber: round.number,
    kind: round.kind,
    experts: estimates
      .map((e) => ({ who: e.who, ...e.probability }))
      .sort((a, b) => a.best - b.best || a.who.localeCompare(b.who)),
    aggregate: aggregate?.probability ?? null,
    tier: aggregate?.tier ?? null,
  };
}

export interface RowPosition {
  /** Centre line of the row. */
  y: number;
  kind: "header" | "expert" | "aggregate";
}

/** Vertical layout: a header line per round, a row per expert, a row for the aggregate, a gap between rounds. */
export function spreadRowPositions(
  groups: readonly SpreadGroup[],
  top: number,
  rowHeight: number,
  gap: number,
): { rows: RowPosition[][]; bottom: number } {
  let y = top;
  const rows = groups.map((g) => {
    const out: RowPosition[] = [{ y: y + rowHeight / 2, kind: "header" }];
    y += rowHeight;
    for (let i = 0; i < g.experts.length; i++) {
      out.push({ y: y + rowHeight / 2, kind: "expert" });
      y += rowHeight;
    }
    if (g.aggregate) {
      out.push({ y: y + rowHeight / 2, kind: "aggregate" });
      y += rowHeight;
    }
    y += gap;
    return out;
  });
  return { rows, bottom: y - (groups.length > 0 ? gap : 0) };
}

/** Every probability a chart must show, for its axis domain. */
export function spreadValues(groups: readonly SpreadGroup[]): number[] {
  return groups.flatMap((g) => [
    ...g.experts.flatMap((e) => [e.low, e.high]),
    ...(g.aggregate ? [g.aggregate.low, g.aggregate.high] : []),
  ]);
}

export interface LabelPlacement {
  x: number;
  anchor: "start" | "end";
}

/**
 * Where the aggregate's tier name goes: after the pooled range if it fits before the plot's right
 * edge, else before the range, else at the right edge (over the bar, the last resort). Putting it
 * end-anchored at the right edge whenever the range ran late drew it across the bar.
 */
export function tierLabelPlacement(
  barStart: number,
  barEnd: number,
  labelWidth: number,
  plotLeft: number,
  plotRight: number,
  gap = 10,
): LabelPlacement {
  if (barEnd + gap + labelWidth <= plotRight) return { x: barEnd + gap, anchor: "start" };
  if (barStart - gap - labelWidth >= plotLeft) return { x: barStart - gap, anchor: "end" };
  return { x: plotRight - 4, anchor: "end" };
}
