/**
 * Stored shapes of models and the contract both stores keep for them. A model is one record (its
 * fields, attached workshops with their sign-offs, the index of issued report versions, and its own
 * audit chain), written whole under a lock of that model; a report version's body is stored apart,
 * once, as exact bytes whose SHA-256 the record keeps.
 *
 * The model's audit chain uses the workshop chain's format (shared/audit.ts) with the model's id in
 * the `workshopId` field: a model is not a workshop, but the chain is verified the same way.
 */
import type { AuditEntry } from "../../shared/audit";
import type { SignOff } from "../../shared/models";
import type { AuditStamp } from "./repository";

export interface ModelWorkshopRecord {
  workshopId: string;
  attachedAt: string;
  /** Participant id of the facilitator who attached it. */
  attachedBy: string;
  signOff: SignOff | null;
}

export interface ReportVersionRecord {
  version: number;
  issuedAt: string;
  issuedBy: string;
  sha256: string;
  bytes: number;
  signOffs: Array<SignOff & { workshopId: string }>;
}

export interface ModelRecord {
  id: string;
  name: string;
  version: string;
  description: string;
  deploymentContext: string;
  createdAt: string;
  createdBy: string;
  /** SHA-256 of the model token. */
  tokenHash: string;
  workshops: ModelWorkshopRecord[];
  reports: ReportVersionRecord[];
  audit: AuditEntry[];
}

export type ModelAuditAction =
  | "model.create"
  | "model.attach"
  | "model.detach"
  | "model.signoff"
  | "model.report.issue";

/** Decides the model's next record from the stored one; pure, may run more than once, throws to refuse. */
export type DecideModel = (current: ModelRecord) => Omit<ModelRecord, "audit">;

/** Decides the version to issue from the stored record (it throws when the record moved on). */
export type DecideVersion = (current: ModelRecord) => ReportVersionRecord;

export interface ModelStore {
  model(id: string): Promise<ModelRecord | undefined>;
  /** Audit: `model.create` → model id. */
  createModel(record: Omit<ModelRecord, "audit">, stamp: AuditStamp): Promise<ModelRecord>;
  /** Replaces the record with what `decide` returns; `not_found` without the model. Audit: `action` → `target`. */
  changeModel(
    id: string,
    decide: DecideModel,
    action: Exclude<ModelAuditAction, "model.create" | "model.report.issue">,
    target: string,
    stamp: AuditStamp,
  ): Promise<ModelRecord>;
  /**
   * Stores `body` as the version `decide` returns (its `sha256` and `bytes` must be those of `body`)
   * and adds it to the record. Audit: `model.report.issue` → version number.
   */
  issueReport(id: string, decide: DecideVersion, body: Buffer, stamp: AuditStamp): Promise<ModelRecord>;
  /** The stored bytes of a version, unverified (the service checks them); undefined when missing. */
  reportBytes(id: string, version: number): Promise<Buffer | undefined>;
}
