import * as decoding from "lib0/decoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { JoinState } from "../../server/sync/joinState";

/** A fresh client's document after the frames a joiner is sent (each a sync step 2 or update). */
function joined(frames: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame);
    expect(decoding.readVarUint(decoder)).toBe(0);
    decoding.readVarUint(decoder); // step 2 or update: both carry an update
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
  }
  return doc;
}

/** A document and a JoinState that records every update it takes, as a room does. */
function tracked(): { doc: Y.Doc; join: JoinState } {
  const doc = new Y.Doc();
  const join = new JoinState();
  doc.on("update", (update: Uint8Array) => join.add(update));
  return { doc, join };
}

const sameAs = (a: Y.Doc, b: Y.Doc) =>
  expect(Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)))).toBe(true);

describe("the join state", () => {
  it("keeps a large document's encoding and sends the updates since behind it, all of them", () => {
    const { doc, join } = tracked();
    doc.getText("t").insert(0, "x".repeat(40_000));
    expect(join.messages(doc)).toHaveLength(1);
    expect(join.holdsState).toBe(true);
    doc.getMap("m").set("a", 1);
    doc.getText("t").insert(5, "late");
    const frames = join.messages(doc);
    expect(frames).toHaveLength(2);
    const fresh = joined(frames);
    sameAs(fresh, doc);
    expect(fresh.getText("t").toString()).toBe(doc.getText("t").toString());
  });

  it("encodes afresh once the updates since outgrow a quarter of the state", () => {
    const { doc, join } = tracked();
    doc.getText("t").insert(0, "x".repeat(40_000));
    join.messages(doc);
    doc.getText("t").insert(0, "y".repeat(11_000));
    const frames = join.messages(doc);
    expect(frames).toHaveLength(1);
    sameAs(joined(frames), doc);
  });

  it("keeps nothing for a small document, which is encoded at every join", () => {
    const { doc, join } = tracked();
    doc.getText("t").insert(0, "short");
    const frames = join.messages(doc);
    expect(join.holdsState).toBe(false);
    doc.getText("t").insert(0, "more ");
    expect(joined(frames).getText("t").toString()).toBe("short");
    expect(joined(join.messages(doc)).getText("t").toString()).toBe("more short");
  });
});
