/**
 * Framework problems by field: the live check of the draft and the server's field errors both
 * become `Problem`s keyed by their dotted path, so each input finds the messages that concern it.
 */
import type { Framework, Problem } from "../../shared/estimation/framework";

export type Path = ReadonlyArray<string | number>;
export type ProblemIndex = ReadonlyMap<string, string[]>;

export const pathKey = (path: Path): string => path.join(".");

export function indexProblems(problems: readonly Problem[]): ProblemIndex {
  const index = new Map<string, string[]>();
  for (const p of problems) {
    const key = pathKey(p.path);
    const messages = index.get(key) ?? [];
    if (!messages.includes(p.message)) messages.push(p.message);
    index.set(key, messages);
  }
  return index;
}

/** The messages about exactly this field. */
export const messagesAt = (index: ProblemIndex, path: Path): string[] => index.get(pathKey(path)) ?? [];

/** True when any problem concerns this field or something inside it. */
export function hasProblemsUnder(index: ProblemIndex, path: Path): boolean {
  const key = pathKey(path);
  for (const k of index.keys()) if (k === key || k.startsWith(`${key}.`)) return true;
  return false;
}

/**
 * The server's `fields` (dotted path → messages) as problems. Paths of a PUT body start with
 * "framework."; that prefix is dropped so they line up with the draft's own paths. Array indices
 * come back as numbers so they match the live check's keys either way.
 */
export function serverProblems(
  fields: Record<string, string[]> | undefined,
  prefix = "framework",
): Problem[] {
  if (!fields) return [];
  return Object.entries(fields).flatMap(([key, messages]) => {
    const parts = key.split(".");
    if (parts[0] === prefix) parts.shift();
    const path = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    return messages.map((message) => ({ path, message }));
  });
}

const SECTIONS: Record<string, string> = {
  likelihoodBands: "Likelihood band",
  severityLevels: "Severity level",
  tiers: "Matrix tier",
  matrix: "Matrix",
  aggregation: "Aggregation method",
  ladders: "Ladder",
};

/** Where a problem is, in words: "Likelihood band 3 (Likely) · upper", "Matrix · Likely × Severe". */
export function describePath(path: Path, f: Framework, riskTitle?: (riskId: string) => string): string {
  const [section, a, b, ...rest] = path;
  if (section === undefined || path.length === 0) return "Framework";
  const name = SECTIONS[String(section)] ?? String(section);
  const tail = (parts: Path) => (parts.length > 0 ? ` · ${parts.join(" ")}` : "");
  if (typeof a === "number") {
    const item =
      section === "likelihoodBands"
        ? f.likelihoodBands[a]?.label
        : section === "severityLevels"
          ? f.severityLevels[a]?.name
          : section === "tiers"
            ? f.tiers[a]?.name
            : undefined;
    return `${name} ${a + 1}${item ? ` (${item})` : ""}${tail([b, ...rest].filter((x) => x !== undefined))}`;
  }
  if (section === "matrix" && a !== undefined) {
    const band = f.likelihoodBands.find((x) => x.id === a)?.label ?? String(a);
    const level = b === undefined ? undefined : (f.severityLevels.find((x) => x.id === b)?.name ?? String(b));
    return `Matrix · ${band}${level ? ` × ${level}` : ""}`;
  }
  if (section === "ladders" && a !== undefined) {
    const risk = riskTitle?.(String(a)) ?? String(a);
    const rung = typeof b === "number" ? ` · tier ${b + 1}` : "";
    return `${name} of ${risk}${rung}${tail(rest)}`;
  }
  return `${name}${tail([a, b, ...rest].filter((x) => x !== undefined))}`;
}
