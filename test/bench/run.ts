/**
 * `npm run bench`: our server beside the reference y-websocket server and Hocuspocus, measured in
 * the same run (compare.ts), each ratio with its target. `--quick` runs smaller sizes; `--extras`
 * runs the older scenarios instead (the fuzz corpus under load, the multi-instance fan-out);
 * `--scale` the scale bench. A measurement, not a test: it always exits 0.
 */
import { availableParallelism, loadavg } from "node:os";
import { type CompareSizes, runComparison } from "./compare";
import { measureFanout } from "./fanout";
import { type FuzzLoadResult, measureFuzzLoad, printFuzzLoad } from "./fuzzLoad";
import { collectBenchGarbage } from "./gc";
import { measureJoin } from "./join";
import { type MemoryResult, measureMemory } from "./memory";
import {
  type MultiFanoutResult,
  measureMultiFanout,
  multiFanoutSkipReason,
  printMultiFanout,
} from "./multiFanout";
import { asError, type PerServer, printReport } from "./report";
import { runScaleBench } from "./scale";
import { type BenchServer, cleanupNow, startOurs, startReference } from "./servers";
import { sleep } from "./wait";

const quick = process.argv.includes("--quick");
const extras = process.argv.includes("--extras");
const TIME_BUDGET_MS = extras ? 240_000 : quick ? 600_000 : 2_400_000;
/** The issue's sizes: 200 readers, 20 receivers of a flat-out writer, a 1.9 MB document, 30 typists for 30 s. */
const SIZES: CompareSizes = quick
  ? {
      rounds: 3,
      fanout: { readers: 50, warmupEdits: 20, edits: 100, blocks: 4, spacingMs: 5 },
      throughput: { readers: 20, writeMs: 1_500, offeredPerSecond: 10_000, drainTimeoutMs: 30_000 },
      join: { mapEntries: 2_000, fieldsPerEntry: 8, textEdits: 5_000, joins: 5 },
      memoryRooms: 50,
      typing: { typists: 10, charsPerSecond: 5, durationMs: 3_000 },
    }
  : {
      rounds: 3,
      fanout: { readers: 200, warmupEdits: 20, edits: 300, blocks: 6, spacingMs: 5 },
      throughput: { readers: 20, writeMs: 5_000, offeredPerSecond: 10_000, drainTimeoutMs: 60_000 },
      join: { mapEntries: 5_000, fieldsPerEntry: 8, textEdits: 20_000, joins: 9 },
      memoryRooms: 200,
      typing: { typists: 30, charsPerSecond: 5, durationMs: 30_000 },
    };
// p99 of (edit, reader) pairs is set by the few slowest edits; 1,000 edits make it more than a handful.
const FANOUT = { readers: 50, warmupEdits: 50, edits: 1_000, blocks: 10, spacingMs: 5 };
const JOIN = { mapEntries: 5_000, fieldsPerEntry: 8, textEdits: 20_000, joins: 15 };
const MEMORY_ROOMS = 200;
const FUZZ = { inputs: 10_000, seed: Number(process.env.FUZZ_SEED || 20261201) };
/** Rate limits raised, so the fuzz corpus reaches the update checks (as in the fuzz test). */
const FUZZ_ENV = {
  MESSAGES_PER_SECOND: "1000000",
  BYTES_PER_SECOND: String(2 ** 40),
  CPU_MS_PER_SECOND: "1000000",
  AWARENESS_PER_SECOND: "1000000",
};

process.on("exit", cleanupNow);
const scale = process.argv.includes("--scale");
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    console.error(`${signal}: stopping the servers`);
    process.exit(0);
  });
// The scale bench fills thousands of workshops; its waits are bounded one by one instead.
const watchdog = scale
  ? undefined
  : setTimeout(() => {
      console.error(`bench exceeded its ${TIME_BUDGET_MS / 1000} s budget; stopping`);
      process.exit(0);
    }, TIME_BUDGET_MS);

/** Runs one scenario, reporting how long it took; a failure becomes the scenario's result. */
async function step<T>(what: string, fn: () => Promise<T>): Promise<T | Error> {
  const started = performance.now();
  try {
    const result = await fn();
    console.log(`  ${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return result;
  } catch (err) {
    console.log(`  ${what}: failed: ${asError(err).message}`);
    return asError(err);
  }
}

/** A scenario run on both servers at once: its failure is each server's result. */
function perServer<T>(outcome: PerServer<T> | Error, servers: number): PerServer<T> {
  return outcome instanceof Error ? Array.from({ length: servers }, () => outcome) : outcome;
}

async function compare(): Promise<void> {
  const started = performance.now();
  console.log(
    `Riskroom bench${quick ? " (--quick)" : ""}, ${new Date().toISOString()}, ${availableParallelism()} cores, node ${process.version}`,
  );
  console.log(`load average at start: ${loadAverage()}`);
  try {
    await runComparison(SIZES);
  } finally {
    console.log(`load average at end: ${loadAverage()}`);
    console.log(`bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log(
    `Riskroom bench, ${new Date().toISOString()}, ${availableParallelism()} cores, node ${process.version}`,
  );
  console.log(`load average at start: ${loadAverage()}`);
  const servers: BenchServer[] = [];
  try {
    servers.push(await startReference());
    // The bench's clients share one session, and its large document is written by one client in
    // a tight loop (20,000 messages): the per-session rate limits exist to stop exactly that, so
    // they are raised here; the fuzz scenario below measures them.
    servers.push(await startOurs(FUZZ_ENV));
    console.log(`servers: ${servers.map((s) => `${s.label} (pid ${s.pid})`).join(", ")}`);

    // Memory first, while both processes are fresh; one server at a time.
    const memory: Array<MemoryResult | Error> = [];
    for (const server of servers)
      memory.push(
        await step(`memory, ${MEMORY_ROOMS} rooms, ${server.label}`, () =>
          measureMemory(server, MEMORY_ROOMS),
        ),
      );
    await sleep(2_000); // ours stores and unloads the rooms just closed
    collectBenchGarbage();

    const fanout = await step(`fan-out, 1 writer to ${FANOUT.readers} readers, both`, () =>
      measureFanout(servers, FANOUT),
    );
    collectBenchGarbage();
    const join = await step(`${JOIN.joins} joins of a large document, both`, () =>
      measureJoin(servers, JOIN),
    );

    // Servers of its own (two instances on PostgreSQL and Redis, one on PostgreSQL alone).
    const skip = multiFanoutSkipReason();
    const multi: MultiFanoutResult | Error | string =
      skip ??
      (await step(`multi-instance fan-out, 1 writer to ${FANOUT.readers} readers over 2 instances`, () =>
        measureMultiFanout(FANOUT, FUZZ_ENV),
      ));
    collectBenchGarbage();

    // Last, on a server of its own: the corpus leaves a document no other scenario should meet.
    const fuzzServer = await startOurs(FUZZ_ENV);
    servers.push(fuzzServer);
    let fuzz: FuzzLoadResult | Error;
    try {
      fuzz = await step(`fuzz corpus, ${FUZZ.inputs} inputs, ours`, () =>
        measureFuzzLoad(fuzzServer, FUZZ.inputs, FUZZ.seed),
      );
    } finally {
      await fuzzServer.stop();
      servers.pop();
    }

    console.log("");
    printFuzzLoad(fuzz, FUZZ.seed);
    console.log("");
    printReport({
      labels: servers.map((s) => s.label),
      memory,
      fanout: perServer(fanout, servers.length),
      join: perServer(join, servers.length),
    });
    console.log("");
    printMultiFanout(multi, FANOUT.readers);
    for (const server of servers) {
      const tail = server.stderrTail();
      if (tail) console.log(`\n${server.label} wrote to stderr:\n${tail}`);
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop().catch(() => {})));
    console.log(`load average at end: ${loadAverage()}`);
    console.log(`bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
}

/** Other work on the machine shares its cores with the servers and the clients. */
function loadAverage(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");
}

(scale ? runScaleBench(process.argv) : extras ? main() : compare())
  .catch((err: unknown) => console.error("bench failed:", err))
  .finally(() => {
    clearTimeout(watchdog);
    process.exit(0);
  });
