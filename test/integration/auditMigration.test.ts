/**
 * A data directory of the first version (test/fixtures/v1-data), whose audit entries were never
 * chained: after the upgrade its trail reads as one chain behind a genesis entry, verifies, and
 * the first write stores that chain and extends it. (The PostgreSQL equivalent, rows stored before
 * migration 3, is in auditTrail.test.ts.)
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { AuditResponse } from "../../shared/audit";
import { call, createInvite } from "../helpers/api";
import { storedAudit } from "../helpers/auditStore";
import { serversUsePostgres } from "../helpers/testDatabase";
import { startTestServer, type TestServer } from "../helpers/testServer";

const fixtureDir = path.resolve(import.meta.dirname, "../fixtures/v1-data");
const ids = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, "../fixtures/v1-fixture.json"), "utf8"),
) as {
  first: string;
  facilitator: string;
};

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

describe.skipIf(serversUsePostgres())("the audit trail of a first-version data directory", () => {
  it("is chained behind a genesis entry, verifies, and is stored so on the next write", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "riskroom-auditmig-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    cpSync(fixtureDir, dataDir, { recursive: true });
    const legacy = (
      JSON.parse(readFileSync(path.join(dataDir, "meta.json"), "utf8")) as {
        audit: Array<{ workshopId: string }>;
      }
    ).audit.filter((e) => e.workshopId === ids.first);
    const server: TestServer = await startTestServer({}, dataDir);
    cleanups.push(() => server.stop());

    const route = `/workshops/${ids.first}/audit?verify=1`;
    const shown = await call<AuditResponse>(server.url, "GET", route, { token: ids.facilitator });
    expect(shown.status).toBe(200);
    expect(shown.body.verification).toMatchObject({ ok: true, entries: legacy.length + 1 });
    expect(shown.body.entries[0]).toMatchObject({
      action: "audit.genesis",
      actor: "server",
      target: `${legacy.length} earlier entries, chained on upgrade`,
    });
    expect(
      shown.body.entries.slice(1).map(({ at, actor, action, target }) => ({ at, actor, action, target })),
    ).toEqual(
      legacy.map(({ at, actor, action, target }: Record<string, unknown>) => ({ at, actor, action, target })),
    );
    // Still unchained on disk: reading wrote nothing.
    expect((await storedAudit(server, ids.first))[0]).not.toHaveProperty("hash");

    await createInvite(server.url, ids.facilitator, ids.first, "observer");
    const stored = await storedAudit(server, ids.first);
    expect(stored.map((e) => e.hash)).toEqual([
      ...shown.body.entries.map((e) => e.hash),
      expect.stringMatching(/^[0-9a-f]{64}$/),
    ]);
    const after = await call<AuditResponse>(server.url, "GET", route, { token: ids.facilitator });
    expect(after.body.verification).toMatchObject({ ok: true, entries: legacy.length + 2 });
  });
});
