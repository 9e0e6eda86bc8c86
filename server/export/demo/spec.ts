/** The shape of a seeded workshop: people, content, and the estimation process in the order it happens. */
import type {
  Actor,
  Evidence,
  Mitigation,
  NatureFlag,
  RichTextNode,
  Risk,
  Safeguard,
  Source,
  Step,
} from "../../../shared/content";
import type { Confidence } from "../../../shared/estimation/estimate";
import type { Framework } from "../../../shared/estimation/framework";
import type { Verdict } from "../../../shared/estimationView";

type Fields<T> = Partial<Omit<T, "id" | "order">> & { id: string };

export interface SeedScenario {
  id: string;
  riskId: string;
  title: string;
  status: "draft" | "in-review" | "agreed";
  nature: NatureFlag[];
  actorIds: string[];
  sourceIds: string[];
  narrative: RichTextNode;
  steps: Array<Partial<Omit<Step, "id">>>;
  evidence: Array<Partial<Omit<Evidence, "id">> & { title: string }>;
  /** Dissent notes on the scenario, by expert index. */
  dissent: Array<{ expert: number; text: string }>;
}

/** One expert's estimate: probability as [low, best, high], severity as a level id. */
export interface SeedEstimate {
  p: [number, number, number];
  level: string;
  confidence: Confidence;
  rationale: string;
}

export interface SeedRound {
  kind: "pre" | "residual";
  anonymous: boolean;
  /** scenario id → one estimate per expert, in the order of `experts`. */
  estimates: Record<string, SeedEstimate[]>;
}

export interface SeedDetermination {
  riskId: string;
  tierId: string;
  verdict: Verdict;
  safetyMargin: string;
  marginReasons: string;
  conditions: string;
  evidenceScenarioIds: string[];
  dissent?: { expert: number; text: string };
}

export interface SeedSpec {
  title: string;
  subject: string;
  facilitator: string;
  experts: string[];
  observers: string[];
  /** Rewordings of the four specified risks (and any other risk, added). */
  risks: Array<Fields<Risk>>;
  actors: Array<Fields<Actor> & { name: string }>;
  sources: Array<Fields<Source> & { name: string }>;
  safeguards: Array<Fields<Safeguard> & { name: string }>;
  scenarios: SeedScenario[];
  /** Written after the pre-mitigation rounds, before the residual one. */
  mitigations: Array<Fields<Mitigation> & { title: string }>;
  /** Lock, then unlock with this justification, apply the edit and lock again. */
  relock?: { justification: string; edit: (f: Framework) => Framework };
  rounds: SeedRound[];
  determinations: SeedDetermination[];
  verdict: { verdict: Verdict; justification: string };
  finalSnapshot: string;
}

/** A paragraph node from plain text and marked runs, to keep the narratives readable here. */
export function para(
  ...runs: Array<string | { text: string; marks: string[]; href?: string }>
): RichTextNode {
  return {
    type: "paragraph",
    content: runs.map((run) =>
      typeof run === "string"
        ? { type: "text", text: run }
        : {
            type: "text",
            text: run.text,
            marks: run.marks.map((type) =>
              type === "link" ? { type, attrs: { href: run.href ?? "" } } : { type },
            ),
          },
    ),
  };
}

export const doc = (...content: RichTextNode[]): RichTextNode => ({ type: "doc", content });
export const bullets = (...items: string[]): RichTextNode => ({
  type: "bulletList",
  content: items.map((text) => ({ type: "listItem", content: [para(text)] })),
});
