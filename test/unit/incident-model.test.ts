import { describe, expect, it } from "vitest";
import { bodyOf, draftOf, fromLocalInput, newDraft, toLocalInput } from "../../client/incidents/incidentForm";
import { incidentReportDocument } from "../../server/export/incidentDocument";
import { markdownDocument } from "../../server/export/markdownReport";
import {
  dueNow,
  INCIDENT_FIELDS,
  type Incident,
  incidentBody,
  reestimateFlags,
  summarize,
} from "../../shared/incidents";

const fields = Object.fromEntries(
  INCIDENT_FIELDS.map((f) => [f, { state: "missing" as const, reason: "logs pending" }]),
) as Incident["fields"];

const incident = (over: Partial<Incident> = {}): Incident => ({
  id: "inc-1",
  title: "Weights copied",
  category: "cybersecurity",
  awareAt: "2026-03-02T14:30:00Z",
  resolvedAt: null,
  fields: { ...fields, harm: { state: "filled", value: "Weights of the release candidate" } },
  scenarioIds: ["sc-1"],
  riskIds: [],
  scenarioLinkedAt: { "sc-1": "2026-03-03T10:00:00.000Z" },
  createdAt: "2026-03-03T10:00:00.000Z",
  createdBy: "Fran",
  updatedAt: "2026-03-03T10:00:00.000Z",
  updatedBy: "Fran",
  ...over,
});

describe("incident record", () => {
  it("takes each field filled or missing with a reason, and nothing in between", () => {
    const ok = incidentBody.safeParse({
      title: "x",
      category: "death",
      awareAt: "2026-03-02T14:30:00Z",
      fields,
    });
    expect(ok.success).toBe(true);
    const blank = incidentBody.safeParse({
      title: "x",
      category: "death",
      awareAt: "2026-03-02T14:30:00Z",
      fields: { ...fields, harm: { state: "filled", value: "" } },
    });
    expect(blank.error?.issues.map((i) => i.path.join("."))).toEqual(["fields.harm.value"]);
    const both = incidentBody.safeParse({
      title: "x",
      category: "death",
      awareAt: "2026-03-02T14:30:00Z",
      fields: { ...fields, harm: { state: "missing", reason: "r", value: "v" } },
    });
    expect(both.success).toBe(false);
  });

  it("flags a linked scenario until a round revealed after the link covers it", () => {
    const linked = [incident()];
    expect(reestimateFlags(linked, [])).toEqual([
      { scenarioId: "sc-1", incidentIds: ["inc-1"], since: "2026-03-03T10:00:00.000Z" },
    ]);
    // Revealed before the link, open, or over another scenario: still flagged.
    const rounds = [
      { scenarioIds: ["sc-1"], revealedAt: "2026-03-01T00:00:00.000Z" },
      { scenarioIds: ["sc-1"] },
      { scenarioIds: ["sc-2"], revealedAt: "2026-03-05T00:00:00.000Z" },
    ];
    expect(reestimateFlags(linked, rounds).map((f) => f.scenarioId)).toEqual(["sc-1"]);
    expect(
      reestimateFlags(linked, [...rounds, { scenarioIds: ["sc-1"], revealedAt: "2026-03-04T00:00:00.000Z" }]),
    ).toEqual([]);
  });

  it("summarizes what is missing and reads the server's schedule against the reader's clock", () => {
    const summary = summarize(incident(), [], Date.parse("2026-03-03T00:00:00Z"));
    expect(summary.missing).not.toContain("harm");
    expect(summary.missing).toHaveLength(INCIDENT_FIELDS.length - 1);
    expect(summary.schedule[0]).toMatchObject({
      kind: "initial",
      dueAt: "2026-03-07T14:30:00.000Z",
      state: "due",
    });
    const later = dueNow(summary.schedule, Date.parse("2026-03-08T00:00:00Z"));
    expect(later.overdue.map((d) => d.kind)).toEqual(["initial"]);
  });

  it("renders a bundled report with each missing field's reason, and participants' text escaped", () => {
    const a = incident({ title: '=HYPERLINK("x") <b>bold</b>' });
    const b = incident({ id: "inc-2", title: "Second copy" });
    const md = markdownDocument(
      incidentReportDocument([a, b], [], {
        workshop: { id: "w1", title: "Model X" },
        titles: new Map([["sc-1", "Exfiltration"]]),
        now: Date.parse("2026-03-04T00:00:00Z"),
      }),
    );
    expect(md).toContain("# Serious incident report: 2 similar incidents");
    expect(md).toContain("## 1. ");
    expect(md).toContain("## 2. Second copy");
    expect(md).toContain("**Chain of events.** _Missing:_ logs pending");
    expect(md).toContain("**Harm and affected group.** Weights of the release candidate");
    expect(md).toContain("2026-03-07 14:30 UTC");
    expect(md).not.toContain("<b>bold</b>");
  });
});

describe("incident form", () => {
  it("turns local input into the instant it names and back", () => {
    const iso = "2026-03-29T09:00:00.000Z";
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    expect(fromLocalInput("")).toBe("");
    expect(fromLocalInput("not a time")).toBe("");
  });

  it("starts with every field missing with a stated reason, and round-trips an incident", () => {
    const draft = newDraft(Date.parse("2026-03-03T10:00:00Z"));
    expect(Object.values(draft.fields).every((f) => f.missing && f.reason.length > 0)).toBe(true);
    expect(incidentBody.safeParse({ ...bodyOf({ ...draft, title: "t" }) }).success).toBe(true);
    const existing = incident({ resolvedAt: "2026-03-10T08:00:00.000Z" });
    const body = bodyOf(draftOf(existing));
    expect(body.fields).toEqual(existing.fields);
    expect(body.resolvedAt).toBe(existing.resolvedAt);
    expect(body.awareAt).toBe("2026-03-02T14:30:00.000Z");
  });
});
