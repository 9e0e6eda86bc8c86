/**
 * Well-formed Yjs updates (v1) that a hostile client could send, written struct by struct with
 * Yjs's own encoder: the crafted attacks of issue 9, for the limit tests, the fuzz test and the bench.
 */
import * as encoding from "lib0/encoding";
import * as Y from "yjs";

export interface DeleteRange {
  client: number;
  clock: number;
  len: number;
}

/** Text inserted at the root type `notes` by `client` from `clock` (one struct), plus a delete set. */
export function insertWithDeletes(
  client: number,
  clock: number,
  text: string,
  deletes: DeleteRange[],
  root = "notes",
): Uint8Array {
  const e = new Y.UpdateEncoderV1();
  if (text.length === 0) encoding.writeVarUint(e.restEncoder, 0);
  else {
    encoding.writeVarUint(e.restEncoder, 1);
    writeStringStruct(e, client, clock, text, root);
  }
  writeDeletes(e, deletes);
  return e.toUint8Array();
}

/** One single-character struct for each of `count` clients, each starting at `clock`. */
export function manyClients(count: number, clock: number, firstClient = 1_000_000): Uint8Array {
  const e = new Y.UpdateEncoderV1();
  encoding.writeVarUint(e.restEncoder, count);
  for (let i = 0; i < count; i++) writeStringStruct(e, firstClient + i, clock, "x", "notes");
  writeDeletes(e, []);
  return e.toUint8Array();
}

/**
 * The first attack: `chars` one-character inserts as one pasted struct, then one-character
 * delete ranges over every other character, written from the end so that each split moves every
 * struct after it.
 */
export function splittingDeletes(client: number, chars: number): Uint8Array {
  const ranges: DeleteRange[] = [];
  for (let c = chars - 2; c >= 0; c -= 2) ranges.push({ client, clock: c, len: 1 });
  return insertWithDeletes(client, 0, "x".repeat(chars), ranges);
}

/** `count` one-character delete ranges of `client` starting at `from`, every other clock. */
export function deletesFrom(client: number, from: number, count: number): DeleteRange[] {
  return Array.from({ length: count }, (_, i) => ({ client, clock: from + 2 * i, len: 1 }));
}

/** An update of deletes only. */
export function deletesOnly(deletes: DeleteRange[]): Uint8Array {
  return insertWithDeletes(0, 0, "", deletes);
}

function writeStringStruct(
  e: Y.UpdateEncoderV1,
  client: number,
  clock: number,
  text: string,
  root: string,
): void {
  encoding.writeVarUint(e.restEncoder, 1); // structs of this client
  e.writeClient(client);
  encoding.writeVarUint(e.restEncoder, clock);
  e.writeInfo(4); // ContentString, no origins: the parent follows
  e.writeParentInfo(true);
  e.writeString(root);
  e.writeString(text);
}

function writeDeletes(e: Y.UpdateEncoderV1, deletes: DeleteRange[]): void {
  const byClient = new Map<number, DeleteRange[]>();
  for (const d of deletes) {
    const list = byClient.get(d.client);
    if (list) list.push(d);
    else byClient.set(d.client, [d]);
  }
  encoding.writeVarUint(e.restEncoder, byClient.size);
  for (const [client, ranges] of byClient) {
    e.resetDsCurVal();
    encoding.writeVarUint(e.restEncoder, client);
    encoding.writeVarUint(e.restEncoder, ranges.length);
    for (const r of ranges) {
      e.writeDsClock(r.clock);
      e.writeDsLen(r.len);
    }
  }
}
