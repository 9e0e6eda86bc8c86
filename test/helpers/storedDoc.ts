/**
 * Every byte stored for one document, from whichever store the server uses: the merged state and
 * the updates since, in order (files under DATA_DIR, or PostgreSQL's rows). Tests look in it for
 * text that must, or must never, have been stored.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { onDatabase } from "./testDatabase";
import type { TestServer } from "./testServer";

export async function storedDocBytes(server: TestServer, workshopId: string, kind: string): Promise<Buffer> {
  if (server.databaseUrl) return storedInPostgres(server.databaseUrl, workshopId, kind);
  const dir = path.join(server.dataDir, "docs", workshopId);
  const files = readdirSync(dir).filter((f) => f.startsWith(`${kind}.`) && !f.endsWith(".tmp"));
  return Buffer.concat(files.sort().map((f) => readFileSync(path.join(dir, f))));
}

function storedInPostgres(url: string, workshopId: string, kind: string): Promise<Buffer> {
  return onDatabase(url, async (client) => {
    const args = [workshopId, kind];
    const state = await client.query<{ state: Buffer }>(
      "SELECT state FROM doc_states WHERE workshop_id = $1 AND kind = $2",
      args,
    );
    const rows = await client.query<{ data: Buffer }>(
      "SELECT data FROM doc_updates WHERE workshop_id = $1 AND kind = $2 ORDER BY seq",
      args,
    );
    return Buffer.concat([...state.rows.map((r) => r.state), ...rows.rows.map((r) => r.data)]);
  });
}

/** Deletes everything stored of one document, as a lost file would (the server must be stopped). */
export async function removeStoredDoc(server: TestServer, workshopId: string, kind: string): Promise<void> {
  if (!server.databaseUrl) {
    const dir = path.join(server.dataDir, "docs", workshopId);
    for (const file of readdirSync(dir)) if (file.startsWith(`${kind}.`)) rmSync(path.join(dir, file));
    return;
  }
  await onDatabase(server.databaseUrl, async (c) => {
    for (const table of ["doc_states", "doc_updates"])
      await c.query(`DELETE FROM ${table} WHERE workshop_id = $1 AND kind = $2`, [workshopId, kind]);
  });
}

/** The workshops that have any document stored, sorted. */
export async function storedDocWorkshops(server: TestServer): Promise<string[]> {
  if (!server.databaseUrl) {
    const dir = path.join(server.dataDir, "docs");
    return existsSync(dir) ? readdirSync(dir).sort() : [];
  }
  const { rows } = await onDatabase(server.databaseUrl, (c) =>
    c.query<{ id: string }>(
      "SELECT workshop_id AS id FROM doc_states UNION SELECT workshop_id FROM doc_updates ORDER BY 1",
    ),
  );
  return rows.map((r) => r.id);
}
