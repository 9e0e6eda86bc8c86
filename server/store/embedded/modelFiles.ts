/**
 * Models in the embedded store: `<dataDir>/models/<id>/model.json` (the record, replaced whole by a
 * durable write) and `<dataDir>/models/<id>/reports/<version>.json` (each version's bytes, written
 * before the record that names them). Writes of one model run one at a time, so a write reads the
 * record it replaces; a write costs what that model holds.
 */
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { notFound, StoreCorrupt, StoreUnavailable } from "../../domainErrors";
import { writeDurable } from "../durableWrite";
import { withModelAudit } from "../modelAudit";
import type { DecideModel, DecideVersion, ModelRecord, ModelStore } from "../modelRecords";
import type { AuditStamp } from "../repository";
import { readJsonStrict } from "./durableFile";
import { deepFreeze } from "./freeze";
import { KeyedQueue } from "./keyedQueue";

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export class EmbeddedModelStore implements ModelStore {
  private readonly queue = new KeyedQueue();

  constructor(private readonly dataDir: string) {}

  private dir(id: string): string {
    return path.join(this.dataDir, "models", id);
  }

  private reportFile(id: string, version: number): string {
    return path.join(this.dir(id), "reports", `${version}.json`);
  }

  async model(id: string): Promise<ModelRecord | undefined> {
    // An id that could not have been made here is never turned into a path.
    if (!SAFE_ID.test(id)) return undefined;
    const value = await readJsonStrict(path.join(this.dir(id), "model.json"));
    if (value === null) return undefined;
    const record = value as ModelRecord;
    if (record.id !== id || !Array.isArray(record.workshops) || !Array.isArray(record.reports))
      throw new StoreCorrupt(`the record of model ${id} is not a model record`);
    return deepFreeze(record);
  }

  createModel(record: Omit<ModelRecord, "audit">, stamp: AuditStamp): Promise<ModelRecord> {
    return this.queue.run(record.id, async () => {
      if (await this.model(record.id)) throw new Error(`model ${record.id} exists already`);
      const next = withModelAudit(undefined, record, "model.create", record.id, stamp);
      await this.durably(async () => {
        await mkdir(path.join(this.dir(record.id), "reports"), { recursive: true });
        await this.writeRecord(next);
      });
      return deepFreeze(next);
    });
  }

  changeModel(
    id: string,
    decide: DecideModel,
    action: Parameters<ModelStore["changeModel"]>[2],
    target: string,
    stamp: AuditStamp,
  ): Promise<ModelRecord> {
    return this.queue.run(id, async () => {
      const current = await this.model(id);
      if (!current) throw notFound("model");
      const next = withModelAudit(current, { ...decide(current), id }, action, target, stamp);
      await this.durably(() => this.writeRecord(next));
      return deepFreeze(next);
    });
  }

  issueReport(id: string, decide: DecideVersion, body: Buffer, stamp: AuditStamp): Promise<ModelRecord> {
    return this.queue.run(id, async () => {
      const current = await this.model(id);
      if (!current) throw notFound("model");
      const entry = decide(current);
      const { audit: _a, ...rest } = current;
      const next = withModelAudit(
        current,
        { ...rest, reports: [...current.reports, entry] },
        "model.report.issue",
        String(entry.version),
        stamp,
      );
      await this.durably(async () => {
        // No record names this version yet, so a file left by a failed earlier write may be replaced.
        await writeDurable(this.reportFile(id, entry.version), body);
        await this.writeRecord(next);
      });
      return deepFreeze(next);
    });
  }

  async reportBytes(id: string, version: number): Promise<Buffer | undefined> {
    if (!SAFE_ID.test(id)) return undefined;
    try {
      return await readFile(this.reportFile(id, version));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.queue.idle();
  }

  private writeRecord(record: ModelRecord): Promise<void> {
    return writeDurable(path.join(this.dir(record.id), "model.json"), JSON.stringify(record));
  }

  private async durably(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (err) {
      throw new StoreUnavailable("the model could not be stored; nothing was changed, try again", {
        cause: err,
      });
    }
  }
}
