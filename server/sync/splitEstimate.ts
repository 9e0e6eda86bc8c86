/**
 * Estimates what an update's delete set costs to apply. Yjs splits an item wherever a delete range
 * starts or ends inside it, and each split is an insert into that client's struct array, moving
 * everything after it (Yjs #687: 20k crafted ranges over one pasted item cost half a second here).
 * Ranges over content already deleted, or on item boundaries, split nothing and cost nothing.
 */
import * as Y from "yjs";
import type { DecodedUpdate } from "./pendingEstimate";

/** Σ over clients of splits × (structs + splits): an upper bound on the struct moves the deletes make. */
export function estimateSplitWork(store: Y.Doc["store"], update: DecodedUpdate, limit: number): number {
  const incoming = incomingBoundaries(update);
  let work = 0;
  for (const [client, ranges] of update.ds.clients) {
    const existing = store.clients.get(client) ?? [];
    const fresh = incoming.get(client);
    const state = Y.getState(store, client);
    let splits = 0;
    for (const { clock, len } of ranges) {
      const end = clock + len;
      splits +=
        splitsAt(existing, state, fresh, clock, "start") + splitsAt(existing, state, fresh, end, "end");
    }
    work += splits * (existing.length + (fresh?.starts.length ?? 0) + splits);
    // Stop early: an attack's delete set is large, and the answer is already known.
    if (work > limit) return work;
  }
  return work;
}

/** The clocks at which the update's own structs of each client start, in order, and where they end. */
interface Boundaries {
  starts: number[];
  end: number;
}

function incomingBoundaries(update: DecodedUpdate): Map<number, Boundaries> {
  const byClient = new Map<number, Boundaries>();
  for (const s of update.structs) {
    if (s instanceof Y.Skip) continue;
    let b = byClient.get(s.id.client);
    if (!b) {
      b = { starts: [], end: 0 };
      byClient.set(s.id.client, b);
    }
    b.starts.push(s.id.clock);
    b.end = s.id.clock + s.length;
  }
  return byClient;
}

/** 1 when a range boundary at `clock` would cut a live item in two, else 0. */
function splitsAt(
  existing: Array<Y.Item | Y.GC>,
  state: number,
  fresh: Boundaries | undefined,
  clock: number,
  side: "start" | "end",
): number {
  if (clock < state) {
    if (clock === 0 && side === "start") return 0;
    // The struct holding the clock just inside the range, as Yjs finds it.
    const inside = side === "start" ? clock : clock - 1;
    const struct = existing[Y.findIndexSS(existing, inside)] as Y.Item | Y.GC;
    if (struct.deleted) return 0;
    return side === "start"
      ? Number(struct.id.clock < clock)
      : Number(clock < struct.id.clock + struct.length);
  }
  if (!fresh || clock >= fresh.end) return 0;
  // In the update's own structs: a boundary that is not a struct start cuts one.
  return binarySearch(fresh.starts, clock) ? 0 : 1;
}

function binarySearch(sorted: number[], value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid] as number;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
