/**
 * The export command's arguments. Workshop and snapshot ids may begin with "-" (their alphabet is
 * base64url), which `parseArgs` would take for an option: a value option's next argument is joined
 * to it (`--workshop=-abc`) unless it is itself one of our options, so a forgotten value is still
 * refused (usage, exit 2).
 */
import { parseArgs } from "node:util";

const OPTIONS = {
  data: { type: "string" },
  workshop: { type: "string" },
  snapshot: { type: "string" },
  format: { type: "string", default: "md" },
  out: { type: "string" },
  list: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;
const names = (type: "string" | "boolean") =>
  Object.entries(OPTIONS)
    .filter(([, o]) => o.type === type)
    .map(([name]) => `--${name}`);
const VALUE_OPTIONS = new Set(names("string"));
const ALL_OPTIONS = new Set([...VALUE_OPTIONS, ...names("boolean"), "-h"]);

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
    if (VALUE_OPTIONS.has(arg) && next !== undefined && !ALL_OPTIONS.has(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  const { values } = parseArgs({ args: joined, options: OPTIONS });
  return { ...values, data: values.data ?? defaultDataDir };
}
