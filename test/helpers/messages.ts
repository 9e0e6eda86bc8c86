/** Builds y-websocket protocol messages byte by byte, for tests that send what a normal client would not. */
import * as encoding from "lib0/encoding";
import * as Y from "yjs";

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

/** An update that inserts `text` into Y.Text "notes", made by a throwaway document. */
export function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText("notes").insert(0, text);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

export function syncMessage(syncType: number, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The same message with each header number written as an over-long varint (value, then a 0x00 continuation). */
export function overlongSyncMessage(syncType: number, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeUint8(encoder, 0x80 | MESSAGE_SYNC);
  encoding.writeUint8(encoder, 0x00);
  encoding.writeUint8(encoder, 0x80 | syncType);
  encoding.writeUint8(encoder, 0x00);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function awarenessMessage(
  entries: Array<{ clientId: number; clock: number; state: unknown }>,
): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(inner, e.clientId);
    encoding.writeVarUint(inner, e.clock);
    encoding.writeVarString(inner, JSON.stringify(e.state));
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}

/** Deterministic bytes (a small xorshift), so a failing case can be replayed. */
export function seededBytes(length: number, seed: number): Uint8Array {
  let x = seed >>> 0 || 1;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
