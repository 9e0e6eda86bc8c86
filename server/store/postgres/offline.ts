/**
 * The offline export's view of a PostgreSQL database, read-only: no migration, no write, and the
 * pool lets the process exit once it is idle. A database this version has not migrated (or one a
 * newer version did) is refused with what to do.
 */
import pg from "pg";
import type { ExportSources } from "../../export/gather";
import { readSnapshot } from "../../services/snapshots";
import { MIGRATIONS } from "./migrations";
import { readStoredDocs } from "./offlineDocs";
import { PgMetaRepository } from "./pgMetaRepository";
import { PgSnapshotBlobs } from "./pgSnapshotBlobs";

export async function openPostgresOfflineSources(databaseUrl: string): Promise<ExportSources> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, allowExitOnIdle: true });
  pool.on("error", (err) => console.error(`an idle PostgreSQL connection failed: ${err.message}`));
  const known = Math.max(...MIGRATIONS.map((m) => m.version));
  const { rows } = await pool
    .query<{ version: number | null }>("SELECT max(version) AS version FROM schema_migrations")
    .catch(() => ({ rows: [{ version: null }] }));
  const version = rows[0]?.version ?? null;
  if (version !== known)
    throw new Error(
      version === null || version < known
        ? "the database is not migrated to this version: start the server on it once first"
        : `the database was migrated by a newer Riskroom (schema version ${version}); use that version`,
    );
  const meta = await PgMetaRepository.open(pool, { readOnly: true });
  const blobs = new PgSnapshotBlobs(pool);
  return {
    meta,
    snapshots: { read: (workshopId, id) => readSnapshot({ meta, blobs }, workshopId, id) },
    readDocs: (id) => readStoredDocs(pool, id),
  };
}
