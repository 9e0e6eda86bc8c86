/**
 * Checks a decoded update against the live-document limits before Yjs applies any of it. Yjs
 * applies whatever it is sent, and some well-formed updates cost seconds or hundreds of MB (Yjs
 * #687 and its family), or throw half-way through a transaction and leave it applied in part. An
 * update refused here is neither applied, stored nor relayed. Every loop is over the decoded update
 * (already bounded by MAX_MESSAGE_BYTES) or the document's pending buffers (bounded here).
 */
import * as Y from "yjs";
import { CloseCode, type SyncLimits } from "../../shared/limits";
import { MalformedMessage, UpdateRefused } from "./errors";
import { checkNesting } from "./nestingGuard";
import { type DecodedUpdate, estimatePending, pendingNow } from "./pendingEstimate";
import { estimateSplitWork } from "./splitEstimate";

/** Yjs never writes a clock this high; past it, sums of clocks lose integer precision. */
const MAX_CLOCK = 2 ** 32;

export function checkUpdate(doc: Y.Doc, update: DecodedUpdate, limits: SyncLimits): void {
  const { structs, ds } = update;
  if (structs.length > limits.maxUpdateStructs)
    throw tooLarge(`update has ${structs.length} structs, over ${limits.maxUpdateStructs}`);
  let ranges = 0;
  for (const items of ds.clients.values()) ranges += items.length;
  if (ranges > limits.maxUpdateDeleteRanges)
    throw tooLarge(`update has ${ranges} delete ranges, over ${limits.maxUpdateDeleteRanges}`);
  const clients = checkShape(update);
  if (clients.size > limits.maxUpdateClients)
    throw tooLarge(`update has structs of ${clients.size} clients, over ${limits.maxUpdateClients}`);
  const store = doc.store;
  let newClients = 0;
  for (const client of clients) if (!store.clients.has(client)) newClients += 1;
  if (newClients > 0 && store.clients.size + newClients > limits.maxDocClients)
    throw new UpdateRefused(
      CloseCode.documentFull,
      `document would hold structs of more than ${limits.maxDocClients} clients`,
    );

  checkOverlaps(store, structs);
  checkNesting(store, update, limits.maxDocDepth);
  const splitWork = estimateSplitWork(store, update, limits.maxUpdateSplitWork);
  if (splitWork > limits.maxUpdateSplitWork)
    throw tooLarge(
      `update's deletes would split items too often (${splitWork} > ${limits.maxUpdateSplitWork})`,
    );

  const adds = estimatePending(store, update);
  if (adds.structs === 0 && adds.deleteRanges === 0) return;
  // An update that adds nothing pending may resolve what is there, so only additions are refused.
  const now = pendingNow(store);
  if (adds.structs > 0 && now.structs + adds.structs > limits.maxPendingStructs)
    throw new UpdateRefused(
      CloseCode.tooManyPending,
      `update depends on ${adds.structs} structs the document has not seen (pending limit ${limits.maxPendingStructs})`,
    );
  if (adds.deleteRanges > 0 && now.deleteRanges + adds.deleteRanges > limits.maxPendingDeleteRanges)
    throw new UpdateRefused(
      CloseCode.tooManyPending,
      `update deletes ${adds.deleteRanges} ranges the document has not seen (pending limit ${limits.maxPendingDeleteRanges})`,
    );
}

/**
 * Refuses as malformed what Yjs never writes and would throw on mid-transaction: a client's structs
 * in two places, empty structs or ranges, clocks past 2^32, and references to the same client's
 * own later clocks. Returns the clients of the structs.
 */
function checkShape({ structs, ds }: DecodedUpdate): Set<number> {
  const clients = new Set<number>();
  let previous: number | undefined;
  for (const s of structs) {
    const client = s.id.client;
    if (client !== previous) {
      if (clients.has(client)) throw new MalformedMessage(`client ${client} appears twice in one update`);
      clients.add(client);
      previous = client;
    }
    if (!(s.length >= 1) || s.id.clock + s.length > MAX_CLOCK)
      throw new MalformedMessage(`struct ${client}:${s.id.clock} has length ${s.length}`);
    if (s instanceof Y.Item) checkOwnReferences(s);
  }
  for (const [client, items] of ds.clients)
    for (const { clock, len } of items)
      if (!(len >= 1) || clock + len > MAX_CLOCK)
        throw new MalformedMessage(`delete range ${client}:${clock} has length ${len}`);
  return clients;
}

/** An item's origin, right origin and parent of its own client were made before it: lower clocks. */
function checkOwnReferences(item: Y.Item): void {
  const { client, clock } = item.id;
  for (const ref of [item.origin, item.rightOrigin, item.parent instanceof Y.ID ? item.parent : null])
    if (ref && ref.client === client && ref.clock >= clock)
      throw new MalformedMessage(
        `item ${client}:${clock} refers to its own client's later clock ${ref.clock}`,
      );
}

/**
 * An item that starts before its client's known clock and ends after it is integrated from that
 * clock on, to the right of the struct holding the clock before. When that struct was garbage
 * collected, Yjs 13 reads `right` of the GC struct and throws half-way through the update (found
 * by the fuzz test). Refused as malformed (1002): a client that reconnects syncs from the server's
 * new state vector and no longer overlaps.
 */
function checkOverlaps(store: Y.Doc["store"], structs: DecodedUpdate["structs"]): void {
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    const state = Y.getState(store, s.id.client);
    if (s.id.clock >= state || s.id.clock + s.length <= state) continue;
    const known = store.clients.get(s.id.client) ?? [];
    if (known[Y.findIndexSS(known, state - 1)] instanceof Y.GC)
      throw new MalformedMessage(`item ${s.id.client}:${s.id.clock} continues a collected struct`);
  }
}

function tooLarge(message: string): UpdateRefused {
  return new UpdateRefused(CloseCode.tooLarge, message);
}
