/**
 * Predicts, before an update is applied, how much of it Yjs would keep as pending (structs whose
 * clock or dependencies the document has not seen, deletes past a client's state), following
 * Yjs's own rules in `integrateStructs` and `readAndApplyDeleteSet`; and counts what the document
 * already holds pending. Pending work is paid again by every later update, so it must stay small.
 */
import * as Y from "yjs";

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;
type Struct = DecodedUpdate["structs"][number];

export interface PendingEstimate {
  structs: number;
  deleteRanges: number;
  /** Each client's clock after the update, not counting what stays pending. */
  available: Map<number, number>;
}

/** One client's run of structs in the update, in clock order. */
interface Block {
  client: number;
  structs: Struct[];
  /** Index of the first struct Yjs would leave pending; `structs.length` when none. */
  pendingFrom: number;
}

/** A dependency chain longer than this is counted as pending whole (only crafted updates have one). */
const MAX_PASSES = 16;

export function estimatePending(store: Y.Doc["store"], update: DecodedUpdate): PendingEstimate {
  const blocks = toBlocks(update.structs);
  const available = new Map<number, number>();
  const availableOf = (client: number) => available.get(client) ?? Y.getState(store, client);
  for (const block of blocks) available.set(block.client, endOf(block, store));
  let converged = false;
  // Each pass can only lower a client's available clock, so this settles; a pass costs O(structs).
  for (let pass = 0; pass < MAX_PASSES && !converged; pass++) {
    converged = true;
    for (const block of blocks) {
      const [pendingFrom, end] = firstPending(block, store, availableOf);
      block.pendingFrom = pendingFrom;
      if (end < (available.get(block.client) ?? 0)) {
        available.set(block.client, end);
        converged = false;
      }
    }
  }
  let structs = 0;
  for (const block of blocks) {
    const from = converged ? block.pendingFrom : 0;
    for (let i = from; i < block.structs.length; i++) if (!(block.structs[i] instanceof Y.Skip)) structs += 1;
  }
  let deleteRanges = 0;
  for (const [client, items] of update.ds.clients) {
    const state = availableOf(client);
    for (const item of items) if (item.clock + item.len > state) deleteRanges += 1;
  }
  return { structs, deleteRanges, available };
}

/** Structs and delete ranges the document holds pending now (decoded once per pending buffer). */
export function pendingNow(store: Y.Doc["store"]): { structs: number; deleteRanges: number } {
  const structs = store.pendingStructs ? countOf(store.pendingStructs.update).structs : 0;
  const deleteRanges = store.pendingDs ? countOf(store.pendingDs).deleteRanges : 0;
  return { structs, deleteRanges };
}

const counted = new WeakMap<Uint8Array, { structs: number; deleteRanges: number }>();

function countOf(pending: Uint8Array): { structs: number; deleteRanges: number } {
  let counts = counted.get(pending);
  if (!counts) {
    const decoded = Y.decodeUpdateV2(pending);
    let deleteRanges = 0;
    for (const items of decoded.ds.clients.values()) deleteRanges += items.length;
    counts = { structs: decoded.structs.filter((s) => !(s instanceof Y.Skip)).length, deleteRanges };
    counted.set(pending, counts);
  }
  return counts;
}

function toBlocks(structs: Struct[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (const struct of structs) {
    if (!current || current.client !== struct.id.client) {
      current = { client: struct.id.client, structs: [], pendingFrom: 0 };
      blocks.push(current);
    }
    current.structs.push(struct);
  }
  return blocks;
}

/** The clock a block reaches if nothing of it is pending: its end, or where a gap (skip) starts. */
function endOf(block: Block, store: Y.Doc["store"]): number {
  const state = Y.getState(store, block.client);
  const first = block.structs[0];
  if (!first || first.id.clock > state) return state;
  let end = first.id.clock;
  for (const s of block.structs) {
    if (s instanceof Y.Skip || s.id.clock !== end) break;
    end = s.id.clock + s.length;
  }
  return Math.max(state, end);
}

/** Index of the block's first struct Yjs would leave pending, and the client's clock before it. */
function firstPending(
  block: Block,
  store: Y.Doc["store"],
  availableOf: (client: number) => number,
): [number, number] {
  let clock = Y.getState(store, block.client);
  for (let i = 0; i < block.structs.length; i++) {
    const s = block.structs[i] as Struct;
    // A gap in this client's clocks: Yjs keeps the rest of the client's structs for later.
    if (s instanceof Y.Skip || s.id.clock > clock) return [i, clock];
    if (s instanceof Y.Item && dependsOnUnseen(s, availableOf)) return [i, clock];
    clock = Math.max(clock, s.id.clock + s.length);
  }
  return [block.structs.length, clock];
}

/** As Yjs's `Item.getMissing`: another client's origin, right origin or parent not seen yet. */
function dependsOnUnseen(item: Y.Item, availableOf: (client: number) => number): boolean {
  const own = item.id.client;
  for (const dep of [item.origin, item.rightOrigin, item.parent instanceof Y.ID ? item.parent : null])
    if (dep && dep.client !== own && dep.clock >= availableOf(dep.client)) return true;
  return false;
}
