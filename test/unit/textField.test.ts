/** Short text fields are Y.Text: two people typing in one title at once both keep what they typed. */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addScenario,
  getScenario,
  risksOf,
  seedSpecifiedRisks,
  stepsOf,
  updateScenario,
} from "../../shared/content";
import { setText, textSplice } from "../../shared/content/textField";

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

describe("text fields", () => {
  it("merge two people's typing in the same risk title", () => {
    const { a, b, sync } = apart();
    seedSpecifiedRisks(a);
    sync();
    risksOf(a).update("cbrn", { title: "CBRN weapons" });
    sync();
    // At the same moment: one adds at the start, the other at the end.
    risksOf(a).update("cbrn", { title: "Novel CBRN weapons" });
    risksOf(b).update("cbrn", { title: "CBRN weapons uplift" });
    sync();
    for (const doc of [a, b]) expect(risksOf(doc).get("cbrn")?.title).toBe("Novel CBRN weapons uplift");
  });

  it("merge typing in a scenario title and a step's text too", () => {
    const { a, b, sync } = apart();
    seedSpecifiedRisks(a);
    const id = addScenario(a, { riskId: "cbrn", title: "Uplift", status: "draft" });
    const step = stepsOf(a, id).add({ text: "acquire precursor" });
    sync();
    updateScenario(a, id, { title: "Novice uplift" });
    updateScenario(b, id, { title: "Uplift in synthesis" });
    stepsOf(a, id).update(step, { text: "acquire a precursor" });
    stepsOf(b, id).update(step, { text: "acquire precursor online" });
    sync();
    for (const doc of [a, b]) {
      expect(getScenario(doc, id)?.title).toBe("Novice uplift in synthesis");
      expect(stepsOf(doc, id).list()[0]?.text).toBe("acquire a precursor online");
    }
  });

  it("turns a plain string written before into text on its first edit", () => {
    const doc = new Y.Doc();
    seedSpecifiedRisks(doc);
    const map = doc.getMap<Y.Map<unknown>>("risks").get("cbrn")!;
    map.set("description", "plain, from an older version");
    expect(risksOf(doc).get("cbrn")?.description).toBe("plain, from an older version");
    risksOf(doc).update("cbrn", { description: "edited, from an older version" });
    expect(map.get("description")).toBeInstanceOf(Y.Text);
    expect(risksOf(doc).get("cbrn")?.description).toBe("edited, from an older version");
  });

  it("replaces only the changed middle, never half of a character", () => {
    expect(textSplice("abcdef", "abXYef")).toEqual({ index: 2, remove: 2, insert: "XY" });
    expect(textSplice("same", "same")).toEqual({ index: 4, remove: 0, insert: "" });
    expect(textSplice("", "new")).toEqual({ index: 0, remove: 0, insert: "new" });
    // 😀 and 😃 share their first UTF-16 unit: the splice takes the whole character.
    expect(textSplice("a😀b", "a😃b")).toEqual({ index: 1, remove: 2, insert: "😃" });
    const text = new Y.Doc().getText("t");
    setText(text, "risk 😀 here");
    setText(text, "risk 😃 there");
    expect(text.toString()).toBe("risk 😃 there");
  });

  it("keep a record that two people's typing merged past its length limit or down to nothing", () => {
    const { a, b, sync } = apart();
    seedSpecifiedRisks(a);
    const id = addScenario(a, { riskId: "cbrn", title: "Uplift", status: "draft" });
    const step = stepsOf(a, id).add({ text: "x".repeat(1990) });
    risksOf(a).update("cbrn", { title: "ab" });
    sync();
    // Each edit is within the limits; merged, the step has 2010 characters and the title none.
    stepsOf(a, id).update(step, { text: `${"a".repeat(10)}${"x".repeat(1990)}` });
    stepsOf(b, id).update(step, { text: `${"x".repeat(1990)}${"b".repeat(10)}` });
    risksOf(a).update("cbrn", { title: "a" });
    risksOf(b).update("cbrn", { title: "b" });
    sync();
    for (const doc of [a, b]) {
      const risk = risksOf(doc).get("cbrn");
      expect(risk?.title.length).toBeGreaterThan(0);
      expect(getScenario(doc, id)?.steps[0]?.text).toHaveLength(2000);
      expect(stepsOf(doc, id).list()[0]?.text).toHaveLength(2000);
    }
    // The next edit writes the field back within its limit.
    stepsOf(a, id).update(step, { text: "short again" });
    risksOf(a).update("cbrn", { title: "CBRN" });
    expect(stepsOf(a, id).list()[0]?.text).toBe("short again");
    expect(risksOf(a).get("cbrn")?.title).toBe("CBRN");
  });
});
