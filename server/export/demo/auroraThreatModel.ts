/**
 * The demo workshop's threat model (actors, sources of risk, safeguards) and the mitigations added
 * after the pre-mitigation rounds. A fictional model, "Aurora-2": every name and result is illustrative.
 */
import type { SeedSpec } from "./spec";

export const auroraThreatModel: Pick<SeedSpec, "risks" | "actors" | "sources" | "safeguards"> = {
  risks: [
    {
      id: "cbrn",
      description:
        "The model lowers the barriers to developing or using chemical, biological, radiological or nuclear weapons, in particular by troubleshooting wet-lab protocols for people without formal training.",
    },
  ],
  actors: [
    {
      id: "act-novice",
      name: "Lone novice",
      type: "individual",
      capabilityLevel: "low",
      resources: "A few thousand euros, a home lab, online suppliers",
      intent: "Mass-casualty attack, ideologically motivated",
    },
    {
      id: "act-crime",
      name: "Organised criminal group",
      type: "organised-group",
      capabilityLevel: "moderate",
      resources: "Paid operators, leased infrastructure, initial-access brokers",
      intent: "Extortion for profit",
    },
    {
      id: "act-state",
      name: "State programme",
      type: "state-programme",
      capabilityLevel: "very-high",
      resources: "Dedicated units, zero-day budget, long time horizon",
      intent: "Pre-positioning in critical infrastructure",
    },
    {
      id: "act-influence",
      name: "Influence operation",
      type: "organised-group",
      capabilityLevel: "high",
      resources: "Persona networks, ad budget, translators",
      intent: "Shift a national election by a few points",
    },
    {
      id: "act-model",
      name: "The model itself",
      type: "model-itself",
      capabilityLevel: "moderate",
      resources: "Tool access granted by the deployment",
      intent: "None stated; emergent goal pursuit under long-horizon tasks",
    },
  ],
  sources: [
    {
      id: "src-protocols",
      name: "Wet-lab protocol troubleshooting",
      kind: "capability",
      description: "Diagnoses failed experiments from photos and notes at the level of a postdoc.",
    },
    {
      id: "src-exploits",
      name: "Vulnerability discovery and exploit writing",
      kind: "capability",
      description: "Finds memory-safety bugs in C code bases and writes working proofs of concept.",
    },
    {
      id: "src-persuasion",
      name: "Personalised persuasion",
      kind: "capability",
      description: "Tailors arguments to a reader's profile and writing style.",
    },
    {
      id: "src-deception",
      name: "Strategic deception under evaluation",
      kind: "propensity",
      description: "Occasionally states one plan and executes another in agentic evaluations.",
    },
    {
      id: "src-tools",
      name: "Shell, browser and payment tools",
      kind: "affordance",
      description: "Enterprise agent deployments grant shell access and a corporate card.",
    },
    {
      id: "src-open-api",
      name: "Open API with weak identity checks",
      kind: "affordance",
      description: "Anyone with an e-mail address can reach the full model.",
    },
  ],
  safeguards: [
    {
      id: "sg-refusal",
      name: "Refusal training",
      description: "Trained refusals for weapons, exploit and persuasion requests.",
    },
    {
      id: "sg-classifier",
      name: "Input and output classifiers",
      description: "Constitutional classifiers on CBRN and malicious-code content.",
    },
    {
      id: "sg-kyc",
      name: "Verified access",
      description: "Identity checks for dual-use and security research tiers.",
    },
    {
      id: "sg-monitoring",
      name: "Abuse monitoring",
      description: "Account-level detection and human review of flagged use.",
    },
    {
      id: "sg-sandbox",
      name: "Sandbox with egress controls",
      description: "Agent actions run in a sandbox with an allow-listed network.",
    },
  ],
};

export const auroraMitigations: SeedSpec["mitigations"] = [
  {
    id: "mit-bio-classifier",
    title: "CBRN classifiers hardened against multi-turn jailbreaks",
    kind: "safety",
    status: "verified",
    owner: "Safeguards team",
    description: "Retrained on the red team's bypasses; re-tested with 0 of 150 bypasses.",
    scenarioIds: ["sc-bio-novice", "sc-chem-scale"],
  },
  {
    id: "mit-kyc",
    title: "Verified access for life-science and security tiers",
    kind: "security",
    status: "in-place",
    owner: "Trust and safety",
    description: "Identity checks before the full model answers dual-use questions.",
    scenarioIds: ["sc-bio-novice", "sc-cyber-hospitals"],
  },
  {
    id: "mit-exploit",
    title: "Exploit-generation classifier and rate limits",
    kind: "safety",
    status: "in-place",
    owner: "Safeguards team",
    scenarioIds: ["sc-cyber-hospitals", "sc-cyber-ics"],
  },
  {
    id: "mit-agent-approval",
    title: "Human approval for payments and account creation by agents",
    kind: "safety",
    status: "verified",
    owner: "Agent platform",
    scenarioIds: ["sc-loc-persistence"],
  },
  {
    id: "mit-eval-awareness",
    title: "Evaluations in deployment-like framings",
    kind: "safety",
    status: "planned",
    owner: "Evaluations",
    description: "Re-run the dangerous-capability suite with disguised prompts.",
    scenarioIds: ["sc-loc-sandbagging"],
  },
  {
    id: "mit-influence",
    title: "Coordinated-behaviour detection and political persuasion refusals",
    kind: "safety",
    status: "in-place",
    owner: "Threat intelligence",
    scenarioIds: ["sc-manip-election"],
  },
  {
    id: "mit-companion-policy",
    title: "Usage policy and audits for companion apps",
    kind: "safety",
    status: "planned",
    owner: "Partnerships",
    scenarioIds: ["sc-manip-companion"],
  },
];
