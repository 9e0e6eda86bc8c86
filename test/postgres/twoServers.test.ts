/**
 * Two server processes on one PostgreSQL database, racing over REST as two instances behind a load
 * balancer would: a round is revealed once, an invite's last use goes to one join, and the audit
 * chain stays one chain, never a fork.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AuditResponse } from "../../shared/audit";
import { defaultFramework } from "../../shared/estimation/framework";
import { call, createInvite, createWorkshop } from "../helpers/api";
import { type ChildServer, spawnServer } from "../helpers/childServer";
import { lockAndOpen, setupWorkshop } from "../helpers/estimation";
import { freshDatabase, POSTGRES_SKIP_REASON, TEST_DATABASE_URL } from "../helpers/testDatabase";

let db: { url: string; drop(): Promise<void> };
const cleanups: Array<() => Promise<void> | void> = [];

async function server(): Promise<ChildServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "riskroom-pg2-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const child = await spawnServer(dir, { DATABASE_URL: db.url });
  cleanups.push(() => child.kill("SIGKILL"));
  return child;
}

type ErrorBody = { error?: { code: string; message: string } };

describe.skipIf(!TEST_DATABASE_URL)(
  `two server processes on one PostgreSQL database${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIP_REASON})`}`,
  () => {
    beforeEach(async () => {
      db = await freshDatabase();
    });
    afterEach(async () => {
      for (const fn of cleanups.splice(0).reverse()) await fn();
      await db?.drop();
    });

    it("reveals a round once when both servers are asked at the same moment: one 200, one 409", async () => {
      // Started together, so their migrations race too.
      const [a, b] = await Promise.all([server(), server()]);
      const s = await setupWorkshop(a.url, a.wsUrl, ["expert"]);
      const roundId = await lockAndOpen(a.url, s);
      const submitted = await call(b.url, "POST", `${s.route}/rounds/${roundId}/estimates`, {
        token: s.people[0]!.token,
        body: {
          scenarioId: s.scenarioIds[0],
          probability: { low: 0.01, best: 0.02, high: 0.04 },
          severity: { levelId: defaultFramework().severityLevels[2]!.id },
          confidence: "medium",
          rationale: "from the other server",
        },
      });
      expect(submitted.status).toBe(201);
      const reveal = (url: string) =>
        call<ErrorBody>(url, "POST", `${s.route}/rounds/${roundId}/reveal`, { token: s.facilitator });
      const results = await Promise.all([reveal(a.url), reveal(b.url)]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)?.body.error?.code).toBe("round_not_open");
      // Both servers read the one stored outcome.
      for (const url of [a.url, b.url]) {
        const again = await reveal(url);
        expect(again.status).toBe(409);
      }
    });

    it("gives an invite's last use to one of two joins made on two servers at once", async () => {
      const [a, b] = await Promise.all([server(), server()]);
      const created = await call<{ workshop: { id: string }; session: { token: string } }>(
        a.url,
        "POST",
        "/workshops",
        { body: { title: "Race for the last seat", displayName: "F" } },
      );
      const { token } = await createInvite(
        a.url,
        created.body.session.token,
        created.body.workshop.id,
        "expert",
        {
          maxUses: 1,
        },
      );
      const joins = await Promise.all(
        [a, b].map((srv, i) =>
          call<ErrorBody>(srv.url, "POST", "/join", {
            body: { inviteToken: token, displayName: `Racer ${i}` },
          }),
        ),
      );
      expect(joins.filter((j) => j.status === 201)).toHaveLength(1);
      expect(joins.find((j) => j.status !== 201)?.body.error?.code).toBe("invite_used_up");
      const invites = await call<{ invites: Array<{ uses: number }> }>(
        b.url,
        "GET",
        `/workshops/${created.body.workshop.id}/invites`,
        { token: created.body.session.token },
      );
      expect(invites.body.invites[0]?.uses).toBe(1);
    });

    it("keeps one unbroken audit chain (each write reads the head under the workshop's row lock) when both servers append to one workshop at the same moments", async () => {
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
