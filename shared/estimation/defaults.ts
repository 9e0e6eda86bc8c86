/**
 * The framework a new workshop starts from: a 5 × 5 risk matrix over probability per year of
 * deployment, three acceptance tiers, and a three-tier ladder for each specified systemic risk.
 * Every value is a starting point for the facilitator to edit before the lock.
 */
import type { Framework, LadderTier } from "./framework";

const PERIOD = "per year of deployment";

const A = "acceptable";
const M = "acceptable-with-mitigations";
const U = "unacceptable";

/** Rows: bands from remote to likely; columns: limited, serious, severe, critical, catastrophic. */
const MATRIX_ROWS: Record<string, readonly string[]> = {
  remote: [A, A, A, M, M],
  "very-unlikely": [A, A, M, M, U],
  unlikely: [A, M, M, U, U],
  possible: [M, M, U, U, U],
  likely: [M, U, U, U, U],
};
const LEVEL_IDS = ["limited", "serious", "severe", "critical", "catastrophic"] as const;

const tier = (
  id: string,
  name: string,
  indicators: string[],
  mitigations: string[],
  acceptableWithMitigations: boolean,
): LadderTier => ({ id, name, indicators, mitigations, acceptableWithMitigations });

const LADDERS: Record<string, LadderTier[]> = {
  cbrn: [
    tier(
      "cbrn-1",
      "No meaningful uplift",
      [
        "Controlled uplift study: novices with model access complete no critical step of a reference biological or chemical acquisition pathway more often than an internet-only control group (difference < 5 percentage points)",
        "Wet-lab protocol troubleshooting benchmark score below the median of expert virologists",
      ],
      ["Refusal training on CBRN weapon requests", "Abuse monitoring under the usage policy"],
      true,
    ),
    tier(
      "cbrn-2",
      "Uplift to novices",
      [
        "Uplift study shows novices with model access complete at least one critical step (e.g. acquisition or protocol troubleshooting) significantly more often than the control group (p < 0.05)",
        "Wet-lab protocol troubleshooting benchmark score at or above the median of expert virologists",
      ],
      [
        "Input and output classifiers for CBRN weapon content, with jailbreak robustness measured by red teaming",
        "Verified-access programme for dual-use life-science users",
        "Bug bounty for universal jailbreaks",
        "Weight security sufficient against organised criminal groups",
      ],
      true,
    ),
    tier(
      "cbrn-3",
      "Uplift to experts or state programmes",
      [
        "Expert red team finds the model substantially accelerates an expert or state actor's development of a novel or enhanced agent",
        "Novices with model access complete the full pathway in an end-to-end wet-lab proxy task",
      ],
      [
        "No external deployment until safeguards bring measured uplift back below tier cbrn-2",
        "Weight security sufficient against state-level actors",
      ],
      false,
    ),
  ],
  "loss-of-control": [
    tier(
      "loc-1",
      "Limited autonomy",
      [
        "Completes < 20% of tasks in an autonomous replication and adaptation suite (acquiring compute, copying weights, evading shutdown)",
        "No deliberate sabotage or sandbagging detected in control evaluations",
      ],
      ["Monitoring of agentic deployments"],
      true,
    ),
    tier(
      "loc-2",
      "Autonomous agency",
      [
        "Completes ≥ 50% of tasks in the autonomous replication and adaptation suite",
        "Completes software or ML research tasks that take a skilled human ≥ 8 hours",
        "Behaviour differs measurably between framings as a test and as deployment (evaluation awareness)",
      ],
      [
        "Human approval for high-impact agent actions",
        "Logging and automated monitoring of reasoning and tool calls",
        "Sandboxed execution with egress controls",
        "Control evaluations with a red-team model before each release",
      ],
      true,
    ),
    tier(
      "loc-3",
      "Undermining oversight",
      [
        "Evades monitoring or disables oversight in at least one controlled scenario without being instructed to",
        "Succeeds on ≥ 50% of an AI research-engineering task suite without human help",
      ],
      [
        "Halt further scaling and deployment until an externally reviewed alignment and control safety case exists",
      ],
      false,
    ),
  ],
  "cyber-offence": [
    tier(
      "cyber-1",
      "Below professional level",
      [
        "Solves < 10% of professional-level capture-the-flag challenges unaided",
        "Finds no novel vulnerability in red-team exercises against hardened targets",
      ],
      ["Abuse monitoring under the usage policy"],
      true,
    ),
    tier(
      "cyber-2",
      "Uplift to skilled actors",
      [
        "Solves ≥ 30% of professional-level capture-the-flag challenges unaided",
        "Completes at least one attack-chain stage (e.g. reconnaissance to initial access) autonomously in a realistic cyber range",
      ],
      [
        "Classifiers for malicious code and exploit generation",
        "Trusted-access programme for security researchers",
        "Rate limits and account-level abuse detection",
      ],
      true,
    ),
    tier(
      "cyber-3",
      "Autonomous offensive operations",
      [
        "Autonomously discovers and exploits a previously unknown vulnerability in widely used software",
        "Completes a full attack chain end to end in a cyber range modelled on critical infrastructure",
      ],
      ["No external deployment until safeguards bring measured capability back below tier cyber-2"],
      false,
    ),
  ],
  "harmful-manipulation": [
    tier(
      "manip-1",
      "Human-level persuasion",
      [
        "In a randomised persuasion study, model-written arguments shift agreement no more than human-written ones (difference < 2 points on a 100-point scale)",
        "Induces a costly action (disclosure, payment) in < 2% of trials of a deception evaluation when instructed",
      ],
      ["Disclosure that users are talking to an AI"],
      true,
    ),
    tier(
      "manip-2",
      "Superhuman persuasion",
      [
        "Model-written messages shift opinions significantly more than expert human persuaders in a randomised study (p < 0.05)",
        "Induces a costly action in ≥ 10% of trials of a deception evaluation when instructed",
      ],
      [
        "Refusal training for targeted political persuasion and impersonation",
        "Account-level detection of coordinated influence operations",
        "Disclosure that users are talking to an AI",
      ],
      true,
    ),
    tier(
      "manip-3",
      "Manipulation at scale",
      [
        "Personalised persuasion at scale whose belief or behaviour change persists ≥ 1 month in a field-like study",
        "Manipulates evaluators or users into acting against their stated interests without being instructed to",
      ],
      ["No deployment of the capability until an external review accepts the safeguards"],
      false,
    ),
  ],
};

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Frozen; use `defaultFramework()` for a copy to edit. */
export const DEFAULT_FRAMEWORK: Framework = deepFreeze({
  likelihoodBands: [
    { id: "remote", label: "Remote (< 1 in 10,000)", period: PERIOD, lower: 0, upper: 1e-4 },
    {
      id: "very-unlikely",
      label: "Very unlikely (1 in 10,000 – 1 in 1,000)",
      period: PERIOD,
      lower: 1e-4,
      upper: 1e-3,
    },
    { id: "unlikely", label: "Unlikely (1 in 1,000 – 1 in 100)", period: PERIOD, lower: 1e-3, upper: 1e-2 },
    { id: "possible", label: "Possible (1 in 100 – 1 in 10)", period: PERIOD, lower: 1e-2, upper: 1e-1 },
    { id: "likely", label: "Likely (1 in 10 or more)", period: PERIOD, lower: 1e-1, upper: 1 },
  ],
  severityLevels: [
    {
      id: "limited",
      name: "Limited",
      description: "Harm to a few people or organisations, recoverable.",
      anchor: "No deaths; under €10 million damage",
      anchorValue: 0,
      anchorUnit: "fatalities",
    },
    {
      id: "serious",
      name: "Serious",
      description: "Harm to many people or a sector; recoverable with effort.",
      anchor: "1–9 deaths or €10 million – €1 billion damage",
      anchorValue: 1,
      anchorUnit: "fatalities",
    },
    {
      id: "severe",
      name: "Severe",
      description: "Harm across a region or critical service; lasting damage.",
      anchor: "10–999 deaths or €1 – €100 billion damage",
      anchorValue: 10,
      anchorUnit: "fatalities",
    },
    {
      id: "critical",
      name: "Critical",
      description: "National-scale harm; some effects irreversible.",
      anchor: "1,000–99,999 deaths or €100 billion – €1 trillion damage",
      anchorValue: 1000,
      anchorUnit: "fatalities",
    },
    {
      id: "catastrophic",
      name: "Catastrophic",
      description: "Harm at the scale of society; irreversible.",
      anchor: "100,000 deaths or more, or €1 trillion damage or more",
      anchorValue: 100_000,
      anchorUnit: "fatalities",
    },
  ],
  tiers: [
    { id: A, name: "Acceptable", colour: "#1a9850", acceptable: A },
    { id: M, name: "Acceptable with mitigations", colour: "#fdae61", acceptable: M },
    { id: U, name: "Unacceptable", colour: "#d73027", acceptable: U },
  ],
  matrix: Object.fromEntries(
    Object.entries(MATRIX_ROWS).map(([band, row]) => [
      band,
      Object.fromEntries(LEVEL_IDS.map((level, i) => [level, row[i]!])),
    ]),
  ),
  aggregation: "geometric-mean-odds",
  ladders: LADDERS,
});

/** A fresh, mutable copy of the default framework. */
export function defaultFramework(): Framework {
  return structuredClone(DEFAULT_FRAMEWORK);
}
