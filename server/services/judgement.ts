/**
 * The rules of a determination's basis and of the overall verdict, as pure functions run inside
 * the store's write: a risk with a tier ladder is judged on it; one without (a non-specified risk,
 * under "other criteria") by a written criterion and justification; and an "acceptable" overall
 * verdict over a risk judged "not acceptable" carries that warning and a justification of it.
 */

import type { z } from "zod";
import type { LadderTier } from "../../shared/estimation/framework";
import {
  conflictingRisks,
  type Determination,
  type determinationBody,
  MIN_WRITTEN_REASON,
  type OverallVerdict,
} from "../../shared/estimationView";
import { invalidInput } from "../domainErrors";

type Body = z.infer<typeof determinationBody>;
type Basis = Pick<Determination, "tierId"> & Partial<Pick<Determination, "criterion" | "justification">>;

export function judgedBy(ladder: readonly LadderTier[], body: Body): Basis {
  if (ladder.length > 0) {
    if (body.tierId === null || !ladder.some((t) => t.id === body.tierId))
      throw invalidInput("no such tier on this risk's ladder", { tierId: ["not on this risk's ladder"] });
    return { tierId: body.tierId };
  }
  const fields: Record<string, string[]> = {};
  if (body.tierId !== null)
    fields.tierId = ["this risk has no tier ladder: judge it under a written criterion"];
  const short = `write at least ${MIN_WRITTEN_REASON} characters`;
  if (body.criterion.length < MIN_WRITTEN_REASON) fields.criterion = [short];
  if (body.justification.length < MIN_WRITTEN_REASON) fields.justification = [short];
  if (Object.keys(fields).length > 0)
    throw invalidInput(
      "a risk without a tier ladder is judged under a written criterion, with a justification",
      fields,
    );
  return { tierId: null, criterion: body.criterion, justification: body.justification };
}

export function verdictWithConflicts(
  body: Pick<OverallVerdict, "verdict" | "justification" | "conflictJustification">,
  determinations: ReadonlyArray<Pick<Determination, "riskId" | "verdict">>,
  by: Pick<OverallVerdict, "by" | "at">,
): OverallVerdict {
  const { conflictJustification, ...rest } = body;
  const conflicts = conflictingRisks(body.verdict, determinations);
  if (conflicts.length === 0) return { ...rest, ...by };
  if ((conflictJustification ?? "").length < MIN_WRITTEN_REASON)
    throw invalidInput(
      `the overall verdict says acceptable while ${conflicts.length === 1 ? "a risk is" : `${conflicts.length} risks are`} judged not acceptable (${conflicts.join(", ")}): justify it`,
      {
        conflictJustification: [
          `say why the model is acceptable overall (at least ${MIN_WRITTEN_REASON} characters)`,
        ],
      },
    );
  return { ...rest, ...by, conflicts, conflictJustification: conflictJustification ?? "" };
}
