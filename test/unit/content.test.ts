import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  actorsOf,
  addScenario,
  contentSchema,
  evidenceOf,
  evidenceSchema,
  getScenario,
  listScenarios,
  mitigationsOf,
  narrativeOf,
  readContent,
  readScenario,
  riskSchema,
  risksOf,
  safeguardsOf,
  scenarioSchema,
  seedSpecifiedRisks,
  setScenarioMember,
  sourcesOf,
  stepSchema,
  stepsOf,
  updateScenario,
} from "../../shared/content";
import { fragmentToJson, jsonToFragment } from "../../shared/content/richText";

/** Two replicas that exchange their updates both ways, as the server would relay them. */
function pair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on("update", (u: Uint8Array, origin: unknown) => origin !== "peer" && Y.applyUpdate(b, u, "peer"));
  b.on("update", (u: Uint8Array, origin: unknown) => origin !== "peer" && Y.applyUpdate(a, u, "peer"));
  return [a, b];
}

/** Two replicas that edit apart and then merge, like two people typing at the same moment. */
function merge(a: Y.Doc, b: Y.Doc): void {
  const ua = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const ub = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, ua);
  Y.applyUpdate(a, ub);
}

describe("risks", () => {
  it("seeds the four specified risks once, even when two replicas seed at the same time", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    seedSpecifiedRisks(a);
    seedSpecifiedRisks(b);
    merge(a, b);
    seedSpecifiedRisks(a);
    expect(
      risksOf(a)
        .list()
        .map((r) => r.id),
    ).toEqual(["cbrn", "loss-of-control", "cyber-offence", "harmful-manipulation"]);
    expect(risksOf(b).list()).toEqual(risksOf(a).list());
    expect(
      risksOf(a)
        .list()
        .every((r) => r.specified && !r.archived),
    ).toBe(true);
  });

  it("adds, renames, reorders and archives other risks", () => {
    const doc = new Y.Doc();
    seedSpecifiedRisks(doc);
    const risks = risksOf(doc);
    const id = risks.add({ title: "Public health", description: "Mass misinformation about treatments" });
    risks.update(id, { title: "Public health harms" });
    risks.move(id, 0);
    expect(risks.list()[0]).toMatchObject({ id, title: "Public health harms", specified: false });
    risks.move(id, 2);
    expect(
      risks
        .list()
        .map((r) => r.id)
        .indexOf(id),
    ).toBe(2);
    risks.update(id, { archived: true });
    expect(risks.get(id)?.archived).toBe(true);
    expect(() => risks.update(id, { title: "" })).toThrow();
    expect(risks.get(id)?.title).toBe("Public health harms");
  });

  it("keeps both people's edits to different fields of one record", () => {
    const a = new Y.Doc();
    seedSpecifiedRisks(a);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    risksOf(a).update("cbrn", { title: "CBRN weapons" });
    risksOf(b).update("cbrn", { description: "Uplift to novices and experts" });
    merge(a, b);
    expect(risksOf(a).get("cbrn")).toMatchObject({
      title: "CBRN weapons",
      description: "Uplift to novices and experts",
    });
  });
});

describe("threat model", () => {
  it("holds actors, sources of risk and safeguards with their kinds", () => {
    const doc = new Y.Doc();
    const actor = actorsOf(doc).add({
      name: "Lone novice",
      type: "individual",
      capabilityLevel: "low",
      intent: "harm",
    });
    const source = sourcesOf(doc).add({ name: "Tool use", kind: "affordance" });
    const guard = safeguardsOf(doc).add({ name: "Refusal training" });
    expect(actorsOf(doc).get(actor)).toMatchObject({
      type: "individual",
      capabilityLevel: "low",
      resources: "",
    });
    expect(sourcesOf(doc).get(source)?.kind).toBe("affordance");
    expect(
      safeguardsOf(doc)
        .list()
        .map((s) => s.id),
    ).toEqual([guard]);
    expect(() => actorsOf(doc).add({ name: "X", type: "alien" as "other" })).toThrow();
    actorsOf(doc).remove(actor);
    expect(actorsOf(doc).list()).toEqual([]);
  });
});

describe("mitigations", () => {
  it("links mitigations to scenarios with kind, owner and status", () => {
    const doc = new Y.Doc();
    const scenario = addScenario(doc, { riskId: "cbrn", title: "T", status: "draft" });
    const id = mitigationsOf(doc).add({
      title: "KYC for API access",
      kind: "security",
      owner: "Trust & Safety",
      scenarioIds: [scenario],
    });
    mitigationsOf(doc).update(id, { status: "in-place" });
    expect(mitigationsOf(doc).get(id)).toMatchObject({
      kind: "security",
      status: "in-place",
      scenarioIds: [scenario],
    });
    expect(() => mitigationsOf(doc).update(id, { status: "hoped-for" as "planned" })).toThrow();
    expect(readContent(doc).mitigations).toHaveLength(1);
  });
});

describe("scenarios", () => {
  it("holds a pathway, evidence, links, status, nature and dissent, and syncs them", () => {
    const [a, b] = pair();
    seedSpecifiedRisks(a);
    const actor = actorsOf(a).add({ name: "State programme", type: "state-programme" });
    const id = addScenario(a, { riskId: "cbrn", title: "Synthesis uplift", status: "draft" });
    const steps = stepsOf(a, id);
    const s1 = steps.add({ text: "Acquire precursor", actorId: actor });
    const s2 = steps.add({ text: "Troubleshoot protocol", uplift: true });
    steps.move(s2, 0);
    evidenceOf(b, id).add({
      kind: "uplift-study",
      title: "Wet-lab study",
      link: "https://example.org/s",
      result: "1.4x",
    });
    setScenarioMember(a, id, "nature", "irreversible", true);
    setScenarioMember(b, id, "actorIds", actor, true);
    updateScenario(b, id, { status: "in-review" });
    const seen = getScenario(b, id)!;
    expect(seen.steps.map((s) => s.id)).toEqual([s2, s1]);
    expect(seen.steps[0]).toMatchObject({ text: "Troubleshoot protocol", uplift: true, actorId: null });
    expect(seen).toMatchObject({ status: "in-review", nature: ["irreversible"], actorIds: [actor] });
    expect(getScenario(a, id)?.evidence[0]).toMatchObject({ kind: "uplift-study", result: "1.4x" });
    expect(listScenarios(a, "cbrn").map((s) => s.id)).toEqual([id]);
    expect(listScenarios(a, "cyber-offence")).toEqual([]);
  });

  it("merges concurrent toggles of different nature flags", () => {
    const a = new Y.Doc();
    const id = addScenario(a, { riskId: "cbrn", title: "T", status: "draft" });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setScenarioMember(a, id, "nature", "cascading", true);
    setScenarioMember(b, id, "nature", "high-velocity", true);
    merge(a, b);
    expect(getScenario(a, id)?.nature.sort()).toEqual(["cascading", "high-velocity"]);
    expect(() => setScenarioMember(a, id, "nature", "made-up", true)).toThrow();
  });

  it("skips a record written around the accessors instead of showing garbage", () => {
    const doc = new Y.Doc();
    const id = addScenario(doc, { riskId: "cbrn", title: "Fine", status: "draft" });
    const raw = new Y.Map<unknown>();
    doc.getMap("scenarios").set("raw", raw);
    raw.set("title", 42);
    doc.getMap("risks").set("junk", new Y.Map());
    expect(listScenarios(doc).map((s) => s.id)).toEqual([id]);
    expect(risksOf(doc).list()).toEqual([]);
  });

  it("round-trips a narrative between the shared fragment and ProseMirror JSON", () => {
    const doc = new Y.Doc();
    const id = addScenario(doc, { riskId: "cbrn", title: "T", status: "draft" });
    const json = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Pathway" }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "An actor " },
            { type: "text", text: "with uplift", marks: [{ type: "bold" }] },
            { type: "text", text: " <script>", marks: [{ type: "link", attrs: { href: "https://x.test" } }] },
          ],
        },
        { type: "paragraph" },
      ],
    };
    jsonToFragment(json, narrativeOf(doc, id));
    expect(fragmentToJson(narrativeOf(doc, id))).toEqual(json);
    expect(readScenario(doc, id)?.narrative).toEqual(json);
    expect(contentSchema.parse(readContent(doc)).scenarios[0]?.narrative).toEqual(json);
  });
});

describe("zod schemas for the plain JSON", () => {
  it("accepts valid shapes and fills defaults", () => {
    expect(riskSchema.parse({ id: "r", title: "Other risk" })).toEqual({
      id: "r",
      title: "Other risk",
      description: "",
      specified: false,
      order: 0,
      archived: false,
    });
    expect(stepSchema.parse({ id: "s" })).toMatchObject({ uplift: false, actorId: null, safeguardIds: [] });
    expect(scenarioSchema.parse({ id: "x", riskId: "cbrn", title: "T" }).narrative).toEqual({
      type: "doc",
      content: [],
    });
  });

  it.each([
    ["a risk without a title", riskSchema, { id: "r", title: "" }],
    ["a risk with a numeric title", riskSchema, { id: "r", title: 3 }],
    ["an unknown evidence kind", evidenceSchema, { id: "e", title: "T", kind: "rumour" }],
    ["a javascript: link", evidenceSchema, { id: "e", title: "T", link: "javascript:alert(1)" }],
    ["an unknown scenario status", scenarioSchema, { id: "x", riskId: "r", title: "T", status: "done" }],
    ["an unknown nature flag", scenarioSchema, { id: "x", riskId: "r", title: "T", nature: ["scary"] }],
    ["a step without an id", stepSchema, { text: "t" }],
  ])("refuses %s", (_name, schema, value) => {
    expect(schema.safeParse(value).success).toBe(false);
  });

  it("refuses content missing a collection", () => {
    const result = contentSchema.safeParse({ risks: [], actors: [], sources: [], safeguards: [] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["scenarios"]);
  });
});
