/**
 * The stored body of one issued version of a model's report (`riskroom.model-report/v1`): what the
 * sign-off snapshots held, reduced to what the Safety and Security Model Report states, and the
 * changelog against the version before. Stored as exact JSON bytes with their SHA-256 and never
 * changed; the Markdown and HTML are rendered from it on every read.
 */
import type { SignOff } from "./models";
import type { RevealedForecast, TimelineAggregate } from "./timeline";
import type { ConditionState } from "./watchedConditions";

export const MODEL_REPORT_SCHEMA = "riskroom.model-report/v1";

export interface EstimatePart {
  roundNumber: number;
  /** How many experts' estimates were pooled. */
  n: number;
  probability: { low: number; best: number; high: number };
  severity: string | null;
  tier: string | null;
}

export interface DissentPart {
  name: string;
  at: string;
  text: string;
}

export interface ScenarioPart {
  scenarioId: string;
  code: string;
  title: string;
  pre: EstimatePart | null;
  residual: EstimatePart | null;
  mitigations: Array<{ title: string; kind: string; status: string }>;
  dissent: DissentPart[];
}

export interface DeterminationPart {
  /** The tier's name on the ladder; null under other criteria. */
  tier: string | null;
  criterion: string;
  justification: string;
  verdict: string;
  safetyMargin: string;
  marginReasons: string;
  conditions: string;
  /** Watched conditions as they stood in the signed-off snapshot when the version was issued. */
  watched: ConditionState[];
  evidence: Array<{ scenarioId: string; title: string }>;
  by: string;
  at: string;
  dissent: DissentPart[];
}

export interface RiskPart {
  riskId: string;
  title: string;
  determination: DeterminationPart | null;
  scenarios: ScenarioPart[];
}

export interface IncidentPart {
  id: string;
  title: string;
  category: string;
  awareAt: string;
  resolvedAt: string | null;
}

/** A risk's latest revealed tier-timeline forecast in the signed-off snapshot. */
export interface TimelinePart {
  riskId: string;
  riskTitle: string;
  /** The tier the forecast is about. */
  nextTier: string | null;
  roundNumber: number;
  revealedAt: string;
  aggregate: TimelineAggregate;
  forecasts: RevealedForecast[];
}

export interface WorkshopPart {
  workshopId: string;
  title: string;
  signOff: SignOff;
  framework: { locked: boolean; hash: string | null; lockedAt: string | null; matrix: string };
  risks: RiskPart[];
  timelines: TimelinePart[];
  incidents: IncidentPart[];
}

export interface ModelReportBody {
  schema: typeof MODEL_REPORT_SCHEMA;
  modelId: string;
  version: number;
  issuedAt: string;
  issuedBy: string;
  model: { name: string; version: string; description: string; deploymentContext: string };
  workshops: WorkshopPart[];
  /** The version this one follows, by number and hash; null for the first. */
  previous: { version: number; sha256: string } | null;
  /** What changed since `previous`, one line each. */
  changelog: string[];
}
