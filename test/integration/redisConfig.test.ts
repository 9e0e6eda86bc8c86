import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { spawnServer } from "../helpers/childServer";

describe("starting with REDIS_URL", () => {
  it("refuses to start with REDIS_URL and no DATABASE_URL, with a message that says what to set", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "riskroom-redis-config-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    // An empty DATABASE_URL is no database, in either pass of the suite.
    const started = spawnServer(dir, { REDIS_URL: "redis://127.0.0.1:1", DATABASE_URL: "" });
    await expect(started).rejects.toThrow(/exited with 1/);
    await expect(started).rejects.toThrow(/Riskroom did not start: REDIS_URL is set but DATABASE_URL is not/);
  });
});
