import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { ContentHistory, fieldKey } from "../../client/sync/contentHistory";
import { addScenario, getScenario, risksOf, stepsOf, updateScenario } from "../../shared/content";

/** A second replica whose updates reach the first as a provider would apply them. */
function peerOf(doc: Y.Doc): Y.Doc {
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
  peer.on("update", (update: Uint8Array) => Y.applyUpdate(doc, update, "provider"));
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== "provider") Y.applyUpdate(peer, update);
  });
  return peer;
}

describe("ContentHistory", () => {
  it("undoes this person's edits and leaves other people's alone", () => {
    const doc = new Y.Doc();
    const history = new ContentHistory(doc);
    const peer = peerOf(doc);
    let id = "";
    history.edit(() => {
      id = addScenario(doc, { riskId: "cbrn", title: "Mine", status: "draft" });
    });
    stepsOf(peer, id).add({ text: "Theirs" });
    history.edit(() => stepsOf(doc, id).add({ text: "Mine too" }));

    history.undo();
    expect(
      stepsOf(doc, id)
        .list()
        .map((s) => s.text),
    ).toEqual(["Theirs"]);
    history.redo();
    expect(
      stepsOf(doc, id)
        .list()
        .map((s) => s.text),
    ).toEqual(["Theirs", "Mine too"]);
  });

  it("groups keystrokes in one field, and starts a new step for another field or an action", () => {
    const doc = new Y.Doc();
    const history = new ContentHistory(doc);
    let id = "";
    history.edit(() => {
      id = addScenario(doc, { riskId: "cbrn", title: "T", status: "draft" });
    });
    for (const title of ["Te", "Tes", "Test"])
      history.edit(() => updateScenario(doc, id, { title }), fieldKey(id, { title }));
    history.edit(() => updateScenario(doc, id, { status: "agreed" }));

    history.undo();
    expect(getScenario(doc, id)).toMatchObject({ title: "Test", status: "draft" });
    history.undo();
    expect(getScenario(doc, id)?.title).toBe("T");
    history.undo();
    expect(getScenario(doc, id)).toBeUndefined();
  });

  it("refuses a value the schema refuses, leaving the document as it was", () => {
    const doc = new Y.Doc();
    const history = new ContentHistory(doc);
    let id = "";
    history.edit(() => {
      id = risksOf(doc).add({ title: "Other risk" });
    });
    const before = Y.encodeStateVector(doc);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(history.edit(() => risksOf(doc).update(id, { title: "" }))).toBe(false);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});
