/**
 * Two server processes on one PostgreSQL database writing to one workshop at once: the audit chain
 * stays one chain (each write reads the head under the workshop's row lock), never a fork.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AuditResponse } from "../../shared/audit";
import { call, createWorkshop } from "../helpers/api";
import { type ChildServer, spawnServer } from "../helpers/childServer";
import { freshDatabase, POSTGRES_SKIP_REASON, TEST_DATABASE_URL } from "../helpers/testDatabase";

let db: { url: string; drop(): Promise<void> };
const cleanups: Array<() => Promise<void> | void> = [];

async function server(): Promise<ChildServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "riskroom-pgaudit-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const child = await spawnServer(dir, { DATABASE_URL: db.url });
  cleanups.push(() => child.kill("SIGKILL"));
  return child;
}

describe.skipIf(!TEST_DATABASE_URL)(
  `the audit chain on one PostgreSQL database shared by two servers${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIP_REASON})`}`,
  () => {
    beforeEach(async () => {
      db = await freshDatabase();
    });
    afterEach(async () => {
      for (const fn of cleanups.splice(0).reverse()) await fn();
      await db?.drop();
    });

    it("keeps one unbroken chain when both servers append to one workshop at the same moments", async () => {
      const [a, b] = await Promise.all([server(), server()]);
      const created = await createWorkshop(a.url);
      const workshopId = created.workshop.id;
      const token = created.session.token;
      const writes = Array.from({ length: 16 }, (_, i) =>
        call((i % 2 === 0 ? a : b).url, "POST", `/workshops/${workshopId}/invites`, {
          token,
          body: { role: "expert", label: `invite ${i}` },
        }),
      );
      const results = await Promise.all(writes);
      expect(results.map((r) => r.status)).toEqual(results.map(() => 201));
      const res = await call<AuditResponse>(b.url, "GET", `/workshops/${workshopId}/audit?verify=1`, {
        token,
      });
      expect(res.body.verification).toMatchObject({ ok: true, entries: 17 });
      expect(res.body.entries.map((e) => e.seq)).toEqual([...Array(17).keys()]);
      expect(new Set(res.body.entries.map((e) => e.prev)).size).toBe(17);
    });
  },
);
