/**
 * Two servers on one DATA_DIR: the second refuses to start, naming the process that holds the
 * directory, while the first keeps serving and nothing stored changes; the lock goes with a clean
 * shutdown, and a lock left by a killed server is taken over.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LOCK_FILE } from "../../server/store/dataDirLock";
import { call, workshopWith } from "../helpers/api";
import { type ChildServer, spawnServer } from "../helpers/childServer";
import { storedMeta } from "../helpers/storedMeta";
import { serversUsePostgres } from "../helpers/testDatabase";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "riskroom-lock-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function start(dataDir: string): Promise<ChildServer> {
  const server = await spawnServer(dataDir);
  cleanups.push(() => server.kill("SIGKILL"));
  return server;
}

// The lock guards the embedded store; on PostgreSQL instances share the database by design.
describe.skipIf(serversUsePostgres())("DATA_DIR lock", () => {
  it("refuses a second server on the same DATA_DIR, naming the holder, while the first serves on", async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    await vi.waitFor(() => expect(first.output()).toContain("Only this machine may create workshops"));
    const { workshopId, facilitator } = await workshopWith(first.url, ["expert"]);
    const meta = () => storedMeta({ dataDir });
    const before = await meta();

    const second = await start(dataDir).then(
      () => "started",
      (err: unknown) => String(err),
    );
    expect(second).toContain(`is in use by process ${first.process.pid}`);
    expect(second).toContain("exited with 1");

    const res = await call(first.url, "GET", `/workshops/${workshopId}`, { token: facilitator });
    expect(res.status).toBe(200);
    expect(await meta()).toBe(before);
  });

  it("releases the lock at shutdown, and takes over one left by a killed server, saying so", async () => {
    const dataDir = tempDir();
    const lock = path.join(dataDir, LOCK_FILE);
    const first = await start(dataDir);
    expect(JSON.parse(readFileSync(lock, "utf8")).pid).toBe(first.process.pid);
    await first.kill("SIGTERM");
    expect(existsSync(lock), first.output()).toBe(false);

    const second = await start(dataDir);
    const { workshopId, facilitator } = await workshopWith(second.url, []);
    await second.kill("SIGKILL");
    expect(JSON.parse(readFileSync(lock, "utf8")).pid).toBe(second.process.pid);

    const third = await start(dataDir);
    await vi.waitFor(() =>
      expect(third.output()).toContain(`Took over a stale lock on ${dataDir}: process ${second.process.pid}`),
    );
    expect(JSON.parse(readFileSync(lock, "utf8")).pid).toBe(third.process.pid);
    const res = await call(third.url, "GET", `/workshops/${workshopId}`, { token: facilitator });
    expect(res.status).toBe(200);
  });
});
