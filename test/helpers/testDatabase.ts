/**
 * PostgreSQL for tests. `TEST_DATABASE_URL` names a database whose role may create databases;
 * every test server on PostgreSQL gets a database of its own, made from it and dropped after, so
 * tests stay independent and parallel files never meet. The database is named after the server's
 * data directory, so a restart on the same directory finds the same database.
 */
import { createHash, randomUUID } from "node:crypto";
import pg from "pg";

export const TEST_DATABASE_URL = checkedUrl(process.env.TEST_DATABASE_URL || undefined);

/** A mangled URL (a tool's chatter captured with it) fails here, by name, not as a DNS error later. */
function checkedUrl(url: string | undefined): string | undefined {
  if (url !== undefined && !/^postgres(ql)?:\/\/\S+$/.test(url)) {
    throw new Error(`TEST_DATABASE_URL is not one postgres:// URL: ${JSON.stringify(url)}`);
  }
  return url;
}

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

/** Runs `fn` on a connection of its own to `url`, closed after. */
export async function onDatabase<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Runs `fn` on a connection as the test role, to the database TEST_DATABASE_URL names. */
export function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  return onDatabase(adminUrl(), fn);
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

/** A database of its own for one test, with the URL to reach it and a drop for after. */
export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const key = `fresh-${randomUUID()}`;
  const url = await databaseFor(key);
  return { url, drop: () => dropDatabaseFor(key) };
}

/**
 * Cuts the database off: no new connection is accepted and every open one is ended, as when
 * PostgreSQL goes away mid-request. `restore` lets connections in again.
 */
export async function cutOff(url: string): Promise<{ restore(): Promise<void> }> {
  const name = new URL(url).pathname.slice(1);
  await withAdmin(async (client) => {
    await client.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [name]);
  });
  return {
    restore: () =>
      withAdmin((client) => client.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`)).then(() => {}),
  };
}
