/**
 * Models in PostgreSQL (see modelSchema.ts): each write one transaction that locks the model's row
 * first, so a write decides on the record it replaces; a version's bytes and the record that names
 * them commit together.
 */
import { DomainError, notFound, StoreUnavailable } from "../../domainErrors";
import { withModelAudit } from "../modelAudit";
import type { DecideModel, DecideVersion, ModelRecord, ModelStore } from "../modelRecords";
import type { AuditStamp } from "../repository";
import { inTransaction, type Pool, type PoolClient } from "./pool";

export class PgModelStore implements ModelStore {
  constructor(private readonly pool: Pool) {}

  model(id: string): Promise<ModelRecord | undefined> {
    return guarded(async () => {
      const { rows } = await this.pool.query<{ record: ModelRecord }>(
        "SELECT record FROM models WHERE id = $1",
        [id],
      );
      return rows[0]?.record;
    });
  }

  createModel(record: Omit<ModelRecord, "audit">, stamp: AuditStamp): Promise<ModelRecord> {
    const next = withModelAudit(undefined, record, "model.create", record.id, stamp);
    return guarded(async () => {
      await this.pool.query("INSERT INTO models (id, record) VALUES ($1, $2)", [next.id, next]);
      return next;
    });
  }

  changeModel(
    id: string,
    decide: DecideModel,
    action: Parameters<ModelStore["changeModel"]>[2],
    target: string,
    stamp: AuditStamp,
  ): Promise<ModelRecord> {
    return this.write(id, async (client, current) => {
      const next = withModelAudit(current, { ...decide(current), id }, action, target, stamp);
      await client.query("UPDATE models SET record = $2 WHERE id = $1", [id, next]);
      return next;
    });
  }

  issueReport(id: string, decide: DecideVersion, body: Buffer, stamp: AuditStamp): Promise<ModelRecord> {
    return this.write(id, async (client, current) => {
      const entry = decide(current);
      const { audit: _a, ...rest } = current;
      const next = withModelAudit(
        current,
        { ...rest, reports: [...current.reports, entry] },
        "model.report.issue",
        String(entry.version),
        stamp,
      );
      await client.query("INSERT INTO model_reports (model_id, version, body) VALUES ($1, $2, $3)", [
        id,
        entry.version,
        body,
      ]);
      await client.query("UPDATE models SET record = $2 WHERE id = $1", [id, next]);
      return next;
    });
  }

  reportBytes(id: string, version: number): Promise<Buffer | undefined> {
    return guarded(async () => {
      const { rows } = await this.pool.query<{ body: Buffer }>(
        "SELECT body FROM model_reports WHERE model_id = $1 AND version = $2",
        [id, version],
      );
      return rows[0]?.body;
    });
  }

  private write<R>(id: string, fn: (client: PoolClient, current: ModelRecord) => Promise<R>): Promise<R> {
    return guarded(() =>
      inTransaction(this.pool, async (client) => {
        const { rows } = await client.query<{ record: ModelRecord }>(
          "SELECT record FROM models WHERE id = $1 FOR UPDATE",
          [id],
        );
        const current = rows[0]?.record;
        if (!current) throw notFound("model");
        return fn(client, current);
      }),
    );
  }
}

/** Domain errors pass as they are; anything else PostgreSQL throws becomes `StoreUnavailable`. */
async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof DomainError) throw err;
    console.error("PostgreSQL model operation failed:", err);
    throw new StoreUnavailable("the model store is unavailable; nothing was changed, try again", {
      cause: err,
    });
  }
}
