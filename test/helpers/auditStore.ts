/**
 * Reaches into a stopped server's stored audit trail, on either store: to forge one entry (as an
 * intruder with write access to the files or the database would) or to strip the chain (as an
 * earlier version stored it).
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { onDatabase } from "./testDatabase";
import type { TestServer } from "./testServer";

type Entry = Record<string, unknown>;

function metaFile(server: TestServer, workshopId: string): string {
  return path.join(server.dataDir, "workshops", workshopId, "meta.json");
}

/** Rewrites every stored entry of the workshop through `fn` (index → new entry), order kept. */
export async function rewriteStoredAudit(
  server: TestServer,
  workshopId: string,
  fn: (entry: Entry, index: number) => Entry,
): Promise<void> {
  if (server.databaseUrl) {
    await onDatabase(server.databaseUrl, async (client) => {
      const { rows } = await client.query<{ n: string; record: Entry }>(
        "SELECT n, record FROM audit WHERE workshop_id = $1 ORDER BY n",
        [workshopId],
      );
      for (const [i, row] of rows.entries()) {
        const next = fn(row.record, i);
        const seq = typeof next.seq === "number" ? next.seq : null;
        const hash = typeof next.hash === "string" ? next.hash : null;
        await client.query(
          "UPDATE audit SET record = $1, seq = $2, hash = $3 WHERE workshop_id = $4 AND n = $5",
          [next, seq, hash, workshopId, row.n],
        );
      }
    });
    return;
  }
  const file = metaFile(server, workshopId);
  const meta = JSON.parse(readFileSync(file, "utf8")) as { audit: Entry[] };
  meta.audit = meta.audit.map(fn);
  writeFileSync(file, JSON.stringify(meta));
}

/** The stored entries as they are, without the repository's view. */
export async function storedAudit(server: TestServer, workshopId: string): Promise<Entry[]> {
  if (server.databaseUrl)
    return onDatabase(server.databaseUrl, async (client) => {
      const { rows } = await client.query<{ record: Entry }>(
        "SELECT record FROM audit WHERE workshop_id = $1 ORDER BY n",
        [workshopId],
      );
      return rows.map((r) => r.record);
    });
  return (JSON.parse(readFileSync(metaFile(server, workshopId), "utf8")) as { audit: Entry[] }).audit;
}
