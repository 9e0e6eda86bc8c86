/**
 * `npm run export`: the same exports as `GET /api/workshops/:id/export`, offline, from a data
 * directory (or from PostgreSQL when DATABASE_URL is set), for automation. Reads only: it never
 * writes into the data directory or the database, and does not need the server running.
 *
 *   npm run export -- --data ./data --workshop <id> [--snapshot <id>] --format md|json|csv|html [--out file]
 *   npm run export -- --data ./data --list
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { EXPORT_FORMATS, type ExportFormat } from "../../shared/workshopExport";
import { DomainError } from "../domainErrors";
import { openOfflineSources } from "../export/offline";
import { AuditService } from "../services/audit";
import { ExportService } from "../services/exporter";
import { openPostgresOfflineSources } from "../store/postgres/offline";
import { type ExportArgs, parseExportArgs } from "./exportArgs";

const USAGE = `usage: npm run export -- --data <dir> --workshop <id> [--snapshot <id>] [--format ${EXPORT_FORMATS.join("|")}] [--out <file>]
       npm run export -- --data <dir> --list`;

async function main(): Promise<number> {
  let values: ExportArgs;
  try {
    values = parseExportArgs(process.argv.slice(2), process.env.DATA_DIR || "./data");
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const dataDir = path.resolve(values.data);
  // With DATABASE_URL, the workshops are read from PostgreSQL, as the server keeps them there.
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const sources = databaseUrl
    ? await openPostgresOfflineSources(databaseUrl)
    : await openOfflineSources(dataDir);
  if (values.list) {
    for (const w of await sources.meta.workshops())
      console.log(
        `${w.id}  ${w.createdAt}  ${(await sources.meta.snapshotsOf(w.id)).length} snapshot(s)  ${w.title}`,
      );
    return 0;
  }
  const format = values.format as ExportFormat;
  if (!values.workshop || !EXPORT_FORMATS.includes(format)) {
    console.error(USAGE);
    return 2;
  }
  if (values.out && isInside(path.resolve(values.out), dataDir)) {
    console.error(
      `refusing to write ${values.out}: it is inside the data directory, which this command only reads`,
    );
    return 2;
  }
  // The operator reads the data directly: the audit trail goes into the JSON export as to a facilitator's.
  const audit = new AuditService(sources.meta);
  const file = await new ExportService(sources).file(values.workshop, format, values.snapshot, audit);
  if (values.out) {
    writeFileSync(values.out, file.body);
    console.error(`wrote ${values.out} (${file.filename})`);
  } else process.stdout.write(file.body);
  return 0;
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof DomainError) {
      console.error(`error: ${err.message} (${err.code})`);
      for (const [field, problems] of Object.entries(err.fields ?? {}))
        console.error(`  ${field}: ${problems.join("; ")}`);
    } else console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
