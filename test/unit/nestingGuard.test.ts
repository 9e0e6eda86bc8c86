import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { checkNesting } from "../../server/sync/nestingGuard";

/** Whether the server's document would refuse the update that takes `writer` from `since` to now. */
function refused(server: Y.Doc, writer: Y.Doc, since: Uint8Array, max: number): boolean {
  const update = Y.encodeStateAsUpdate(writer, since);
  try {
    checkNesting(server.store, Y.decodeUpdate(update), max);
    return false;
  } catch {
    return true;
  } finally {
    Y.applyUpdate(server, update);
  }
}

/** Blockquotes `levels` deep in the fragment `n`; returns the deepest. */
function blockquotes(doc: Y.Doc, levels: number): Y.XmlElement {
  let parent: Y.XmlFragment | Y.XmlElement = doc.getXmlFragment("n");
  for (let i = 0; i < levels; i++) {
    const next = new Y.XmlElement("blockquote");
    parent.insert(0, [next]);
    parent = next;
  }
  return parent as Y.XmlElement;
}

describe("the nesting guard", () => {
  it("counts maps nested through overwritten keys, whose later values name their parent only by origin", () => {
    const writer = new Y.Doc();
    let map = writer.getMap("root");
    for (let i = 0; i < 6; i++) {
      map.set("k", new Y.Map());
      const next = new Y.Map();
      map.set("k", next); // the second value's parent is known only through its origin, the first
      map = next;
    }
    expect(refused(new Y.Doc(), writer, new Uint8Array([0]), 6)).toBe(false);
    expect(refused(new Y.Doc(), writer, new Uint8Array([0]), 5)).toBe(true);
  });

  it("counts a sibling inserted after a stored element at that element's depth", () => {
    const server = new Y.Doc();
    const writer = new Y.Doc();
    const deepest = blockquotes(writer, 5);
    refused(server, writer, new Uint8Array([0]), 100);
    const since = Y.encodeStateVector(writer);
    // A sibling of the stored level-5 element (its origin), then one level below it.
    const holder = deepest.parent as Y.XmlElement;
    const sibling = new Y.XmlElement("paragraph");
    holder.insert(1, [sibling]);
    sibling.insert(0, [new Y.XmlElement("blockquote")]);
    expect(refused(new Y.Doc(), writer, new Uint8Array([0]), 6)).toBe(false);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(server));
    expect(refused(copy, writer, since, 5)).toBe(true);
    const again = new Y.Doc();
    Y.applyUpdate(again, Y.encodeStateAsUpdate(server));
    expect(refused(again, writer, since, 6)).toBe(false);
  });

  it("lets through what depends on structs it cannot see (they wait as pending, bounded there)", () => {
    const writer = new Y.Doc();
    const deepest = blockquotes(writer, 3);
    const since = Y.encodeStateVector(writer);
    deepest.insert(0, [new Y.XmlElement("p")]);
    // The server never saw the first three levels: depth unknown, not refused here.
    expect(refused(new Y.Doc(), writer, since, 1)).toBe(false);
  });
});
