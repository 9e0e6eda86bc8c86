/**
 * Tier-timeline forecasts: a blind round in which each expert gives, per risk, the 10th, 50th and
 * 90th percentile of the date at which the model (or its successors) would exceed the next tier on
 * the risk's ladder, with the assumptions behind it. While the round is open the control document
 * shows who has submitted and nothing else; the reveal publishes every forecast and the aggregate.
 *
 * Aggregation (stated in every aggregate as `method`): **quantile averaging** (Vincentization):
 * each quantile of the pool is the mean of the experts' same quantile, in days since 1970-01-01,
 * rounded to the nearest day. The spread is the earliest and latest P50 and the width P90 − P10 in
 * days. Pure; hand-checked in test/unit/timeline.test.ts.
 */
import { z } from "zod";

export const TIMELINE_METHOD = "quantile-average";
export const TIMELINE_ROUNDS_MAP = "timelineRounds";
export const TIMELINE_REVEALED_MAP = "timelineRevealed";
/** Risks one timeline round may cover. */
export const MAX_TIMELINE_RISKS = 50;

const id = z.string().min(1).max(64);
const date = z.iso.date();

export const openTimelineBody = z.strictObject({
  riskIds: z.array(id).min(1, "name at least one risk").max(MAX_TIMELINE_RISKS),
  anonymous: z.boolean().default(false),
});

export const timelineForecastBody = z
  .strictObject({
    riskId: id,
    p10: date,
    p50: date,
    p90: date,
    assumptions: z.string().trim().min(1, "state the assumptions").max(4000),
  })
  .superRefine((f, ctx) => {
    if (f.p10 > f.p50) ctx.addIssue({ code: "custom", path: ["p50"], message: "must not be before P10" });
    if (f.p50 > f.p90) ctx.addIssue({ code: "custom", path: ["p90"], message: "must not be before P50" });
  });
export type TimelineForecastBody = z.infer<typeof timelineForecastBody>;

export type TimelineState = "open" | "revealed" | "closed";

/** The round as everyone sees it while open: who has submitted per risk, never what. */
export interface TimelineRoundView {
  id: string;
  number: number;
  riskIds: string[];
  /** Per risk, the tier a forecast is about (the one above the determination, or the ladder's first). */
  nextTier: Record<string, string | null>;
  anonymous: boolean;
  state: TimelineState;
  openedAt: string;
  revealedAt?: string;
  closedAt?: string;
  /** Per risk, the names of those who have submitted (or how many, when anonymous). */
  submitted: Record<string, string[]>;
}

export interface RevealedForecast {
  who: string;
  p10: string;
  p50: string;
  p90: string;
  assumptions: string;
}

export interface TimelineAggregate {
  method: typeof TIMELINE_METHOD;
  n: number;
  p10: string;
  p50: string;
  p90: string;
  spread: { earliestP50: string; latestP50: string; widthDays: number };
}

export interface RevealedTimeline {
  forecasts: Record<string, RevealedForecast[]>;
  aggregates: Record<string, TimelineAggregate | null>;
}

const DAY_MS = 86_400_000;
const toDay = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const fromDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Pools one risk's forecasts by averaging each quantile; null without forecasts. */
export function aggregateTimeline(
  forecasts: ReadonlyArray<Pick<RevealedForecast, "p10" | "p50" | "p90">>,
): TimelineAggregate | null {
  const n = forecasts.length;
  if (n === 0) return null;
  const mean = (key: "p10" | "p50" | "p90") =>
    Math.round(forecasts.reduce((sum, f) => sum + toDay(f[key]), 0) / n);
  const p10 = mean("p10");
  const p90 = mean("p90");
  const p50s = forecasts.map((f) => toDay(f.p50));
  return {
    method: TIMELINE_METHOD,
    n,
    p10: fromDay(p10),
    p50: fromDay(mean("p50")),
    p90: fromDay(p90),
    spread: {
      earliestP50: fromDay(Math.min(...p50s)),
      latestP50: fromDay(Math.max(...p50s)),
      widthDays: p90 - p10,
    },
  };
}
