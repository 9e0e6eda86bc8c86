/** The words people read for the content document's and the room's enumerations. */
import type {
  ACTOR_TYPES,
  CAPABILITY_LEVELS,
  EVIDENCE_KINDS,
  NATURE_FLAGS,
  SCENARIO_STATUSES,
  SOURCE_KINDS,
} from "../shared/content";
import type { PHASES } from "../shared/controlDoc";

type Labels<T extends readonly string[]> = Record<T[number], string>;

export const STATUS_LABELS: Labels<typeof SCENARIO_STATUSES> = {
  draft: "Draft",
  "in-review": "In review",
  agreed: "Agreed",
};

export const NATURE_LABELS: Labels<typeof NATURE_FLAGS> = {
  irreversible: "Irreversible",
  "high-velocity": "High velocity",
  cascading: "Cascading",
  asymmetric: "Asymmetric",
  "reach-dependent": "Reach-dependent",
  "capability-dependent": "Capability-dependent",
};

export const ACTOR_TYPE_LABELS: Labels<typeof ACTOR_TYPES> = {
  "state-programme": "State programme",
  "organised-group": "Organised group",
  individual: "Individual",
  insider: "Insider",
  "model-itself": "The model itself",
  other: "Other",
};

export const CAPABILITY_LABELS: Labels<typeof CAPABILITY_LEVELS> = {
  low: "Low",
  moderate: "Moderate",
  high: "High",
  "very-high": "Very high",
};

export const SOURCE_KIND_LABELS: Labels<typeof SOURCE_KINDS> = {
  capability: "Capability",
  propensity: "Propensity",
  affordance: "Affordance",
};

export const SOURCE_KIND_HINTS: Labels<typeof SOURCE_KINDS> = {
  capability: "what the model can do",
  propensity: "what it tends to do, e.g. deceive",
  affordance: "what it is given: tools, access, oversight",
};

export const EVIDENCE_KIND_LABELS: Labels<typeof EVIDENCE_KINDS> = {
  benchmark: "Benchmark",
  "red-team": "Red teaming",
  "uplift-study": "Uplift study",
  incident: "Incident",
  literature: "Literature",
  "expert-judgement": "Expert judgement",
  other: "Other",
};

export const PHASE_LABELS: Labels<typeof PHASES> = {
  identify: "Identify",
  analyse: "Analyse",
  estimate: "Estimate",
  evaluate: "Evaluate",
  mitigate: "Mitigate",
  report: "Report",
};

/** Select options for an enumeration, in its declared order. */
export function optionsOf<T extends string>(values: readonly T[], labels: Record<T, string>) {
  return values.map((value) => ({ value, label: labels[value] }));
}
