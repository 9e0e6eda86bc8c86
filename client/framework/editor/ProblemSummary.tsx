import type { Framework, Problem } from "../../../shared/estimation/framework";
import { describePath, pathKey } from "../problems";
import { plural } from "./editorState";

/** Every problem in one list, so none hides in a collapsed section; each also shows at its field. */
export function ProblemSummary({
  problems,
  draft,
  riskTitle,
}: {
  problems: readonly Problem[];
  draft: Framework;
  riskTitle(riskId: string): string;
}) {
  if (problems.length === 0) return null;
  return (
    <section className="fw-problems" aria-labelledby="fw-problems-h">
      <h3 id="fw-problems-h">{plural(problems.length, "problem")} to fix</h3>
      <ul>
        {problems.map((p) => (
          <li key={`${pathKey(p.path)}:${p.message}`}>
            <strong>{describePath(p.path, draft, riskTitle)}:</strong> {p.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
