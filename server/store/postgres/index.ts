/**
 * Opens the PostgreSQL store (DATABASE_URL): applies the migrations this database lacks, then
 * serves metadata, document logs and snapshot blobs from it. Nothing is kept under DATA_DIR.
 */
import type { Stores } from "../repository";
import { migrate } from "./migrations";
import { PgDocLog } from "./pgDocLog";
import { PgMetaRepository } from "./pgMetaRepository";
import { PgModelStore } from "./pgModelStore";
import { PgSnapshotBlobs } from "./pgSnapshotBlobs";
import { PgTimelineStore } from "./pgTimelineStore";
import { createPool } from "./pool";

export async function openPostgresStores(databaseUrl: string, poolSize: number): Promise<Stores> {
  const pool = createPool(databaseUrl, poolSize);
  try {
    await migrate(pool);
    const meta = await PgMetaRepository.open(pool);
    return {
      meta,
      docs: new PgDocLog(pool),
      blobs: new PgSnapshotBlobs(pool),
      models: new PgModelStore(pool),
      timelines: new PgTimelineStore(pool),
      close: () => pool.end(),
    };
  } catch (err) {
    await pool.end();
    throw err;
  }
}
