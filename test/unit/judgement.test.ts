/** The rules of a determination's basis and of the overall verdict over a risk judged not acceptable. */
import { describe, expect, it } from "vitest";
import { DomainError } from "../../server/domainErrors";
import { judgedBy, verdictWithConflicts } from "../../server/services/judgement";
import { defaultFramework } from "../../shared/estimation/framework";
import { determinationBody } from "../../shared/estimationView";

const ladder = defaultFramework().ladders.cbrn!;
const body = (extra: Record<string, unknown>) => determinationBody.parse({ verdict: "acceptable", ...extra });
const by = { by: "Fran", at: "2026-12-01T10:00:00.000Z" };

function fieldsOf(fn: () => unknown): Record<string, string[]> | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err.fields;
    throw err;
  }
  throw new Error("did not refuse");
}

describe("a determination's basis", () => {
  it("is the tier on a risk's ladder when it has one", () => {
    expect(judgedBy(ladder, body({ tierId: ladder[0]!.id }))).toEqual({ tierId: ladder[0]!.id });
    expect(fieldsOf(() => judgedBy(ladder, body({ tierId: null })))).toEqual({
      tierId: ["not on this risk's ladder"],
    });
  });

  it("is a written criterion and justification when the risk has no ladder", () => {
    const ok = body({ criterion: "Below one in ten thousand", justification: "Usage data for a year" });
    expect(judgedBy([], ok)).toEqual({
      tierId: null,
      criterion: "Below one in ten thousand",
      justification: "Usage data for a year",
    });
    expect(
      Object.keys(fieldsOf(() => judgedBy([], body({ tierId: "x", criterion: "short" }))) ?? {}).sort(),
    ).toEqual(["criterion", "justification", "tierId"]);
  });
});

describe("the overall verdict", () => {
  const dets = [
    { riskId: "cbrn", verdict: "acceptable" as const },
    { riskId: "other", verdict: "not-acceptable" as const },
  ];

  it("needs no more when nothing conflicts", () => {
    expect(verdictWithConflicts({ verdict: "not-acceptable", justification: "x" }, dets, by)).toEqual({
      verdict: "not-acceptable",
      justification: "x",
      ...by,
    });
    expect(
      verdictWithConflicts({ verdict: "acceptable", justification: "x" }, dets.slice(0, 1), by).conflicts,
    ).toBeUndefined();
  });

  it("refuses 'acceptable' over a risk judged not acceptable without a reason, and keeps the warning with one", () => {
    expect(
      fieldsOf(() => verdictWithConflicts({ verdict: "acceptable", justification: "x" }, dets, by)),
    ).toHaveProperty("conflictJustification");
    const v = verdictWithConflicts(
      { verdict: "acceptable", justification: "x", conflictJustification: "Excluded by contract" },
      dets,
      by,
    );
    expect(v).toMatchObject({ conflicts: ["other"], conflictJustification: "Excluded by contract" });
  });
});
