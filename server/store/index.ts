/**
 * Opens the server's storage: PostgreSQL when DATABASE_URL is set, otherwise the embedded
 * default under DATA_DIR (per-workshop metadata files, document logs, snapshot blobs), migrating
 * a data directory of the first version on the way.
 */
import type { Config } from "../config";
import { FileDocLog } from "./docLog";
import { EmbeddedMetaRepository } from "./embedded/embeddedRepository";
import { migrateLegacyMeta } from "./embedded/migrate";
import { EmbeddedModelStore } from "./embedded/modelFiles";
import { EmbeddedTimelineStore } from "./embedded/timelineFiles";
import type { Stores } from "./repository";
import { SnapshotStore } from "./snapshotStore";

export async function openStores(
  config: Pick<Config, "dataDir" | "databaseUrl" | "databasePoolSize">,
): Promise<Stores> {
  if (config.databaseUrl) {
    // Loaded only when used: the PostgreSQL driver and its repositories cost the embedded default
    // megabytes of memory at rest.
    const { openPostgresStores } = await import("./postgres");
    return openPostgresStores(config.databaseUrl, config.databasePoolSize);
  }
  return openEmbeddedStores(config.dataDir);
}

export async function openEmbeddedStores(dataDir: string): Promise<Stores> {
  await migrateLegacyMeta(dataDir);
  const meta = await EmbeddedMetaRepository.open(dataDir);
  const models = new EmbeddedModelStore(dataDir);
  const timelines = new EmbeddedTimelineStore(dataDir);
  return {
    meta,
    docs: new FileDocLog(dataDir),
    blobs: new SnapshotStore(dataDir),
    models,
    timelines,
    close: async () => {
      await models.close();
      await timelines.close();
      await meta.close();
    },
  };
}
