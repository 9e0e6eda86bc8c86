/**
 * Every metadata byte the server stores, to compare before and after: the index and each
 * workshop's file under DATA_DIR, or every metadata row in PostgreSQL (document logs and snapshot
 * blobs are not metadata and are left out, as on disk).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { onDatabase } from "./testDatabase";

export interface StoreLocation {
  dataDir: string;
  databaseUrl?: string;
}

const PG_META_TABLES = [
  "default_framework",
  "workshops",
  "participants",
  "invites",
  "sessions",
  "frameworks",
  "rounds",
  "estimates",
  "determinations",
  "snapshots",
  "room_states",
  "audit",
  "incidents",
  "incident_reports",
  "scenario_dissent",
  "scenario_dissent_takeover",
  "models",
  "model_reports",
];

export async function storedMeta(server: StoreLocation): Promise<string> {
  if (server.databaseUrl) return storedInPostgres(server.databaseUrl);
  const { dataDir } = server;
  const parts = [readIfExists(path.join(dataDir, "index.jsonl"))];
  const dir = path.join(dataDir, "workshops");
  const ids = existsSync(dir) ? readdirSync(dir).sort() : [];
  for (const id of ids) parts.push(`${id}\n${readIfExists(path.join(dir, id, "meta.json"))}`);
  const models = path.join(dataDir, "models");
  for (const id of existsSync(models) ? readdirSync(models).sort() : []) {
    parts.push(`model ${id}\n${readIfExists(path.join(models, id, "model.json"))}`);
    const reports = path.join(models, id, "reports");
    for (const f of existsSync(reports) ? readdirSync(reports).sort() : [])
      parts.push(`${f}\n${readIfExists(path.join(reports, f))}`);
  }
  return parts.join("\n");
}

async function storedInPostgres(url: string): Promise<string> {
  return onDatabase(url, async (client) => {
    const parts: string[] = [];
    for (const table of PG_META_TABLES) {
      const { rows } = await client.query<{ r: string }>(
        `SELECT row_to_json(t)::text AS r FROM ${table} t ORDER BY 1`,
      );
      parts.push(table, ...rows.map((row) => row.r));
    }
    return parts.join("\n");
  });
}

function readIfExists(file: string): string {
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}
