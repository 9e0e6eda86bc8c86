/** Every metadata byte a data directory holds (index and each workshop's file), to compare before and after. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export function storedMeta(dataDir: string): string {
  const parts = [readIfExists(path.join(dataDir, "index.jsonl"))];
  const dir = path.join(dataDir, "workshops");
  const ids = existsSync(dir) ? readdirSync(dir).sort() : [];
  for (const id of ids) parts.push(`${id}\n${readIfExists(path.join(dir, id, "meta.json"))}`);
  return parts.join("\n");
}

function readIfExists(file: string): string {
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}
