/**
 * `redis-server` as a child process on a loopback port, with no persistence (`--save ''
 * --appendonly no`) and a directory of its own: killed and started again on the same port as an
 * operator's restart would, empty. No test framework here, so the bench uses it too.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** Where `redis-server` is: REDIS_SERVER_BIN (.ci/run sets it), else PATH and Debian's place, else null. */
export function redisServerBinary(): string | null {
  const named = process.env.REDIS_SERVER_BIN;
  if (named && existsSync(named)) return named;
  const dirs = (process.env.PATH ?? "").split(path.delimiter).concat(["/usr/bin", "/usr/sbin"]);
  for (const dir of dirs) {
    const file = path.join(dir, "redis-server");
    if (dir && existsSync(file)) return file;
  }
  return null;
}

export interface RedisProcess {
  url: string;
  port: number;
  /** Kills the server (SIGKILL; it keeps no data) and waits for its exit. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
  /** Kills it and removes its directory. */
  remove(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function spawnRedis(): Promise<RedisProcess> {
  const binary = redisServerBinary();
  if (!binary) throw new Error("redis-server is not installed");
  const dir = mkdtempSync(path.join(tmpdir(), "riskroom-redis-"));
  const port = await freePort();
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const start = async (): Promise<void> => {
    const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
    const proc = spawn(binary, [...args, "--dir", dir], { stdio: ["ignore", "pipe", "pipe"] });
    child = proc;
    exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
    let out = "";
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${out}`)), 10_000);
      proc.stdout?.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("Ready to accept connections")) {
          clearTimeout(timer);
          resolve();
        }
      });
      proc.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}:\n${out}`));
      });
    });
  };
  const kill = async (): Promise<void> => {
    const proc = child;
    if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill("SIGKILL");
    await exited;
  };

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    start,
    async remove() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
