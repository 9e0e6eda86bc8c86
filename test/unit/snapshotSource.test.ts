import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { openSnapshotSource } from "../../client/snapshots/snapshotSource";
import { readSnapshots, writeSnapshotEntry } from "../../shared/controlDoc";
import type { SnapshotBlob, SnapshotEntry } from "../../shared/snapshot";

const base64 = (doc: Y.Doc) => Buffer.from(Y.encodeStateAsUpdate(doc)).toString("base64");

function blobOf(content: Y.Doc, control: Y.Doc): SnapshotBlob {
  // Only the fields the source reads matter here; the rest is the server's business.
  return { id: "snap1", label: "Before", content: base64(content), control: base64(control) } as SnapshotBlob;
}

describe("a snapshot as a room source", () => {
  it("rebuilds both documents from the blob and lends an empty awareness of its own", () => {
    const content = new Y.Doc();
    content.getMap("probe").set("title", "as it was");
    const control = new Y.Doc();
    const entry = { id: "snap0", takenAt: "2026-01-01T00:00:00.000Z" } as SnapshotEntry;
    writeSnapshotEntry(control, entry);

    const source = openSnapshotSource(blobOf(content, control));
    expect(source.doc.getMap("probe").get("title")).toBe("as it was");
    expect(readSnapshots(source.controlDoc)).toEqual([entry]);
    // Nobody is present in a snapshot, this device included, and the awareness is bound to its doc.
    expect(source.awareness.getStates().size).toBe(0);
    expect(source.awareness.getLocalState()).toBeNull();
    expect(source.awareness.doc).toBe(source.doc);
    // Nothing in it ever comes from a server.
    expect(source.isFromServer(undefined)).toBe(false);
    expect(source.isFromServer(source)).toBe(false);
    expect("provider" in source).toBe(false);

    source.destroy();
    expect(source.doc.isDestroyed).toBe(true);
    expect(source.controlDoc.isDestroyed).toBe(true);
  });
});
