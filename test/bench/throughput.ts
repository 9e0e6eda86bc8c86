/**
 * Throughput: one writer flat out for a fixed time, 20 readers in the same room. "Flat out" is the
 * same offered load on every server (`offeredPerSecond` map-key edits, paced, each its own message),
 * held back only while the writer's socket has more than 1 MiB unsent, as a browser's would be. Reported: the
 * edits per second that reach the slowest reader (edits ÷ time from the first edit until that
 * reader has them all), the backlog (from the writer's last edit until every reader has every
 * edit), and whether every reader's document converged with the writer's.
 */
import * as Y from "yjs";
import { type Client, connectClient } from "./clients";
import type { BenchServer } from "./servers";
import { mapLimit, sleep, waitUntil } from "./wait";

export interface ThroughputOptions {
  readers: number;
  writeMs: number;
  offeredPerSecond: number;
  /** How long the readers may take to catch up once the writer stops. */
  drainTimeoutMs: number;
}

export interface ThroughputResult {
  edits: number;
  slowestPerSecond: number;
  backlogMs: number;
  converged: boolean;
  /** Server CPU time while the writer wrote and the readers caught up, per relayed message (µs). */
  cpuPerMessageUs: number;
}

const EDITS_PER_TURN = 20;
/** The writer waits while this much of its output is unsent, as a browser's socket would. */
const MAX_UNSENT = 1024 * 1024;

export async function measureThroughput(
  server: BenchServer,
  options: ThroughputOptions,
): Promise<ThroughputResult> {
  const access = await server.openRoom();
  const clients: Client[] = [];
  try {
    const writer = connectClient(access);
    clients.push(writer);
    await writer.synced;
    const readers = await mapLimit(
      Array.from({ length: options.readers }, (_, i) => i),
      10,
      async () => {
        const reader = connectClient(access);
        clients.push(reader);
        await reader.synced;
        return reader;
      },
    );
    const counts = readers.map(() => 0);
    const doneAt = readers.map(() => 0);
    let edits = 0;
    let writing = true;
    for (const [i, reader] of readers.entries())
      reader.doc.getMap("load").observe((event) => {
        counts[i]! += event.keysChanged.size;
        if (!writing && counts[i] === edits && doneAt[i] === 0) doneAt[i] = performance.now();
      });
    const map = writer.doc.getMap<number>("load");
    const cpuBefore = server.cpuMs();
    const started = performance.now();
    while (performance.now() - started < options.writeMs) {
      const due = ((performance.now() - started) * options.offeredPerSecond) / 1000;
      for (let i = 0; i < EDITS_PER_TURN && edits < due; i++) map.set(`k${edits++}`, edits);
      await new Promise((resolve) => setImmediate(resolve));
      while (writer.unsent() > MAX_UNSENT) await sleep(1);
    }
    writing = false;
    const stoppedAt = performance.now();
    for (const [i, count] of counts.entries()) if (count === edits && doneAt[i] === 0) doneAt[i] = stoppedAt;
    await waitUntil(() => doneAt.every((t) => t > 0), options.drainTimeoutMs, "readers to catch up").catch(
      () => {},
    );
    const cpuMs = server.cpuMs() - cpuBefore;
    const lastAt = Math.max(...doneAt.map((t) => (t === 0 ? Number.POSITIVE_INFINITY : t)));
    const vector = Buffer.from(Y.encodeStateVector(writer.doc)).toString("hex");
    const converged = readers.every(
      (r) => Buffer.from(Y.encodeStateVector(r.doc)).toString("hex") === vector,
    );
    return {
      edits,
      slowestPerSecond: (Math.min(...counts) / (lastAt - started)) * 1000,
      backlogMs: lastAt - stoppedAt,
      converged,
      cpuPerMessageUs: (cpuMs * 1000) / Math.max(1, edits * options.readers),
    };
  } finally {
    for (const client of clients) client.destroy();
  }
}
