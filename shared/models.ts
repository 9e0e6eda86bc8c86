/**
 * Models: a model (name, version or checkpoint, description, deployment context) groups the
 * workshops held about it; each workshop's facilitators sign off one of its snapshots, and the
 * model's report is issued in numbered, immutable versions assembled from those sign-offs.
 * Request bodies and the views the API answers with; pure (zod only).
 */
import { z } from "zod";
import { MAX_NAME_LENGTH } from "./limits";

const text = (max: number) => z.string().trim().max(max);
const id = z.string().min(1).max(64);

/** `POST /api/models` (gated like creating a workshop). */
export const createModelBody = z.strictObject({
  name: text(200).min(1, "must not be empty"),
  /** The version or checkpoint the assessment is about. */
  version: text(200).default(""),
  description: text(8000).default(""),
  deploymentContext: text(4000).default(""),
  /** Who creates it: the audit trail names them. */
  displayName: text(MAX_NAME_LENGTH).min(1, "must not be empty"),
});
export type CreateModelBody = z.infer<typeof createModelBody>;

/** `POST /api/models/:id/workshops`: a workshop's facilitator (the bearer) attaches it, holding the model token. */
export const attachWorkshopBody = z.strictObject({ modelToken: z.string().min(1).max(200) });

/** `PUT /api/models/:id/workshops/:workshopId/sign-off`. */
export const signOffBody = z.strictObject({ snapshotId: id });

export const MODEL_REPORT_FORMATS = ["json", "md", "html"] as const;
export type ModelReportFormat = (typeof MODEL_REPORT_FORMATS)[number];

/** `GET /api/models/:id/report?format=…&version=…`: the latest issued version without `version`. */
export const modelReportQuery = z.strictObject({
  format: z.enum(MODEL_REPORT_FORMATS).default("md"),
  version: z.coerce.number().int().min(1).max(1_000_000).optional(),
});

/** The snapshot a workshop's facilitator signed off for the model. */
export interface SignOff {
  snapshotId: string;
  /** The snapshot's SHA-256, as recorded when it was taken. */
  sha256: string;
  label: string;
  takenAt: string;
  at: string;
  by: string;
}

export interface ModelWorkshopView {
  workshopId: string;
  title: string;
  attachedAt: string;
  attachedBy: string;
  signOff: SignOff | null;
}

export interface ReportVersionView {
  version: number;
  issuedAt: string;
  issuedBy: string;
  /** SHA-256 of the version's stored JSON bytes, checked on every read. */
  sha256: string;
  bytes: number;
  /** The sign-offs it was assembled from. */
  signOffs: Array<SignOff & { workshopId: string }>;
}

export interface ModelView {
  id: string;
  name: string;
  version: string;
  description: string;
  deploymentContext: string;
  createdAt: string;
  createdBy: string;
  workshops: ModelWorkshopView[];
  reports: ReportVersionView[];
  /** Watched conditions met now in the attached workshops: those acceptances no longer hold. */
  conditionsNoLongerHold: MetCondition[];
}

export interface MetCondition {
  workshopId: string;
  workshopTitle: string;
  riskId: string;
  riskTitle: string;
  conditionId: string;
  description: string;
  reason: string;
}

export interface CreateModelResponse {
  model: ModelView;
  /** Reads the model and issues its reports; shown once, stored only as a hash. */
  token: string;
}

/** Each risk's latest determination across the model's workshops. */
export interface ModelRiskView {
  riskId: string;
  riskTitle: string;
  workshopId: string;
  workshopTitle: string;
  /** The tier's name; null under other criteria. */
  tier: string | null;
  verdict: string;
  at: string;
  /** A watched condition of it is met now. */
  noLongerHolds: boolean;
}

/** One scenario's pre-mitigation standing in each of its workshop's verified snapshots. */
export interface ModelHistorySeries {
  workshopId: string;
  workshopTitle: string;
  scenarioId: string;
  scenarioTitle: string;
  points: Array<{
    snapshotId: string;
    label: string;
    takenAt: string;
    best: number;
    low: number;
    high: number;
  }>;
}

/** `GET /api/models/:id/overview`. */
export interface ModelOverview {
  risks: ModelRiskView[];
  history: ModelHistorySeries[];
}
