/**
 * Join time: a holder client (which stays connected, so the reference keeps the room in memory)
 * builds a large document through the server; then fresh clients, each with a new Y.Doc, are timed
 * from creating the provider to its 'sync' event.
 */
import * as Y from "yjs";
import { type Client, connectClient, type RoomAccess } from "./clients";
import { collectBenchGarbage } from "./gc";
import { asError } from "./report";
import type { BenchServer } from "./servers";
import { median, seededRandom } from "./stats";
import { sleep, waitUntil } from "./wait";

export interface JoinOptions {
  mapEntries: number;
  fieldsPerEntry: number;
  textEdits: number;
  joins: number;
  /** Whether the holder keeps editing (a small edit every 10 ms) while the others join. */
  editing?: boolean;
}

export interface JoinResult {
  medianMs: number;
  /** Median time until the document's state arrived, before the client decoded it: the server's share. */
  stateMedianMs: number;
  minMs: number;
  maxMs: number;
  /** Size of the document as one encoded update. */
  docBytes: number;
  /** From the first edit to the server holding the whole document. */
  buildMs: number;
}

const ENTRIES_PER_TRANSACTION = 100;
const TEXT_EDITS_PER_TRANSACTION = 50;

/** A room holding the large document, kept in memory by its connected holder. */
interface LargeRoom {
  access: RoomAccess;
  holder: Client;
  buildMs: number;
  times: number[];
  stateTimes: number[];
  failed?: Error;
}

/**
 * Builds the document in each server, then times joins alternating between the servers, so slow
 * drift in this process falls on both alike.
 */
export async function measureJoin(
  servers: readonly BenchServer[],
  options: JoinOptions,
): Promise<Array<JoinResult | Error>> {
  const rooms: Array<LargeRoom | Error> = [];
  const onEnd: Array<() => void> = [];
  try {
    for (const server of servers) rooms.push(await buildLargeRoom(server, options).catch(asError));
    let n = 0;
    const editor = options.editing
      ? setInterval(() => {
          n++;
          for (const room of rooms) if (!(room instanceof Error)) room.holder.doc.getMap("live").set("n", n);
        }, 10)
      : undefined;
    onEnd.push(() => clearInterval(editor));
    for (let i = 0; i < options.joins; i++)
      for (const room of rooms) {
        if (room instanceof Error || room.failed) continue;
        collectBenchGarbage();
        await sleep(50);
        const ms = await timeJoin(room.access, options.mapEntries).catch(asError);
        if (ms instanceof Error) room.failed = ms;
        else {
          room.times.push(ms.synced);
          room.stateTimes.push(ms.stateArrived);
        }
      }
    return rooms.map((room) =>
      room instanceof Error || room.failed
        ? asError(room instanceof Error ? room : room.failed)
        : {
            medianMs: median(room.times),
            stateMedianMs: median(room.stateTimes),
            minMs: Math.min(...room.times),
            maxMs: Math.max(...room.times),
            docBytes: Y.encodeStateAsUpdate(room.holder.doc).length,
            buildMs: room.buildMs,
          },
    );
  } finally {
    for (const end of onEnd) end();
    for (const room of rooms) if (!(room instanceof Error)) room.holder.destroy();
  }
}

async function buildLargeRoom(server: BenchServer, options: JoinOptions): Promise<LargeRoom> {
  const access = await server.openRoom();
  const holder = connectClient(access);
  let checker: Client | null = null;
  try {
    await holder.synced;
    const started = performance.now();
    buildDocument(holder.doc, options);
    // A client that joins now receives what the server has so far, and the rest as it arrives.
    checker = connectClient(access, 60_000);
    await checker.synced;
    const target = Buffer.from(Y.encodeStateVector(holder.doc));
    const joined = checker.doc;
    await waitUntil(
      () => target.equals(Y.encodeStateVector(joined)),
      60_000,
      "the server to hold the whole document",
      50,
    );
    return { access, holder, buildMs: performance.now() - started, times: [], stateTimes: [] };
  } catch (err) {
    holder.destroy();
    throw err;
  } finally {
    checker?.destroy();
  }
}

/** From creating a provider with a fresh Y.Doc to its 'sync' event, and to the state's arrival. */
async function timeJoin(
  access: RoomAccess,
  expectedEntries: number,
): Promise<{ synced: number; stateArrived: number }> {
  const joiner = connectClient(access, 30_000);
  try {
    const syncedAt = await joiner.synced;
    const entries = joiner.doc.getMap("items").size;
    if (entries !== expectedEntries)
      throw new Error(`a joiner synced ${entries} of ${expectedEntries} entries`);
    const arrivedAt = joiner.largeMessageAt();
    if (arrivedAt === null) throw new Error("a joiner synced without receiving the document in one message");
    return { synced: syncedAt - joiner.startedAt, stateArrived: arrivedAt - joiner.startedAt };
  } finally {
    joiner.destroy();
  }
}

/** Map entries of several fields each, and a text with a long history of inserts and deletes. */
function buildDocument(doc: Y.Doc, options: JoinOptions): void {
  const random = seededRandom(42);
  const items = doc.getMap<Y.Map<string | number>>("items");
  for (let start = 0; start < options.mapEntries; start += ENTRIES_PER_TRANSACTION) {
    doc.transact(() => {
      for (let i = start; i < Math.min(start + ENTRIES_PER_TRANSACTION, options.mapEntries); i++) {
        const entry = new Y.Map<string | number>();
        for (let f = 0; f < options.fieldsPerEntry; f++)
          entry.set(
            `field${f}`,
            f % 2 === 0 ? `value ${i}.${f} ${word(random)}` : Math.floor(random() * 1000),
          );
        items.set(`item-${i}`, entry);
      }
    });
  }
  const text = doc.getText("notes");
  for (let start = 0; start < options.textEdits; start += TEXT_EDITS_PER_TRANSACTION) {
    doc.transact(() => {
      for (let i = start; i < Math.min(start + TEXT_EDITS_PER_TRANSACTION, options.textEdits); i++) {
        const length = text.length;
        if (length < 500 || random() < 0.65)
          text.insert(Math.floor(random() * (length + 1)), `${word(random)} `);
        else {
          const at = Math.floor(random() * length);
          text.delete(at, Math.min(length - at, 1 + Math.floor(random() * 12)));
        }
      }
    });
  }
}

function word(random: () => number): string {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  let w = "";
  const n = 2 + Math.floor(random() * 7);
  for (let i = 0; i < n; i++) w += letters[Math.floor(random() * letters.length)];
  return w;
}
