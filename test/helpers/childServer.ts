/** The real server as its own process, for tests that kill it. */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { onTestFinished } from "vitest";
import { databaseFor, dropDatabaseFor, serversUsePostgres } from "./testDatabase";

export interface ChildServer {
  url: string;
  wsUrl: string;
  process: ChildProcess;
  output(): string;
  /** Sends the signal and waits until the process is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

const root = path.resolve(import.meta.dirname, "../..");

/**
 * In the PostgreSQL pass, a server without a DATABASE_URL of the test's choosing gets the database
 * of its data directory (the same one again on a restart), dropped when the test has finished.
 */
export async function spawnServer(dataDir: string, env: Record<string, string> = {}): Promise<ChildServer> {
  if (serversUsePostgres() && env.DATABASE_URL === undefined) {
    env = { ...env, DATABASE_URL: await databaseFor(dataDir) };
    onTestFinished(() => dropDatabaseFor(dataDir));
  }
  // `node --import tsx` keeps the server in this one process, so a signal reaches the server itself.
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: root,
    env: { ...process.env, HOST: "127.0.0.1", PORT: "0", DATA_DIR: dataDir, CLIENT_DIR: dataDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 20_000);
    child.stdout.on("data", () => {
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  return {
    url,
    wsUrl: `${url.replace(/^http/, "ws")}/ws`,
    process: child,
    output: () => out,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
