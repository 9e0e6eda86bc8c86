/**
 * Chooses the document store from the configuration: the file logs under DATA_DIR by default, or
 * PostgreSQL when DATABASE_URL is set (its migrations applied before anything is served).
 * Until the services take `Stores` from `openStores` (server/store/index.ts), only the document logs are used.
 */
import type { Config } from "../config";
import { type DocPersistence, FileDocLog } from "./docLog";
import { openPostgresStores } from "./postgres";

export interface OpenedStore {
  docs: DocPersistence;
  /** Releases what the store holds open (PostgreSQL's connections), after the last write. */
  close(): Promise<void>;
}

export async function openStore(config: Config): Promise<OpenedStore> {
  if (!config.databaseUrl) return { docs: new FileDocLog(config.dataDir), close: async () => {} };
  return openPostgresStores(config.databaseUrl, config.databasePoolSize);
}
