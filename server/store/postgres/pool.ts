/** The PostgreSQL connection pool, and a transaction helper that always releases its client. */
import pg from "pg";

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

export function createPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max });
  // An idle client whose backend goes away emits here; unhandled, it would end the process.
  pool.on("error", (err) => console.error(`an idle PostgreSQL connection failed: ${err.message}`));
  return pool;
}

/** Runs `fn` in one transaction: committed if it returns, rolled back if it throws. */
export async function inTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
  begin = "BEGIN",
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  // A checked-out client whose connection dies emits here too; unheard, it would end the process.
  const onError = () => {
    broken = true;
  };
  client.on("error", onError);
  try {
    await client.query(begin);
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    try {
      await client.query("ROLLBACK");
    } catch {
      // The connection itself failed: it must not go back to the pool.
      broken = true;
    }
    throw err;
  } finally {
    client.off("error", onError);
    client.release(broken);
  }
}
