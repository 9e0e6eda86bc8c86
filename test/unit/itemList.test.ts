/** Ordered item lists (steps, evidence, dissent): moves change one number, never copy the item. */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addScenario, getScenario, seedSpecifiedRisks, stepsOf } from "../../shared/content";
import { orderBetween } from "../../shared/content/collection";

/** Two documents kept in sync both ways, as two clients of one room. */
function pair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on("update", (u: Uint8Array) => Y.applyUpdate(b, u, "a"));
  b.on("update", (u: Uint8Array, origin: unknown) => origin !== "a" && Y.applyUpdate(a, u));
  return [a, b];
}

/** Two documents that exchange their updates only when told to, as two clients offline for a while. */
function apart(): { a: Y.Doc; b: Y.Doc; sync(): void } {
  const a = new Y.Doc();
  const b = new Y.Doc();
  return {
    a,
    b,
    sync() {
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    },
  };
}

const texts = (doc: Y.Doc, scenarioId: string) =>
  stepsOf(doc, scenarioId)
    .list()
    .map((s) => s.text);

describe("item lists", () => {
  it("keeps an edit made to an item while someone else moves it", () => {
    const { a, b, sync } = apart();
    seedSpecifiedRisks(a);
    const id = addScenario(a, { riskId: "cbrn", title: "Uplift", status: "draft" });
    const steps = stepsOf(a, id);
    steps.add({ text: "one" });
    steps.add({ text: "two" });
    const three = steps.add({ text: "three" });
    sync();
    stepsOf(a, id).move(three, 0);
    stepsOf(b, id).update(three, { text: "three, with the precursor named" });
    sync();
    for (const doc of [a, b])
      expect(texts(doc, id)).toEqual(["three, with the precursor named", "one", "two"]);
    // The scenario summary, which the views and exports read, has the same order.
    expect(getScenario(b, id)?.steps.map((s) => s.text)).toEqual(texts(b, id));
  });

  it("converges when two people move items at the same time", () => {
    const { a, b, sync } = apart();
    seedSpecifiedRisks(a);
    const id = addScenario(a, { riskId: "cbrn", title: "Uplift", status: "draft" });
    const ids = ["a", "b", "c", "d"].map((text) => stepsOf(a, id).add({ text }));
    sync();
    stepsOf(a, id).move(ids[3]!, 0);
    stepsOf(b, id).move(ids[0]!, 3);
    sync();
    expect(texts(a, id)).toEqual(texts(b, id));
    expect([...texts(a, id)].sort()).toEqual(["a", "b", "c", "d"]);
  });

  it("reads a list written before orders existed in array order, and keeps it through a removal", () => {
    const [a, b] = pair();
    seedSpecifiedRisks(a);
    const id = addScenario(a, { riskId: "cbrn", title: "Uplift", status: "draft" });
    const scenario = a.getMap<Y.Map<unknown>>("scenarios").get(id)!;
    const legacy = scenario.get("steps") as Y.Array<Y.Map<unknown>>;
    a.transact(() => {
      for (const text of ["one", "two", "three", "four"]) {
        const map = new Y.Map<unknown>();
        legacy.push([map]);
        map.set("id", `id-${text}`);
        map.set("text", text);
      }
    });
    expect(texts(b, id)).toEqual(["one", "two", "three", "four"]);
    stepsOf(b, id).move("id-four", 1);
    stepsOf(a, id).remove("id-one");
    expect(texts(a, id)).toEqual(["four", "two", "three"]);
    expect(texts(b, id)).toEqual(["four", "two", "three"]);
  });

  it("adds at a place, and keeps room between neighbours however often one moves between them", () => {
    const doc = new Y.Doc();
    seedSpecifiedRisks(doc);
    const id = addScenario(doc, { riskId: "cbrn", title: "Uplift", status: "draft" });
    const steps = stepsOf(doc, id);
    const [first] = ["a", "b", "c"].map((text) => steps.add({ text }));
    steps.add({ text: "between a and b" }, 1);
    expect(texts(doc, id)).toEqual(["a", "between a and b", "b", "c"]);
    // Halving the gap 200 times runs out of floating point: the list renumbers and carries on.
    for (let i = 0; i < 200; i++) {
      steps.move(first!, 2);
      steps.move(first!, 1);
    }
    expect(texts(doc, id)).toEqual(["between a and b", "a", "b", "c"]);
  });

  it("finds an order between two neighbours, or says there is none", () => {
    expect(orderBetween(undefined, undefined)).toBe(0);
    expect(orderBetween(undefined, 3)).toBe(2);
    expect(orderBetween(3, undefined)).toBe(4);
    expect(orderBetween(1, 2)).toBe(1.5);
    expect(orderBetween(1, 1 + Number.EPSILON)).toBeNull();
  });
});
