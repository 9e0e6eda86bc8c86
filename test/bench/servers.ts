/**
 * Starts our server and the reference y-websocket server, each as a child process on a free
 * loopback port, and stops them. Children and temporary directories are also removed
 * synchronously on process exit, so an error or Ctrl-C leaves nothing behind.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildServer, serverBuildIsStale, serverEntry } from "../../server/scripts/serverBuild";
import type { CreateWorkshopResponse } from "../../shared/api";
import type { RoomAccess } from "./clients";
import { sleep, withTimeout } from "./wait";

const HOST = "127.0.0.1";
const LIMIT_ENV =
  /^(MAX_(UPDATE|PENDING|DOC|SEND|AWARENESS)_|MESSAGE_TIME_BUDGET_MS|MESSAGES_PER_SECOND|BYTES_PER_SECOND|CPU_MS_PER_SECOND|AWARENESS_PER_SECOND)/;
const GC_DONE = "bench-gc-done";
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface BenchServer {
  readonly label: string;
  readonly pid: number;
  /** A fresh room: a new workshop (through the REST API) on ours, a new name on the reference. */
  openRoom(): Promise<RoomAccess>;
  /** Resident set size of the server process, in KiB. */
  rssKiB(): number;
  /** CPU time the server process has used so far (user + system), in ms. */
  cpuMs(): number;
  /** Runs a full garbage collection in the server; resolves with its memory right after. */
  collectGarbage(): Promise<ServerMemory>;
  /** The last lines the server wrote to stderr. */
  stderrTail(): string;
  stop(): Promise<void>;
}

/** What the server reports (process.memoryUsage(), in bytes) after a full garbage collection. */
export interface ServerMemory {
  rss: number;
  heapUsed: number;
  external: number;
  /** The server's event-loop delay (ms) since the previous report, from perf_hooks.monitorEventLoopDelay. */
  eventLoop: { p50: number; p99: number; max: number };
}

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

/** Kills every child and removes every temporary directory, synchronously (safe in an "exit" handler). */
export function cleanupNow(): void {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  children.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

/**
 * Node flags for both children. A preloaded hook runs a full garbage collection on SIGUSR2 and says
 * so on stdout, so memory is read without garbage. `BENCH_CPU_PROF=<dir>` writes a CPU profile of
 * each child to that directory.
 */
function instrumentFlags(exitOnTerm: boolean): string[] {
  // The event-loop delay since the last SIGUSR2 is read before the collection and reset after it,
  // so the collection's own pause is in neither reading.
  let hook = `import{monitorEventLoopDelay as M}from"node:perf_hooks";const h=M({resolution:1});h.enable();process.on("SIGUSR2",()=>{const e={p50:h.percentile(50)/1e6,p99:h.percentile(99)/1e6,max:h.max/1e6};globalThis.gc();const m=process.memoryUsage();h.reset();process.stdout.write("${GC_DONE} "+JSON.stringify({...m,eventLoop:e})+"\\n")});`;
  const flags = ["--expose-gc"];
  const dir = process.env.BENCH_CPU_PROF;
  if (dir) {
    flags.push("--cpu-prof", `--cpu-prof-dir=${path.resolve(dir)}`);
    // The reference has no SIGTERM handler, and node killed by a signal writes no profile.
    if (exitOnTerm) hook += `process.once("SIGTERM",()=>process.exit(0));`;
  }
  return [...flags, "--import", `data:text/javascript,${encodeURIComponent(hook)}`];
}

/** Hocuspocus 4.7 with its defaults and no extensions (no persistence), the second anchor. */
export async function startHocuspocus(): Promise<BenchServer> {
  const port = await freePort();
  const env = cleanEnv({ HOST, PORT: String(port) });
  const script = `import{Server}from"@hocuspocus/server";await new Server({port:${port},address:"${HOST}",quiet:true,stopOnSignals:false}).listen();`;
  const child = await launch(
    "hocuspocus",
    [...instrumentFlags(true), "--input-type=module", "-e", script],
    env,
    port,
  );
  let n = 0;
  return {
    ...child,
    openRoom: async () => ({
      serverUrl: `ws://${HOST}:${port}`,
      room: `bench-${n++}`,
      params: {},
      client: "hocuspocus",
    }),
  };
}

export async function startReference(extraEnv: Record<string, string> = {}): Promise<BenchServer> {
  const port = await freePort();
  const env = cleanEnv({ HOST, PORT: String(port), ...extraEnv });
  const script = path.join(repoRoot, "node_modules/@y/websocket-server/src/server.js");
  const child = await launch("reference", [...instrumentFlags(true), script], env, port);
  let n = 0;
  return {
    ...child,
    openRoom: async () => ({ serverUrl: `ws://${HOST}:${port}`, room: `bench-${n++}`, params: {} }),
  };
}

/** Our server on a fresh data directory; `extraEnv` adds settings (DATABASE_URL for the scale bench). */
export async function startOurs(
  extraEnv: Record<string, string> = {},
): Promise<BenchServer & { baseUrl: string }> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "riskroom-bench-"));
  tempDirs.add(dataDir);
  // The memory bench opens hundreds of rooms from one address, past the default creation limit.
  const env = cleanEnv({
    HOST,
    PORT: String(port),
    DATA_DIR: dataDir,
    CLIENT_DIR: dataDir,
    RATE_LIMIT_CREATE: "100000",
    ...extraEnv,
  });
  // As `npm start` runs it: the compiled server on plain Node, built first if stale.
  if (serverBuildIsStale()) await buildServer();
  const child = await launch("ours", [...instrumentFlags(false), serverEntry], env, port);
  let n = 0;
  return {
    ...child,
    baseUrl: `http://${HOST}:${port}`,
    async stop() {
      await child.stop();
      rmSync(dataDir, { recursive: true, force: true });
      tempDirs.delete(dataDir);
    },
    async openRoom() {
      const res = await fetch(`http://${HOST}:${port}/api/workshops`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ title: `Bench workshop ${n++}`, displayName: "Bench" }),
      });
      if (res.status !== 201) throw new Error(`POST /api/workshops: ${res.status} ${await res.text()}`);
      const { workshop, session } = (await res.json()) as CreateWorkshopResponse;
      return { serverUrl: `ws://${HOST}:${port}/ws`, room: workshop.id, params: { token: session.token } };
    },
  };
}

/** The environment without settings that would change either server's behaviour. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of [
    "YPERSISTENCE",
    "CALLBACK_URL",
    "GC",
    "RISKROOM_CREATE_TOKEN",
    "PUBLIC_URL",
    "ALLOWED_ORIGINS",
    "DATABASE_URL",
    "REDIS_URL",
  ])
    delete env[key];
  for (const key of ["MAX_MESSAGE_BYTES", "COMPACT_AFTER_BYTES", "SESSION_TTL_HOURS", "NODE_OPTIONS"])
    delete env[key];
  // The live-document limits (README, Limits): each bench server runs with the defaults or says otherwise.
  for (const key of Object.keys(env)) if (LIMIT_ENV.test(key)) delete env[key];
  return { ...env, ...extra };
}

async function launch(
  label: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  port: number,
): Promise<Omit<BenchServer, "openRoom">> {
  const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  let stderr = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  let gcWaiters: Array<(memory: ServerMemory) => void> = [];
  let stdout = "";
  child.stdout?.setEncoding("utf8");
  child.stdout?.on("data", (chunk: string) => {
    stdout = (stdout + chunk).slice(-4000);
    const match = new RegExp(`${GC_DONE} (\\{.*\\})\\n`).exec(stdout);
    if (!match) return;
    stdout = "";
    const memory = JSON.parse(match[1] as string) as ServerMemory;
    for (const resolve of gcWaiters) resolve(memory);
    gcWaiters = [];
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${label}: could not start ${args.join(" ")}`);
  try {
    await Promise.race([listening(port, 20_000, label), exited.then(() => died(label, stderr))]);
  } catch (err) {
    child.kill("SIGKILL");
    throw err;
  }
  return {
    label,
    pid,
    rssKiB: () => readRssKiB(pid),
    cpuMs: () => readCpuMs(pid),
    collectGarbage: () => {
      const done = new Promise<ServerMemory>((resolve) => gcWaiters.push(resolve));
      child.kill("SIGUSR2");
      return withTimeout(done, 10_000, `${label} to collect garbage`);
    },
    stderrTail: () => stderr.trim(),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await withTimeout(exited, 10_000, `${label} to exit`).catch(() => child.kill("SIGKILL"));
      }
      children.delete(child);
    },
  };
}

function died(label: string, stderr: string): never {
  throw new Error(`${label} exited before listening:\n${stderr}`);
}

/** Resolves once something accepts TCP connections on the port. */
async function listening(port: number, ms: number, label: string): Promise<void> {
  const deadline = performance.now() + ms;
  for (;;) {
    if (performance.now() > deadline)
      throw new Error(`${label} did not listen on port ${port} within ${ms} ms`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: HOST, port }, () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (ok) return;
    await sleep(50);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function readRssKiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!match) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(match[1]);
}

/** utime + stime of /proc/<pid>/stat (fields 14 and 15, in clock ticks of 10 ms on Linux). */
function readCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
