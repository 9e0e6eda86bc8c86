/**
 * The PostgreSQL schema as numbered migrations, applied in order at start. They run in one
 * transaction under an advisory lock, so two instances starting together apply each one once and
 * a failed migration leaves the schema as it was. A migration, once released, is never edited:
 * a change is a new one.
 */
import { AUDIT_CHAIN_SCHEMA } from "./auditSchema";
import { INCIDENT_SCHEMA } from "./incidentSchema";
import { METADATA_SCHEMA } from "./metadataSchema";
import { MODEL_SCHEMA } from "./modelSchema";
import { inTransaction, type Pool } from "./pool";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "document logs",
    sql: `
      -- One merged Yjs update per document; version counts compactions, so an instance can tell
      -- whether another one replaced the state since it loaded.
      CREATE TABLE doc_states (
        workshop_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('content', 'control')),
        state bytea NOT NULL,
        version bigint NOT NULL,
        PRIMARY KEY (workshop_id, kind)
      );
      -- Updates since the state, in the order they were committed (and relayed).
      CREATE TABLE doc_updates (
        workshop_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('content', 'control')),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        data bytea NOT NULL,
        PRIMARY KEY (workshop_id, kind, seq)
      );
    `,
  },
  {
    version: 2,
    name: "workshop metadata",
    sql: METADATA_SCHEMA,
  },
  {
    version: 3,
    name: "audit chain and scenario dissent",
    sql: AUDIT_CHAIN_SCHEMA,
  },
  {
    version: 4,
    name: "serious incidents",
    sql: INCIDENT_SCHEMA,
  },
  {
    version: 5,
    name: "models, their report versions, and tier-timeline rounds",
    sql: MODEL_SCHEMA,
  },
];

/** Any fixed number; the one lock every Riskroom instance takes while it migrates. */
const MIGRATION_LOCK = 727_274_101;

/** Applies the migrations this database lacks; refuses a database migrated by a newer version. */
export async function migrate(pool: Pool, migrations: Migration[] = MIGRATIONS): Promise<number[]> {
  return inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await client.query<{ version: number }>("SELECT version FROM schema_migrations");
    const applied = new Set(rows.map((r) => r.version));
    const known = Math.max(0, ...migrations.map((m) => m.version));
    const newer = [...applied].filter((v) => v > known);
    if (newer.length > 0) {
      throw new Error(
        `the database was migrated by a newer Riskroom (schema version ${Math.max(...newer)}, this one knows ${known}); upgrade this server`,
      );
    }
    const done: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(m.version)) continue;
      await client.query(m.sql);
      await client.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [
        m.version,
        m.name,
      ]);
      done.push(m.version);
    }
    return done;
  });
}
