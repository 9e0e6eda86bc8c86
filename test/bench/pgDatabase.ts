/**
 * A throwaway PostgreSQL database for a bench run, made from BENCH_DATABASE_URL (or
 * TEST_DATABASE_URL) and dropped at the end; null when neither is set, and the PostgreSQL figures
 * are then left out, saying so.
 */
import pg from "pg";

export function benchDatabaseSource(): string | undefined {
  return process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
}

export async function createBenchDatabase(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const source = benchDatabaseSource();
  if (!source) return null;
  const name = `riskroom_bench_${process.pid}_${Date.now()}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: source });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(source);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
