/**
 * Chooses the store from the configuration: the embedded files under DATA_DIR by default, or
 * PostgreSQL when DATABASE_URL is set (its migrations applied before anything is served).
 */
import type { Config } from "../config";
import { type DocPersistence, FileDocLog } from "./docLog";
import { migrate } from "./pg/migrations";
import { PgDocLog } from "./pg/pgDocLog";
import { createPool } from "./pg/pool";

export interface OpenedStore {
  docs: DocPersistence;
  /** Releases what the store holds open (PostgreSQL's connections), after the last write. */
  close(): Promise<void>;
}

export async function openStore(config: Config): Promise<OpenedStore> {
  if (!config.databaseUrl) return { docs: new FileDocLog(config.dataDir), close: async () => {} };
  const pool = createPool(config.databaseUrl, config.databasePoolSize);
  try {
    await migrate(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  return { docs: new PgDocLog(pool), close: () => pool.end() };
}
