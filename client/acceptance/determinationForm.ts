/**
 * The "Record determination" form as plain data: its starting values (from the recorded
 * determination, for a revision), the REST body it becomes, and the server's field errors mapped
 * back to the input they belong to.
 */
import type { LadderTier } from "../../shared/estimation/framework";
import type { Determination, Verdict } from "../../shared/estimationView";
import type { ScenarioStanding } from "../../shared/snapshot";
import type { WatchedConditionInput } from "../../shared/watchedConditions";

export interface DeterminationDraft {
  tierId: string;
  safetyMargin: string;
  marginReasons: string;
  conditions: string;
  /** Null until chosen: a verdict is never pre-selected for the facilitator. */
  verdict: Verdict | null;
  evidenceScenarioIds: string[];
  /** Undefined until the facilitator changes the watched conditions: then the whole list is sent. */
  watched?: WatchedConditionInput[];
}

export interface DeterminationBody {
  tierId: string;
  safetyMargin: string;
  marginReasons: string;
  conditions: string;
  verdict: Verdict;
  evidenceScenarioIds: string[];
  watched?: WatchedConditionInput[];
}

/** The form's fields; server paths such as `evidenceScenarioIds.2` map onto them. */
export const DETERMINATION_FIELDS = [
  "tierId",
  "safetyMargin",
  "marginReasons",
  "conditions",
  "verdict",
  "evidenceScenarioIds",
] as const;
export type DeterminationField = (typeof DETERMINATION_FIELDS)[number];
/** Errors by field; `form` holds those that belong to no input. */
export type FieldProblems = Partial<Record<DeterminationField | "form", string>>;

/** Starts from the recorded determination, dropping a tier or scenario that no longer exists. */
export function draftFrom(
  existing: Determination | null,
  ladder: readonly LadderTier[],
  scenarioIds: readonly string[],
): DeterminationDraft {
  const tierKnown = existing !== null && ladder.some((t) => t.id === existing.tierId);
  const known = new Set(scenarioIds);
  return {
    tierId: tierKnown ? (existing.tierId ?? "") : (ladder[0]?.id ?? ""),
    safetyMargin: existing?.safetyMargin ?? "",
    marginReasons: existing?.marginReasons ?? "",
    conditions: existing?.conditions ?? "",
    verdict: existing?.verdict ?? null,
    evidenceScenarioIds: (existing?.evidenceScenarioIds ?? []).filter((id) => known.has(id)),
  };
}

/** The body to send, or what must be fixed first (checked here so the form answers at once). */
export function bodyFrom(
  draft: DeterminationDraft,
): { body: DeterminationBody; problems?: undefined } | { body?: undefined; problems: FieldProblems } {
  const problems: FieldProblems = {};
  if (!draft.tierId) problems.tierId = "Choose the tier reached.";
  if (draft.verdict === null) problems.verdict = "Choose acceptable or not acceptable.";
  if (draft.verdict === null || Object.keys(problems).length > 0) return { problems };
  return {
    body: {
      tierId: draft.tierId,
      safetyMargin: draft.safetyMargin.trim(),
      marginReasons: draft.marginReasons.trim(),
      conditions: draft.conditions.trim(),
      verdict: draft.verdict,
      evidenceScenarioIds: [...new Set(draft.evidenceScenarioIds)],
      ...(draft.watched ? { watched: draft.watched } : {}),
    },
  };
}

/** Server field paths → one message per input; unknown paths go to the form as a whole. */
export function fieldProblems(fields: Record<string, string[]> | undefined): FieldProblems {
  const out: FieldProblems = {};
  for (const [path, messages] of Object.entries(fields ?? {})) {
    const head = path.split(".")[0] ?? "";
    const field = DETERMINATION_FIELDS.find((f) => f === head) ?? "form";
    const text =
      field === "form" && path !== "(body)" ? `${path}: ${messages.join(", ")}` : messages.join(", ");
    out[field] = out[field] ? `${out[field]}; ${text}` : text;
  }
  return out;
}

/** Adds or removes one id, keeping the order the ids were chosen in. */
export function toggleId(ids: readonly string[], id: string, on: boolean): string[] {
  const without = ids.filter((x) => x !== id);
  return on ? [...without, id] : without;
}

/** A scenario's current matrix tier: its latest residual aggregate, else its latest pre-mitigation one. */
export function currentStanding(
  standing: ScenarioStanding | undefined,
): { name: string; colour: string; kind: "pre" | "residual"; roundNumber: number } | null {
  for (const kind of ["residual", "pre"] as const) {
    const agg = standing?.[kind];
    if (agg?.tier)
      return { name: agg.tier.name, colour: agg.tier.colour, kind, roundNumber: agg.roundNumber };
  }
  return null;
}
