/**
 * Server memory per open room: the server's RSS (VmRSS) before and after opening many rooms, each
 * with one small client that writes a little content. Rooms (workshops, on ours) are created before
 * the baseline, and a few warm-up rooms are opened and closed first, so neither the REST calls nor
 * code compiled on first use is counted. Both readings follow a full garbage collection in the
 * server; the JavaScript heap (used + external) is reported alongside.
 *
 * Every server's rooms hold the same document: a new workshop of ours starts with the four specified
 * systemic risks, so the client writes them into the other servers' empty rooms (a no-op on ours,
 * by their fixed ids). Otherwise the figure would weigh content, not what a server keeps per room.
 */
import * as Y from "yjs";
import { seedSpecifiedRisks } from "../../shared/content";
import { type Client, connectClient, type RoomAccess } from "./clients";
import type { BenchServer } from "./servers";
import { mapLimit, sleep, waitUntil } from "./wait";

export interface MemoryResult {
  baselineKiB: number;
  afterKiB: number;
  perRoomKiB: number;
  heapPerRoomKiB: number;
  /** What a room already held when its client joined (ours seeds new workshops), encoded. */
  initialBytes: number;
}

const WARMUP_ROOMS = 20;

export async function measureMemory(server: BenchServer, rooms: number): Promise<MemoryResult> {
  const accesses = await mapLimit(Array.from({ length: WARMUP_ROOMS + rooms }), 4, () => server.openRoom());
  const warmup = await fill(accesses.slice(0, WARMUP_ROOMS));
  for (const client of warmup) client.destroy();
  await sleep(1_000); // ours stores and unloads the rooms just closed
  const before = await settled(server);
  const initial: number[] = [];
  const clients = await fill(accesses.slice(WARMUP_ROOMS), initial);
  try {
    const after = await settled(server);
    return {
      baselineKiB: before.rssKiB,
      afterKiB: after.rssKiB,
      perRoomKiB: (after.rssKiB - before.rssKiB) / rooms,
      heapPerRoomKiB: (after.heapKiB - before.heapKiB) / rooms,
      initialBytes: Math.max(0, ...initial),
    };
  } finally {
    for (const client of clients) client.destroy();
  }
}

/** One client per room, each writing a little content; resolves once all of it is sent. */
async function fill(accesses: RoomAccess[], initialBytes: number[] = []): Promise<Client[]> {
  const clients: Client[] = [];
  try {
    await mapLimit(accesses, 20, async (access, i) => {
      const client = connectClient(access);
      clients.push(client);
      await client.synced;
      initialBytes.push(Y.encodeStateAsUpdate(client.doc).length);
      client.doc.transact(() => {
        seedSpecifiedRisks(client.doc);
        const risk = client.doc.getMap<string | number>("risk");
        risk.set("title", `Risk ${i}: model exfiltrates its own weights`);
        risk.set("likelihood", 3);
        risk.set("impact", 4);
        client.doc.getText("notes").insert(0, "Discussed in round one; evidence pending. ".repeat(3));
      });
    });
    await waitUntil(
      () => clients.every((c) => c.unsent() === 0),
      10_000,
      "every memory client to send its content",
    );
    return clients;
  } catch (err) {
    for (const client of clients) client.destroy();
    throw err;
  }
}

/** Memory once transient allocations (REST calls, handshakes) are collected. */
async function settled(server: BenchServer): Promise<{ rssKiB: number; heapKiB: number }> {
  await sleep(1_000);
  await server.collectGarbage();
  const memory = await server.collectGarbage();
  await sleep(300);
  return { rssKiB: server.rssKiB(), heapKiB: (memory.heapUsed + memory.external) / 1024 };
}
