/**
 * The model's report: a version is assembled from the workshops' signed-off snapshots (each read
 * and verified by its hash), with a changelog against the version before, stored once as exact
 * JSON bytes with their SHA-256, and never changed. Every read checks the bytes against the hash
 * and refuses a version that no longer matches (`report_corrupt`).
 */
import { MODEL_REPORT_SCHEMA, type ModelReportBody } from "../../shared/modelReport";
import type { ModelReportFormat, ReportVersionView } from "../../shared/models";
import { DomainError, notFound } from "../domainErrors";
import { slug } from "../export/files";
import { htmlDocument } from "../export/htmlReport";
import { markdownDocument } from "../export/markdownReport";
import { changelog } from "../export/modelChangelog";
import { modelReportDocument } from "../export/modelReportDocument";
import { workshopPart } from "../export/modelReportParts";
import { timelinesOf } from "../export/timelineParts";
import { sha256 } from "../store/blobIntegrity";
import type { ModelRecord, ModelStore, ReportVersionRecord } from "../store/modelRecords";
import type { ExportService } from "./exporter";
import { callerName, callerStamp, type ModelCaller } from "./modelAccess";
import type { SnapshotService } from "./snapshots";

export interface ModelReportDeps {
  models: ModelStore;
  exporter: Pick<ExportService, "gather">;
  snapshots: Pick<SnapshotService, "read">;
  maxVersions: number;
}

export interface ReportFile {
  body: string | Uint8Array;
  contentType: string;
  filename: string;
  sha256: string;
}

const TYPES: Record<ModelReportFormat, string> = {
  json: "application/json; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
};

export class ModelReportService {
  constructor(private readonly deps: ModelReportDeps) {}

  /** Issues the next version from the sign-offs as they stand. */
  async issue(model: ModelRecord, caller: ModelCaller): Promise<{ version: ReportVersionView }> {
    const signed = model.workshops.flatMap((w) =>
      w.signOff ? [{ workshopId: w.workshopId, ...w.signOff }] : [],
    );
    if (signed.length === 0)
      throw new DomainError(
        "no_sign_off",
        "no attached workshop has signed off a snapshot; sign one off first",
      );
    const last = model.reports.at(-1);
    if (last && sameSignOffs(last, signed))
      throw new DomainError(
        "report_unchanged",
        `version ${last.version} was issued from these same sign-offs; sign off a new snapshot first`,
      );
    if (model.reports.length >= this.deps.maxVersions)
      throw new DomainError(
        "model_limit",
        `a model issues at most ${this.deps.maxVersions} report versions (MAX_MODEL_REPORT_VERSIONS)`,
      );
    const previous = last ? await this.body(model, last.version) : null;
    const stamp = callerStamp(caller);
    const now = new Date(stamp.at);
    const workshops = [];
    for (const s of signed) {
      const { workshopId, ...signOff } = s;
      const exp = await this.deps.exporter.gather(workshopId, s.snapshotId);
      // The snapshot's control document holds its revealed timeline rounds (read verified, again).
      const blob = await this.deps.snapshots.read(workshopId, s.snapshotId);
      const title = (riskId: string) => exp.content.risks.find((r) => r.id === riskId)?.title ?? riskId;
      const timelines = timelinesOf(Buffer.from(blob.control, "base64"), title);
      workshops.push(workshopPart(exp, signOff, now, timelines));
    }
    const { name, version: modelVersion, description, deploymentContext } = model;
    const number = (last?.version ?? 0) + 1;
    const parts = { model: { name, version: modelVersion, description, deploymentContext }, workshops };
    const body: ModelReportBody = {
      schema: MODEL_REPORT_SCHEMA,
      modelId: model.id,
      version: number,
      issuedAt: stamp.at,
      issuedBy: callerName(caller),
      ...parts,
      previous: last ? { version: last.version, sha256: last.sha256 } : null,
      changelog: changelog(previous?.body ?? null, parts),
    };
    const bytes = Buffer.from(JSON.stringify(body));
    const entry: ReportVersionRecord = {
      version: number,
      issuedAt: stamp.at,
      issuedBy: body.issuedBy,
      sha256: sha256(bytes),
      bytes: bytes.length,
      signOffs: signed,
    };
    await this.deps.models.issueReport(
      model.id,
      (current) => {
        // The changelog was made against `last`: a version issued meanwhile makes it wrong.
        if ((current.reports.at(-1)?.version ?? 0) !== number - 1)
          throw new DomainError("report_conflict", "another version was issued meanwhile; issue again");
        return entry;
      },
      bytes,
      stamp,
    );
    return { version: entry };
  }

  /** A version's body, read back and verified against its recorded hash. */
  async body(
    model: ModelRecord,
    version: number,
  ): Promise<{ body: ModelReportBody; bytes: Buffer; sha256: string }> {
    const entry = model.reports.find((r) => r.version === version);
    if (!entry) throw notFound(`version ${version} of the model's report`);
    const bytes = await this.deps.models.reportBytes(model.id, version);
    if (!bytes)
      throw new DomainError(
        "report_corrupt",
        `the stored bytes of version ${version} of this model's report are missing`,
      );
    const actual = sha256(bytes);
    if (actual !== entry.sha256)
      throw new DomainError(
        "report_corrupt",
        `version ${version} of this model's report does not match its recorded SHA-256 (expected ${entry.sha256}, found ${actual}); it is not served`,
      );
    return { body: JSON.parse(bytes.toString("utf8")) as ModelReportBody, bytes, sha256: actual };
  }

  /** A version (the latest without `version`) as a download; JSON is the stored bytes exactly. */
  async file(model: ModelRecord, format: ModelReportFormat, version?: number): Promise<ReportFile> {
    const n = version ?? model.reports.at(-1)?.version;
    if (n === undefined) throw notFound("an issued version of the model's report");
    const { body, bytes, sha256: hash } = await this.body(model, n);
    const filename = `riskroom-model-${slug(model.name, "model")}-report-v${n}.${format}`;
    const doc = () => modelReportDocument(body, hash);
    const rendered =
      format === "json" ? bytes : format === "md" ? markdownDocument(doc()) : htmlDocument(doc());
    return { body: rendered, contentType: TYPES[format], filename, sha256: hash };
  }
}

function sameSignOffs(
  last: ReportVersionRecord,
  signed: ReadonlyArray<{ workshopId: string; snapshotId: string }>,
) {
  const key = (s: { workshopId: string; snapshotId: string }) => `${s.workshopId}/${s.snapshotId}`;
  const a = last.signOffs.map(key).sort();
  const b = signed.map(key).sort();
  return a.length === b.length && a.every((k, i) => k === b[i]);
}
