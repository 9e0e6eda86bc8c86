/**
 * `npm start` runs compiled JavaScript: it builds the server once into dist/server and the process
 * that serves runs on plain Node, with no TypeScript loader. Run in one project only, since two
 * concurrent starts would build into the same dist/ at once.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { serversUsePostgres } from "../helpers/testDatabase";

const root = path.resolve(import.meta.dirname, "../..");
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

interface Started {
  child: ChildProcess;
  output: string;
  url: string;
}

/** `npm start`'s command (package.json), with a fresh data directory and no inherited NODE_OPTIONS. */
async function npmStart(dataDir: string): Promise<Started> {
  const command = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts.start as string;
  const [bin, ...args] = command.split(" ");
  expect(bin).toBe("node");
  const { NODE_OPTIONS: _, ...env } = process.env;
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...env, HOST: "127.0.0.1", PORT: "0", DATA_DIR: dataDir, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  });
  const started: Started = { child, output: "", url: "" };
  const collect = (d: Buffer) => {
    started.output += d.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  started.url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", () => {
      const match = /listening on (http:\/\/\S+)/.exec(started.output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`npm start exited with ${code}:\n${started.output}`)));
  });
  return started;
}

function stop(started: Started): Promise<void> {
  return new Promise((resolve) => {
    started.child.once("exit", () => resolve());
    started.child.kill("SIGTERM");
  });
}

describe.skipIf(serversUsePostgres())("npm start", () => {
  it("builds the server once and serves from plain Node, with no TypeScript loader", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "riskroom-start-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    rmSync(path.join(root, "dist", "server"), { recursive: true, force: true });

    const first = await npmStart(dataDir);
    expect(first.output).toContain("Built the server");
    expect(existsSync(path.join(root, "dist", "server", "main.js"))).toBe(true);
    // The serving process is the one started: its command line and environment name no loader.
    const cmdline = readFileSync(`/proc/${first.child.pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    expect(cmdline.slice(1)).toEqual(["server/scripts/start.mjs"]);
    const environ = readFileSync(`/proc/${first.child.pid}/environ`, "utf8");
    expect(environ).not.toMatch(/NODE_OPTIONS=[^\0]*(tsx|loader|import)/);
    expect((await fetch(`${first.url}/`)).status).toBe(200);
    await stop(first);

    // A second start finds the build fresh and builds nothing.
    const second = await npmStart(dataDir);
    expect(second.output).not.toContain("Built the");
    await stop(second);
  });
});
