/**
 * `npm run bench -- --scale`: does the cost of a REST write, and a live room's latency beside REST
 * writes, stay flat as the store fills? One server, filled with workshops of 3 invites each:
 *
 * - REST write: one workshop plus its 3 invites, made one call at a time; the median of
 *   SAMPLES of them at 100 workshops and again at TARGET workshops (target ratio ≤ 1.5);
 * - a live room of two (writer and reader) at TARGET workshops: edit latency p99 while idle,
 *   then while REST writes run back to back (target ratio ≤ 2).
 *
 * Runs the embedded store; with BENCH_DATABASE_URL set it runs again on PostgreSQL, in a fresh
 * database made from that URL. `--workshops <n>` changes TARGET (default 5,000); `--store embedded`
 * or `--store postgresql` runs one store only. A measurement: it always exits 0.
 */
import { availableParallelism, loadavg } from "node:os";
import type { CreateInviteResponse, CreateWorkshopResponse } from "../../shared/api";
import { type Client, connectClient } from "./clients";
import { createBenchDatabase } from "./pgDatabase";
import { type BenchServer, startOurs } from "./servers";
import { median, percentile } from "./stats";
import { mapLimit, sleep, waitUntil } from "./wait";

const FIRST = 100;
const SAMPLES = 40;
const FILL_CONCURRENCY = 4;
const EDITS = 150;
const EDIT_SPACING_MS = 20;

interface ScaleResult {
  store: string;
  workshops: number;
  writeAt100: number;
  writeAtTarget: number;
  idleP50: number;
  idleP99: number;
  busyP50: number;
  busyP99: number;
  restWritesDuringEdits: number;
  fillSeconds: number;
}

export async function runScaleBench(argv: string[]): Promise<void> {
  const at = argv.indexOf("--workshops");
  const target = at >= 0 ? Number(argv[at + 1]) : 5_000;
  if (!Number.isInteger(target) || target <= FIRST)
    throw new Error(`--workshops must be an integer over ${FIRST}`);
  console.log(
    `Riskroom scale bench, ${new Date().toISOString()}, ${availableParallelism()} cores, node ${process.version}`,
  );
  console.log(`load average at start: ${loadAverage()}`);
  const storeAt = argv.indexOf("--store");
  const only = storeAt >= 0 ? argv[storeAt + 1] : undefined;
  if (only !== undefined && only !== "embedded" && only !== "postgresql")
    throw new Error("--store must be embedded or postgresql");
  const results: ScaleResult[] = [];
  if (only !== "postgresql") results.push(await measureStore("embedded", target, {}));
  // A database of the run's own, made from BENCH_DATABASE_URL and dropped after, so runs never meet.
  const database = only === "embedded" ? null : await createBenchDatabase();
  if (database) {
    try {
      results.push(await measureStore("postgresql", target, { DATABASE_URL: database.url }));
    } finally {
      await database.drop();
    }
  }
  console.log("");
  for (const r of results) printResult(r);
  if (!database && only !== "embedded")
    console.log("PostgreSQL: not measured (set BENCH_DATABASE_URL to run it).");
  console.log(`load average at end: ${loadAverage()}`);
}

/** Other work on the machine shares its cores with the server and the clients. */
function loadAverage(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");
}

async function measureStore(
  store: string,
  target: number,
  env: Record<string, string>,
): Promise<ScaleResult> {
  const server = await startOurs(env);
  try {
    console.log(`${store}: server pid ${server.pid}`);
    const base = server.baseUrl;
    const started = performance.now();
    await fill(base, FIRST);
    const writeAt100 = median(await sampleWrites(base, SAMPLES));
    console.log(`  ${FIRST} workshops: REST write median ${writeAt100.toFixed(1)} ms`);
    await fill(base, target - FIRST - SAMPLES, (done) => {
      if (done % 500 === 0) console.log(`  filled ${done + FIRST + SAMPLES} workshops`);
    });
    const fillSeconds = (performance.now() - started) / 1000;
    const writeAtTarget = median(await sampleWrites(base, SAMPLES));
    console.log(`  ${target} workshops: REST write median ${writeAtTarget.toFixed(1)} ms`);
    console.log(`  server RSS ${(server.rssKiB() / 1024).toFixed(0)} MiB, load average ${loadAverage()}`);
    const room = await openPair(server);
    try {
      const idle = await measureEdits(room.writer, room.reader, "idle");
      let restWrites = 0;
      let stop = false;
      const load = (async () => {
        while (!stop) {
          await workshopWithInvites(base);
          restWrites += 1;
        }
      })();
      const busy = await measureEdits(room.writer, room.reader, "busy");
      stop = true;
      await load;
      return {
        store,
        workshops: target + SAMPLES + restWrites,
        writeAt100,
        writeAtTarget,
        idleP50: percentile(idle, 50),
        idleP99: percentile(idle, 99),
        busyP50: percentile(busy, 50),
        busyP99: percentile(busy, 99),
        restWritesDuringEdits: restWrites,
        fillSeconds,
      };
    } finally {
      room.writer.destroy();
      room.reader.destroy();
    }
  } finally {
    await server.stop();
  }
}

/** One REST write as an organiser makes it: a workshop, then 3 invites. */
async function workshopWithInvites(base: string): Promise<void> {
  const created = await post<CreateWorkshopResponse>(base, "/workshops", {
    title: "Scale",
    displayName: "F",
  });
  for (const role of ["facilitator", "expert", "observer"])
    await post<CreateInviteResponse>(
      base,
      `/workshops/${created.workshop.id}/invites`,
      { role },
      created.session.token,
    );
}

async function fill(base: string, count: number, progress?: (done: number) => void): Promise<void> {
  let done = 0;
  await mapLimit(Array.from({ length: Math.max(0, count) }), FILL_CONCURRENCY, async () => {
    await workshopWithInvites(base);
    done += 1;
    progress?.(done);
  });
}

async function sampleWrites(base: string, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await workshopWithInvites(base);
    out.push(performance.now() - t0);
  }
  return out;
}

async function openPair(server: BenchServer): Promise<{ writer: Client; reader: Client }> {
  const access = await server.openRoom();
  const writer = connectClient(access);
  const reader = connectClient(access);
  await Promise.all([writer.synced, reader.synced]);
  return { writer, reader };
}

/** Edits one at a time; each one's latency is from the writer's change to the reader's. */
async function measureEdits(writer: Client, reader: Client, tag: string): Promise<number[]> {
  const latencies: number[] = [];
  const map = reader.doc.getMap<number>("scale");
  const seen = new Set<string>();
  const observer = () => {
    const now = performance.now();
    for (const [key, sentAt] of map.entries())
      if (key.startsWith(tag) && !seen.has(key)) {
        seen.add(key);
        latencies.push(now - sentAt);
      }
  };
  map.observe(observer);
  try {
    for (let i = 0; i < EDITS; i++) {
      writer.doc.getMap<number>("scale").set(`${tag}-${i}`, performance.now());
      await waitUntil(() => seen.has(`${tag}-${i}`), 10_000, `edit ${tag}-${i} to reach the reader`, 1);
      await sleep(EDIT_SPACING_MS);
    }
  } finally {
    map.unobserve(observer);
  }
  return latencies;
}

async function post<T>(base: string, route: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${base}/api${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`POST ${route}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

function printResult(r: ScaleResult): void {
  const writeRatio = r.writeAtTarget / r.writeAt100;
  const p99Ratio = r.busyP99 / r.idleP99;
  console.log(
    `Store: ${r.store} (${r.workshops} workshops at the end; filled in ${r.fillSeconds.toFixed(0)} s)`,
  );
  console.log(
    `  REST write (workshop + 3 invites), median: ${r.writeAt100.toFixed(1)} ms at ${FIRST}, ` +
      `${r.writeAtTarget.toFixed(1)} ms at the target; ratio ${writeRatio.toFixed(2)} (target ≤ 1.5) ${verdict(writeRatio <= 1.5)}`,
  );
  console.log(
    `  live room of two, ${EDITS} edits: idle p50 ${r.idleP50.toFixed(1)} / p99 ${r.idleP99.toFixed(1)} ms; ` +
      `during ${r.restWritesDuringEdits} REST writes p50 ${r.busyP50.toFixed(1)} / p99 ${r.busyP99.toFixed(1)} ms; ` +
      `p99 ratio ${p99Ratio.toFixed(2)} (target ≤ 2) ${verdict(p99Ratio <= 2)}`,
  );
}

function verdict(ok: boolean): string {
  return ok ? "PASS" : "FAIL";
}
