/**
 * A snapshot as a room source: its two documents rebuilt from the verified blob, a content history
 * over them (never used to write: the views are read-only), and an awareness of this device alone,
 * empty, so presence, carets and "editing" go nowhere. No provider, no socket, no URL.
 */
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import type { SnapshotBlob } from "../../shared/snapshot";
import type { RoomSource } from "../room/RoomContext";
import { ContentHistory } from "../sync/contentHistory";

export interface SnapshotSource extends RoomSource {
  blob: SnapshotBlob;
  destroy(): void;
}

export function base64ToBytes(b64: string): Uint8Array {
  const raw = atob(b64);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

export function docFromBase64(b64: string): Y.Doc {
  const doc = new Y.Doc();
  const update = base64ToBytes(b64);
  if (update.length > 0) Y.applyUpdate(doc, update);
  return doc;
}

export function openSnapshotSource(blob: SnapshotBlob): SnapshotSource {
  const doc = docFromBase64(blob.content);
  const controlDoc = docFromBase64(blob.control);
  const awareness = new Awareness(doc);
  // Nobody is in a snapshot, this device included: nothing to show, nothing to send.
  awareness.setLocalState(null);
  const history = new ContentHistory(doc);
  return {
    blob,
    doc,
    controlDoc,
    history,
    awareness,
    // Nothing arrives from a server here: the documents never change after they are decoded.
    isFromServer: () => false,
    destroy() {
      history.destroy();
      awareness.destroy();
      doc.destroy();
      controlDoc.destroy();
    },
  };
}
