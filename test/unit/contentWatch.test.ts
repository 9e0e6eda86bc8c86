import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addScenario, narrativeOf, risksOf, stepsOf } from "../../shared/content";
import { contentRoots, watchContent } from "../../shared/content/watch";

describe("watchContent", () => {
  it("reports a change to its part and not to other parts", () => {
    const doc = new Y.Doc();
    let risks = 0;
    let actors = 0;
    watchContent(doc, "risks", () => risks++);
    watchContent(doc, "actors", () => actors++);
    risksOf(doc).add({ title: "Other risk" });
    expect(risks).toBe(1);
    expect(actors).toBe(0);
  });

  it("skips keystrokes in a narrative unless asked for rich text, but not edits of nested lists", () => {
    const doc = new Y.Doc();
    const id = addScenario(doc, { riskId: "cbrn", title: "Uplift to a novice", status: "draft" });
    let plain = 0;
    let rich = 0;
    watchContent(doc, "scenarios", () => plain++);
    watchContent(doc, "scenarios", () => rich++, { includeRichText: true });

    const paragraph = new Y.XmlElement("paragraph");
    narrativeOf(doc, id).insert(0, [paragraph]);
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    text.insert(0, "A lone actor");
    expect(plain).toBe(0);
    expect(rich).toBe(3);

    stepsOf(doc, id).add({ text: "Acquires the model" });
    expect(plain).toBe(1);
  });

  it("stops reporting once unsubscribed", () => {
    const doc = new Y.Doc();
    let calls = 0;
    const stop = watchContent(doc, "risks", () => calls++);
    stop();
    risksOf(doc).add({ title: "Other risk" });
    expect(calls).toBe(0);
  });

  it("gives the roots an undo manager needs to cover every structured edit", () => {
    const doc = new Y.Doc();
    const origin = { local: true };
    const undo = new Y.UndoManager(contentRoots(doc), { trackedOrigins: new Set([origin]) });
    doc.transact(() => risksOf(doc).add({ title: "Other risk" }), origin);
    const id = addScenario(doc, { riskId: "cbrn", title: "Untracked", status: "draft" });
    undo.undo();
    expect(risksOf(doc).list()).toEqual([]);
    expect(doc.getMap("scenarios").has(id)).toBe(true);
  });
});
