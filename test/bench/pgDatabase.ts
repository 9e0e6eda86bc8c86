/**
 * A throwaway PostgreSQL database for a bench run, made from BENCH_DATABASE_URL (its role must be
 * allowed to create databases) and dropped at the end; null when it is not set, and the PostgreSQL
 * figures are then left out, saying so.
 */
import pg from "pg";

export async function createBenchDatabase(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const source = process.env.BENCH_DATABASE_URL || undefined;
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
