/**
 * The export command's arguments. Workshop and snapshot ids may begin with "-" (their alphabet is
 * base64url), which `parseArgs` would take for an option: a value option's next argument is joined
 * to it (`--workshop=-abc`) unless it is itself one of our options, so a forgotten value is still
 * refused (usage, exit 2).
 */
import { parseArgs } from "node:util";

const VALUE_OPTIONS = ["--data", "--workshop", "--snapshot", "--format", "--out"];
const ALL_OPTIONS = new Set([...VALUE_OPTIONS, "--list", "--help", "-h"]);

export interface ExportArgs {
  data: string;
  workshop?: string;
  snapshot?: string;
  format: string;
  out?: string;
  list: boolean;
  help: boolean;
}

export function parseExportArgs(argv: string[], defaultDataDir: string): ExportArgs {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    if (VALUE_OPTIONS.includes(arg) && next !== undefined && !ALL_OPTIONS.has(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  const { values } = parseArgs({
    args: joined,
    options: {
      data: { type: "string", default: defaultDataDir },
      workshop: { type: "string" },
      snapshot: { type: "string" },
      format: { type: "string", default: "md" },
      out: { type: "string" },
      list: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  return values;
}
