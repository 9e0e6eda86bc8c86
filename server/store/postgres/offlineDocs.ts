/**
 * Both documents of a workshop as stored in PostgreSQL, each merged into one update, read in one
 * snapshot and without loading a room: for the offline export, beside a running server.
 */
import * as Y from "yjs";
import { inTransaction, type Pool } from "./pool";

export async function readStoredDocs(
  pool: Pool,
  workshopId: string,
): Promise<{ content: Uint8Array; control: Uint8Array }> {
  const rows = await inTransaction(
    pool,
    async (client) => {
      const states = await client.query<{ kind: string; data: Buffer }>(
        "SELECT kind, state AS data FROM doc_states WHERE workshop_id = $1",
        [workshopId],
      );
      const updates = await client.query<{ kind: string; data: Buffer }>(
        "SELECT kind, data FROM doc_updates WHERE workshop_id = $1 ORDER BY kind, seq",
        [workshopId],
      );
      return [...states.rows, ...updates.rows];
    },
    "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
  );
  const merged = (kind: string) =>
    Y.mergeUpdates(rows.filter((r) => r.kind === kind && r.data.length > 0).map((r) => r.data));
  return { content: merged("content"), control: merged("control") };
}
