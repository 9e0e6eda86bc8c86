/**
 * PostgreSQL for tests. `TEST_DATABASE_URL` names a database whose role may create databases;
 * every test server on PostgreSQL gets a database of its own, made from it and dropped after, so
 * tests stay independent and parallel files never meet. The database is named after the server's
 * data directory, so a restart on the same directory finds the same database.
 */
import { createHash } from "node:crypto";
import pg from "pg";

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** Why PostgreSQL tests are skipped here, in the test names the report shows. */
export const POSTGRES_SKIP_REASON = "skipped: TEST_DATABASE_URL is not set (.ci/postgres makes one)";

/** Whether this test run's servers use PostgreSQL (the second pass of the integration suite). */
export function serversUsePostgres(): boolean {
  return process.env.RISKROOM_TEST_STORE === "postgres";
}

function adminUrl(): string {
  if (!TEST_DATABASE_URL) throw new Error("TEST_DATABASE_URL is not set");
  return TEST_DATABASE_URL;
}

export function testDatabaseName(dataDir: string): string {
  return `riskroom_t_${createHash("sha256").update(dataDir).digest("hex").slice(0, 24)}`;
}

function urlOf(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `fn` on a connection as the test role, to the database TEST_DATABASE_URL names. */
export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The DATABASE_URL of the database that belongs to `dataDir`, created if it does not exist yet. */
export async function databaseFor(dataDir: string): Promise<string> {
  const name = testDatabaseName(dataDir);
  await withAdmin(async (client) => {
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } catch (err) {
      // 42P04: it exists already (a restart on the same data directory).
      if ((err as { code?: string }).code !== "42P04") throw err;
    }
  });
  return urlOf(name);
}

/** Drops the database of `dataDir`, ending any connection still open to it. */
export async function dropDatabaseFor(dataDir: string): Promise<void> {
  await withAdmin((client) =>
    client.query(`DROP DATABASE IF EXISTS ${testDatabaseName(dataDir)} WITH (FORCE)`),
  );
}
