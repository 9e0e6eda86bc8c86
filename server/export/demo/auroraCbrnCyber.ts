/** The demo's CBRN and cyber-offence scenarios (fictional and illustrative). */
import { bullets, doc, para, type SeedSpec } from "./spec";

const link = (text: string, href: string) => ({ text, marks: ["link"], href });
const bold = (text: string) => ({ text, marks: ["bold"] });
const EXAMPLE = "https://example.org/aurora-2";

export const cbrnCyberScenarios: SeedSpec["scenarios"] = [
  {
    id: "sc-bio-novice",
    riskId: "cbrn",
    title: "A novice recovers a failed pathogen culture with step-by-step troubleshooting",
    status: "agreed",
    nature: ["irreversible", "capability-dependent"],
    actorIds: ["act-novice"],
    sourceIds: ["src-protocols", "src-open-api"],
    narrative: doc(
      para(
        "A lone actor with undergraduate biology orders a ",
        bold("restricted-adjacent"),
        " kit and repeatedly fails at culturing. Over several weeks the model diagnoses contamination, temperature and media errors from photos until the culture grows.",
      ),
      para(
        "The group agreed that the model's contribution is ",
        bold("troubleshooting, not design"),
        ": it does not supply a novel agent, but it removes the tacit-knowledge barrier that stops most novices. See the ",
        link("uplift study summary", `${EXAMPLE}/uplift-study`),
        ".",
      ),
      bullets(
        "Critical step: recovering from failed cultures",
        "Detection chance: low until acquisition of the agent",
      ),
    ),
    steps: [
      {
        text: "Obtains starting materials through an online supplier",
        actorId: "act-novice",
        uplift: false,
        safeguardIds: ["sg-kyc"],
      },
      {
        text: "Uploads photos of failed cultures and asks for diagnosis",
        actorId: "act-novice",
        sourceId: "src-protocols",
        uplift: true,
        safeguardIds: ["sg-classifier", "sg-refusal"],
      },
      {
        text: "Scales up and stabilises the agent",
        actorId: "act-novice",
        sourceId: "src-protocols",
        uplift: true,
        safeguardIds: ["sg-classifier"],
      },
      { text: "Attempts dissemination", actorId: "act-novice", uplift: false, safeguardIds: [] },
    ],
    evidence: [
      {
        kind: "uplift-study",
        title: "Controlled uplift study, 40 novices",
        link: `${EXAMPLE}/uplift-study`,
        result:
          "Model arm completed the troubleshooting step 2.1× as often as the internet-only arm (p = 0.01)",
        note: "Proxy organism only.",
      },
      {
        kind: "benchmark",
        title: "Virology troubleshooting benchmark",
        link: `${EXAMPLE}/vct`,
        result: "Scores at the 62nd percentile of expert virologists",
      },
      {
        kind: "red-team",
        title: "External biosecurity red team, 3 weeks",
        result: "Classifier bypassed in 4 of 120 attempts, each needing a multi-turn jailbreak",
      },
    ],
    dissent: [
      {
        expert: 0,
        text: "I think the study's proxy organism understates the difficulty jump; the real pathway has a harder scale-up step than the one measured.",
      },
    ],
  },
  {
    id: "sc-chem-scale",
    riskId: "cbrn",
    title: "An organised group scales up a known chemical agent synthesis",
    status: "in-review",
    nature: ["asymmetric"],
    actorIds: ["act-crime"],
    sourceIds: ["src-protocols"],
    narrative: doc(
      para(
        "A group with a trained chemist asks for help moving a published synthesis from gram to kilogram scale, framing it as pesticide process chemistry.",
      ),
      para(
        "Experts judged that the group could reach the goal without the model; the model shortens the timeline by weeks rather than making it possible.",
      ),
    ),
    steps: [
      { text: "Chemist retrieves a published route", actorId: "act-crime", uplift: false },
      {
        text: "Asks for scale-up parameters and impurity control",
        actorId: "act-crime",
        sourceId: "src-protocols",
        uplift: true,
        safeguardIds: ["sg-classifier"],
      },
      {
        text: "Acquires precursors under a cover business",
        actorId: "act-crime",
        uplift: false,
        safeguardIds: ["sg-monitoring"],
      },
    ],
    evidence: [
      {
        kind: "red-team",
        title: "Chemistry red team exercise",
        result: "Model refused direct requests; partial help when framed as agrochemistry (2 of 30 attempts)",
      },
      {
        kind: "literature",
        title: "Review of historical chemical attacks by non-state groups",
        link: `${EXAMPLE}/literature-review`,
        note: "Production, not route knowledge, was the bottleneck in every case.",
      },
    ],
    dissent: [],
  },
  {
    id: "sc-cyber-hospitals",
    riskId: "cyber-offence",
    title: "A ransomware crew automates exploit development against hospital software",
    status: "agreed",
    nature: ["high-velocity", "cascading"],
    actorIds: ["act-crime"],
    sourceIds: ["src-exploits", "src-open-api"],
    narrative: doc(
      para(
        "A ransomware affiliate uses the model in an agent loop to scan widely deployed hospital scheduling software for memory-safety bugs and to turn crashes into working exploits.",
      ),
      para(
        "The ",
        bold("speed"),
        " matters more than the skill: the crew could write one exploit a month before and now tries dozens a week, which outpaces patch cycles in the sector.",
      ),
    ),
    steps: [
      { text: "Collects binaries of widely used hospital software", actorId: "act-crime", uplift: false },
      {
        text: "Runs automated fuzzing and crash triage with the model",
        actorId: "act-crime",
        sourceId: "src-exploits",
        uplift: true,
        safeguardIds: ["sg-classifier", "sg-monitoring"],
      },
      {
        text: "Turns a crash into a reliable exploit",
        actorId: "act-crime",
        sourceId: "src-exploits",
        uplift: true,
        safeguardIds: ["sg-classifier"],
      },
      { text: "Deploys ransomware across a regional hospital network", actorId: "act-crime", uplift: false },
    ],
    evidence: [
      {
        kind: "benchmark",
        title: "Professional capture-the-flag suite",
        link: `${EXAMPLE}/ctf`,
        result: "Solved 34% of professional-level challenges unaided",
      },
      {
        kind: "red-team",
        title: "Cyber range exercise",
        result: "Reached initial access autonomously in 2 of 5 ranges; no lateral movement",
      },
      {
        kind: "incident",
        title: "Sector incident data, last 3 years",
        note: "Median patch latency in hospitals: 97 days.",
      },
    ],
    dissent: [],
  },
  {
    id: "sc-cyber-ics",
    riskId: "cyber-offence",
    title: "A state programme uses the model to map industrial control systems",
    status: "draft",
    nature: ["irreversible", "cascading"],
    actorIds: ["act-state"],
    sourceIds: ["src-exploits"],
    narrative: doc(
      para(
        "A state unit already capable of attacks on grid operators uses the model to speed up reconnaissance of control-system documentation and to adapt public exploits to specific firmware.",
      ),
    ),
    steps: [
      {
        text: "Summarises vendor documentation and network diagrams",
        actorId: "act-state",
        sourceId: "src-exploits",
        uplift: false,
      },
      {
        text: "Adapts a public exploit to a specific controller firmware",
        actorId: "act-state",
        sourceId: "src-exploits",
        uplift: true,
        safeguardIds: ["sg-classifier"],
      },
    ],
    evidence: [
      {
        kind: "expert-judgement",
        title: "Interview with two ICS incident responders",
        result: "Marginal uplift for a capable state actor",
      },
    ],
    dissent: [],
  },
];
