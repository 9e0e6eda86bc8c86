/**
 * Bounds an import before its schema sees it: zod's recursive rich-text schema recurses, and so
 * would every later reader, so depth and size are checked here, iteratively, on the parsed JSON.
 * A narrative deeper than MAX_RICH_TEXT_DEPTH or larger than MAX_RICH_TEXT_NODES, or any value
 * nested deeper than MAX_IMPORT_JSON_DEPTH, is refused with 400 and the path.
 */
import { richTextProblem } from "../../shared/content/richTextWalk";
import { MAX_IMPORT_JSON_DEPTH, MAX_RICH_TEXT_DEPTH, MAX_RICH_TEXT_NODES } from "../../shared/limits";
import { DomainError } from "../domainErrors";

type Path = Array<string | number>;

/** A path for a message: a thousand-level path is cut, its length said. */
function showPath(path: Path): string {
  const shown = path.slice(0, 12).join(".");
  return path.length > 12 ? `${shown}… (${path.length} levels)` : shown;
}

export function checkImportBounds(json: unknown): void {
  checkNarratives(json);
  const deep = deepestPath(json, MAX_IMPORT_JSON_DEPTH);
  if (deep)
    throw new DomainError(
      "nesting_too_deep",
      `the import nests deeper than ${MAX_IMPORT_JSON_DEPTH} levels`,
      {
        [showPath(deep)]: [`nested deeper than ${MAX_IMPORT_JSON_DEPTH} levels`],
      },
    );
}

function checkNarratives(json: unknown): void {
  const scenarios = (json as { export?: { content?: { scenarios?: unknown } } } | null)?.export?.content
    ?.scenarios;
  if (!Array.isArray(scenarios)) return;
  scenarios.forEach((scenario, i) => {
    const narrative = (scenario as { narrative?: unknown } | null)?.narrative;
    const problem = richTextProblem(narrative);
    if (!problem) return;
    const at = ["export", "content", "scenarios", i, "narrative"];
    const why =
      problem.kind === "too_deep"
        ? `nested deeper than ${MAX_RICH_TEXT_DEPTH} levels`
        : `more than ${MAX_RICH_TEXT_NODES} nodes`;
    throw new DomainError(
      problem.kind === "too_deep" ? "nesting_too_deep" : "narrative_too_large",
      `scenario ${i}'s narrative is ${why} (at ${showPath([...at, ...problem.path])})`,
      { [at.join(".")]: [why] },
    );
  });
}

/** The path to the first value nested deeper than `max` (the root is depth 0), or null. */
function deepestPath(root: unknown, max: number): Path | null {
  const stack: Array<{ value: unknown; path: Path }> = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (path.length > max) return path;
    if (value === null || typeof value !== "object") continue;
    const entries: Array<[string | number, unknown]> = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.entries(value);
    for (const [key, child] of entries)
      if (child !== null && typeof child === "object") stack.push({ value: child, path: [...path, key] });
  }
  return null;
}
