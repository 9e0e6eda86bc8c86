/**
 * Watched conditions: the conditions under which a determination's acceptance would no longer
 * hold, stated so that something can notice when one is met. Four kinds:
 *
 * - `evaluation`: an evaluation result crosses a stated value. Met when an evidence item on a
 *   scenario of the risk has `metric` in its title (case-insensitive) and the first number in its
 *   result is strictly past `value` (above or below, as `direction` says).
 * - `incident`: a serious incident linked to the risk (or one of its scenarios) recorded after the
 *   determination.
 * - `affordance`: a new affordance (tools, access, deployment); only a facilitator can say so.
 * - `date`: the date passes (checked on every read against the clock; no timer).
 *
 * Any kind is also met when a facilitator marks it. Pure: evaluated from plain facts and `now`.
 */
import { z } from "zod";

export const CONDITION_KINDS = ["evaluation", "incident", "affordance", "date"] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];

/** Conditions one determination may watch. */
export const MAX_WATCHED_CONDITIONS = 20;

const description = z.string().trim().min(1, "must not be empty").max(1000);

export const watchedConditionInput = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("evaluation"),
    description,
    metric: z.string().trim().min(1, "name the evaluation").max(200),
    direction: z.enum(["above", "below"]),
    value: z.number({ error: "must be a finite number" }),
  }),
  z.strictObject({ kind: z.literal("incident"), description }),
  z.strictObject({ kind: z.literal("affordance"), description }),
  z.strictObject({ kind: z.literal("date"), description, date: z.iso.date() }),
]);
export type WatchedConditionInput = z.infer<typeof watchedConditionInput>;

export interface ConditionMark {
  at: string;
  by: string;
  note: string;
}

/** As stored on a determination: the input, an id (`c1`, `c2`, …) and a facilitator's mark, if any. */
export type WatchedCondition = WatchedConditionInput & { id: string; markedMet?: ConditionMark };

export const watchedConditionSchema: z.ZodType<WatchedCondition> = z.intersection(
  watchedConditionInput,
  z.object({
    id: z.string().min(1).max(16),
    markedMet: z.object({ at: z.string(), by: z.string(), note: z.string() }).optional(),
  }),
);

/** `POST …/determinations/:riskId/conditions/:conditionId/met`. */
export const markConditionBody = z.strictObject({
  note: z.string().trim().min(1, "say what happened").max(2000),
});

export interface ConditionState {
  id: string;
  kind: ConditionKind;
  description: string;
  met: boolean;
  /** What met it, in words; null while it holds. */
  reason: string | null;
}

export interface ConditionFacts {
  riskId: string;
  /** When the determination was recorded: incidents recorded before it were weighed in it. */
  determinedAt: string;
  scenarios: ReadonlyArray<{
    id: string;
    riskId: string;
    title: string;
    evidence: ReadonlyArray<{ title: string; result: string }>;
  }>;
  incidents: ReadonlyArray<{ title: string; riskIds: string[]; scenarioIds: string[]; createdAt: string }>;
}

/**
 * Numbers the conditions `c1`, `c2`, …; a condition restated exactly as one on record keeps that
 * one's facilitator mark, so editing the list does not forget what was marked met.
 */
export function withConditionIds(
  inputs: readonly WatchedConditionInput[],
  previous: readonly WatchedCondition[] = [],
): WatchedCondition[] {
  const same = (a: WatchedConditionInput, b: WatchedCondition) => {
    const { id: _i, markedMet: _m, ...input } = b;
    return JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(input).sort());
  };
  return inputs.map((c, i) => {
    const mark = previous.find((p) => same(c, p))?.markedMet;
    return { ...c, id: `c${i + 1}`, ...(mark ? { markedMet: mark } : {}) };
  });
}

/** The first number written in a result ("63% of novices" → 63), or null. */
export function firstNumber(text: string): number | null {
  const match = /-?\d+(?:\.\d+)?/.exec(text.replace(/(\d),(\d{3})/g, "$1$2"));
  return match ? Number(match[0]) : null;
}

export function conditionStates(
  watched: readonly WatchedCondition[],
  facts: ConditionFacts,
  now: Date,
): ConditionState[] {
  return watched.map((c) => {
    const reason = c.markedMet
      ? `marked by ${c.markedMet.by} on ${c.markedMet.at.slice(0, 10)}: ${c.markedMet.note}`
      : metBy(c, facts, now);
    return { id: c.id, kind: c.kind, description: c.description, met: reason !== null, reason };
  });
}

function metBy(c: WatchedCondition, facts: ConditionFacts, now: Date): string | null {
  const scenarios = facts.scenarios.filter((s) => s.riskId === facts.riskId);
  switch (c.kind) {
    case "evaluation": {
      const metric = c.metric.toLowerCase();
      for (const s of scenarios)
        for (const e of s.evidence) {
          const n = e.title.toLowerCase().includes(metric) ? firstNumber(e.result) : null;
          if (n !== null && (c.direction === "above" ? n > c.value : n < c.value))
            return `evidence “${e.title}” on “${s.title}” records ${n}, ${c.direction} ${c.value}`;
        }
      return null;
    }
    case "incident": {
      const ids = new Set(scenarios.map((s) => s.id));
      const linked = facts.incidents.find(
        (i) =>
          i.createdAt > facts.determinedAt &&
          (i.riskIds.includes(facts.riskId) || i.scenarioIds.some((id) => ids.has(id))),
      );
      return linked ? `serious incident “${linked.title}” is linked to the risk` : null;
    }
    case "date":
      return now.getTime() >= Date.parse(`${c.date}T00:00:00Z`) ? `the date ${c.date} has passed` : null;
    case "affordance":
      return null;
  }
}
