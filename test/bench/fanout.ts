/**
 * Fan-out latency: one writer, many readers in one room. Each edit sets a map key to the moment it
 * was made (performance.now(); every client lives in this process, so clocks agree); each reader
 * records when the key reaches it. Latency = receive − send, over every (edit, reader) pair.
 * Both servers' rooms are open at once and measured in alternating blocks, so slow drift in this
 * process (its heap, the machine) falls on both alike.
 */
import type * as Y from "yjs";
import { type Client, connectClient, type RoomAccess } from "./clients";
import { collectBenchGarbage } from "./gc";
import { asError } from "./report";
import type { BenchServer } from "./servers";
import { percentile } from "./stats";
import { mapLimit, sleep, waitUntil } from "./wait";

export interface FanoutOptions {
  readers: number;
  warmupEdits: number;
  edits: number;
  blocks: number;
  spacingMs: number;
}

export interface FanoutResult {
  p50: number;
  p99: number;
  max: number;
  received: number;
  expected: number;
  /** Per edit, the fastest reader: the server's relay without the queueing of 50 readers in this process. */
  firstP50: number;
  firstP99: number;
  /** The server's CPU time during the timed edits ÷ (edits × readers), in µs. */
  cpuPerMessageUs: number;
  /** This process's CPU time (its writer and readers) during the timed edits, in % of one core. */
  clientCpuPercent: number;
}

/** A writer and its readers in one room, counting what reaches the readers. */
class FanoutRoom {
  readonly latencies: number[] = [];
  /** The fastest reader's latency, per edit. */
  readonly firsts = new Map<string, number>();
  warmupSeen = 0;
  /** Server CPU time spent during the timed blocks (ms). */
  cpuMs = 0;
  /** This process's CPU time during the timed blocks, and the blocks' duration (ms). */
  clientCpuMs = 0;
  blockMs = 0;
  private sent = 0;

  private constructor(
    private readonly writer: Client,
    private readonly clients: Client[],
  ) {}

  static async open(server: BenchServer, readers: number, place?: ReaderPlacement): Promise<FanoutRoom> {
    const access = await server.openRoom();
    const clients: Client[] = [];
    try {
      const writer = connectClient(access);
      clients.push(writer);
      await writer.synced;
      const room = new FanoutRoom(writer, clients);
      await mapLimit(
        Array.from({ length: readers }, (_, i) => i),
        10,
        async (i) => {
          const reader = connectClient(place ? place(access, i) : access);
          clients.push(reader);
          await reader.synced;
          room.listen(reader.doc);
        },
      );
      return room;
    } catch (err) {
      for (const client of clients) client.destroy();
      throw err;
    }
  }

  private listen(doc: Y.Doc): void {
    const edits = doc.getMap<number>("fanout");
    edits.observe((event: Y.YMapEvent<number>) => {
      const now = performance.now();
      for (const key of event.keysChanged) {
        const sentAt = edits.get(key);
        if (key.startsWith("w")) this.warmupSeen += 1;
        else if (sentAt !== undefined) {
          this.latencies.push(now - sentAt);
          if (!this.firsts.has(key)) this.firsts.set(key, now - sentAt);
        }
      }
    });
  }

  /** Makes `count` edits, `spacingMs` apart; warm-up edits are not timed. */
  async edit(count: number, spacingMs: number, warmup: boolean): Promise<void> {
    const edits = this.writer.doc.getMap<number>("fanout");
    for (let i = 0; i < count; i++) {
      edits.set(`${warmup ? "w" : "m"}${this.sent++}`, performance.now());
      await sleep(spacingMs);
    }
  }

  close(): void {
    for (const client of this.clients) client.destroy();
  }
}

/** Where reader `i` of a room connects (another instance), given the writer's access. */
export type ReaderPlacement = (access: RoomAccess, reader: number) => RoomAccess;

export async function measureFanout(
  servers: readonly BenchServer[],
  options: FanoutOptions,
  placements: ReadonlyArray<ReaderPlacement | undefined> = [],
): Promise<Array<FanoutResult | Error>> {
  const rooms: Array<FanoutRoom | Error> = [];
  try {
    for (const [i, server] of servers.entries())
      rooms.push(await FanoutRoom.open(server, options.readers, placements[i]).catch(asError));
    const live = rooms.filter((r): r is FanoutRoom => r instanceof FanoutRoom);
    const serverOf = new Map(
      rooms.flatMap((r, i) => (r instanceof FanoutRoom ? [[r, servers[i] as BenchServer] as const] : [])),
    );
    for (const room of live) {
      await room.edit(options.warmupEdits, options.spacingMs, true);
      const expected = options.warmupEdits * options.readers;
      await waitUntil(() => room.warmupSeen >= expected, 15_000, "fan-out warm-up to reach every reader");
    }
    const perBlock = Math.ceil(options.edits / options.blocks);
    for (let block = 0; block < options.blocks; block++)
      for (const room of live) {
        collectBenchGarbage();
        await sleep(100);
        const server = serverOf.get(room) as BenchServer;
        const cpuBefore = server.cpuMs();
        const clientCpu = process.cpuUsage();
        const started = performance.now();
        await room.edit(perBlock, options.spacingMs, false);
        const expected = (block + 1) * perBlock * options.readers;
        // A lost update would show as received < expected; the wait only bounds the time.
        await waitUntil(() => room.latencies.length >= expected, 5_000, "fan-out edits").catch(() => {});
        room.cpuMs += server.cpuMs() - cpuBefore;
        const used = process.cpuUsage(clientCpu);
        room.clientCpuMs += (used.user + used.system) / 1000;
        room.blockMs += performance.now() - started;
      }
    const expected = perBlock * options.blocks * options.readers;
    return rooms.map((room) =>
      room instanceof Error
        ? room
        : {
            p50: percentile(room.latencies, 50),
            p99: percentile(room.latencies, 99),
            max: percentile(room.latencies, 100),
            received: room.latencies.length,
            expected,
            firstP50: percentile([...room.firsts.values()], 50),
            firstP99: percentile([...room.firsts.values()], 99),
            cpuPerMessageUs: (room.cpuMs * 1000) / expected,
            clientCpuPercent: (room.clientCpuMs / room.blockMs) * 100,
          },
    );
  } finally {
    for (const room of rooms) if (room instanceof FanoutRoom) room.close();
  }
}
