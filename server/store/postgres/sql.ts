/** Small SQL helpers the PostgreSQL repository's writes share, each taking the transaction's client. */
import { type AuditEntry, isChained, sealAudit } from "../../../shared/audit";
import type { Framework } from "../../../shared/estimation/framework";
import { notFound } from "../../domainErrors";
import { chainOf, sha256Hex } from "../auditChain";
import type { AuditAction, AuditRecord, FrameworkRecord, WorkshopRecord } from "../records";
import type { AuditStamp } from "../repository";
import type { Pool, PoolClient } from "./pool";

export type Db = Pool | PoolClient;

/** The `record` column of every row the query returns, in its order. */
export async function records<T>(db: Db, sql: string, args: unknown[]): Promise<T[]> {
  const { rows } = await db.query<{ record: T }>(sql, args);
  return rows.map((r) => r.record);
}

export async function record<T>(db: Db, sql: string, args: unknown[]): Promise<T | undefined> {
  return (await records<T>(db, sql, args))[0];
}

/**
 * Locks the workshop's row for the rest of the transaction: every write of one workshop takes it
 * first, so writes of a workshop run one after another (as the embedded store's queue does) and
 * each guard reads what the previous write left. Writes of other workshops are not held up.
 */
export async function lockWorkshop(client: PoolClient, workshopId: string): Promise<WorkshopRecord> {
  const workshop = await record<WorkshopRecord>(
    client,
    "SELECT record FROM workshops WHERE id = $1 FOR NO KEY UPDATE",
    [workshopId],
  );
  if (!workshop) throw notFound("workshop");
  return workshop;
}

/**
 * Appends one entry chained to the workshop's last one. The caller holds the workshop's row lock
 * (`lockWorkshop`, or the row is its own uncommitted insert), so the head read here is the head
 * this entry extends; the unique (workshop_id, seq) index refuses a fork should that ever fail.
 */
export async function appendAuditRow(
  client: PoolClient,
  workshopId: string,
  stamp: AuditStamp,
  action: AuditAction,
  target?: string,
): Promise<void> {
  const fields = {
    at: stamp.at,
    workshopId,
    actor: stamp.actor,
    action,
    ...(target === undefined ? {} : { target }),
  };
  const head = await record<AuditRecord | AuditEntry>(
    client,
    "SELECT record FROM audit WHERE workshop_id = $1 ORDER BY n DESC LIMIT 1",
    [workshopId],
  );
  const last = head === undefined || isChained(head) ? head : await chainLegacyRows(client, workshopId);
  await insertAuditEntry(client, sealAudit(last, fields, sha256Hex));
}

/** Replaces a trail stored before the chain with its chain (genesis first); returns its head. */
async function chainLegacyRows(client: PoolClient, workshopId: string): Promise<AuditEntry | undefined> {
  const stored = await records<AuditRecord | AuditEntry>(
    client,
    "SELECT record FROM audit WHERE workshop_id = $1 ORDER BY n",
    [workshopId],
  );
  const chain = chainOf(stored);
  await client.query("DELETE FROM audit WHERE workshop_id = $1", [workshopId]);
  for (const entry of chain) await insertAuditEntry(client, entry);
  return chain.at(-1);
}

async function insertAuditEntry(client: PoolClient, entry: AuditEntry): Promise<void> {
  await client.query("INSERT INTO audit (workshop_id, seq, hash, record) VALUES ($1, $2, $3, $4)", [
    entry.workshopId,
    entry.seq,
    entry.hash,
    entry,
  ]);
}

/** The workshop's framework record, or the stored default when it never wrote one. */
export async function frameworkRecord(
  db: Db,
  workshopId: string,
  fallback: Framework,
): Promise<FrameworkRecord> {
  const stored = await record<FrameworkRecord>(db, "SELECT record FROM frameworks WHERE workshop_id = $1", [
    workshopId,
  ]);
  return stored ?? { workshopId, framework: fallback, lock: null, unlocks: [] };
}

export async function saveFramework(client: PoolClient, framework: FrameworkRecord): Promise<void> {
  await client.query(
    `INSERT INTO frameworks (workshop_id, record) VALUES ($1, $2)
     ON CONFLICT (workshop_id) DO UPDATE SET record = EXCLUDED.record`,
    [framework.workshopId, framework],
  );
}
