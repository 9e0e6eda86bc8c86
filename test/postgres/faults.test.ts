/**
 * PostgreSQL going away under a running server: the request answers 503 in the error shape, the
 * control document and the server's memory stay as they were, nothing is written later, and the
 * next request after the fault clears succeeds.
 */
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readPhase } from "../../shared/controlDoc";
import { readRounds } from "../../shared/estimationView";
import { call } from "../helpers/api";
import { lockAndOpen, setupWorkshop } from "../helpers/estimation";
import {
  cutOff,
  freshDatabase,
  POSTGRES_SKIP_REASON,
  TEST_DATABASE_URL,
  withAdmin,
} from "../helpers/testDatabase";
import { startTestServer, type TestServer } from "../helpers/testServer";
import { connectPeer, type Peer } from "../helpers/yclient";

let db: { url: string; drop(): Promise<void> };
let server: TestServer;
const peers: Peer[] = [];

function peer(room: string, token: string): Peer {
  const p = connectPeer(server.wsUrl, room, token);
  peers.push(p);
  return p;
}

type ErrorBody = { error?: { code: string; message: string } };

describe.skipIf(!TEST_DATABASE_URL)(
  `PostgreSQL faults under a running server${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIP_REASON})`}`,
  () => {
    beforeEach(async () => {
      db = await freshDatabase();
      server = await startTestServer({ DATABASE_URL: db.url });
    });
    afterEach(async () => {
      for (const p of peers.splice(0)) p.destroy();
      await server?.close();
      await db?.drop();
    });

    it("answers 503 to a reveal whose connection is ended mid-transaction, changes nothing, and reveals on the next try", async () => {
      const s = await setupWorkshop(server.url, server.wsUrl, ["expert"]);
      const roundId = await lockAndOpen(server.url, s);
      const control = peer(`${s.workshopId}/control`, s.facilitator);
      await control.synced();
      expect(readRounds(control.doc).map((r) => r.state)).toEqual(["open"]);
      const reveal = () =>
        call<ErrorBody>(server.url, "POST", `${s.route}/rounds/${roundId}/reveal`, { token: s.facilitator });

      const holder = new pg.Client({ connectionString: db.url });
      await holder.connect();
      let failed: Awaited<ReturnType<typeof reveal>>;
      try {
        // The reveal's transaction waits for this row lock; its connection is ended while it waits.
        await holder.query("BEGIN");
        await holder.query("SELECT 1 FROM workshops WHERE id = $1 FOR UPDATE", [s.workshopId]);
        const pending = reveal();
        await withAdmin(async (admin) => {
          await vi.waitFor(async () => {
            const { rowCount } = await admin.query(
              `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
               WHERE datname = $1 AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
              [new URL(db.url).pathname.slice(1)],
            );
            expect(rowCount).toBe(1);
          });
        });
        failed = await pending;
      } finally {
        await holder.query("ROLLBACK");
        await holder.end();
      }
      expect(failed.status).toBe(503);
      expect(failed.body.error).toMatchObject({ code: "store_unavailable", message: expect.any(String) });
      // Memory and the control document: still open, for this server's readers and its clients.
      const fresh = peer(`${s.workshopId}/control`, s.facilitator);
      await fresh.synced();
      expect(readRounds(fresh.doc).map((r) => r.state)).toEqual(["open"]);
      expect(readRounds(control.doc).map((r) => r.state)).toEqual(["open"]);
      const snapshots = await call<{ snapshots: unknown[] }>(server.url, "GET", `${s.route}/snapshots`, {
        token: s.facilitator,
      });
      const before = snapshots.body.snapshots.length;

      const again = await reveal();
      expect(again.status).toBe(200);
      await vi.waitFor(() => expect(readRounds(control.doc).map((r) => r.state)).toEqual(["revealed"]));
      const after = await call<{ snapshots: unknown[] }>(server.url, "GET", `${s.route}/snapshots`, {
        token: s.facilitator,
      });
      expect(after.body.snapshots.length).toBe(before + 1);
    });

    it("answers 503 while PostgreSQL refuses connections, and the next change after it is back is stored", async () => {
      const s = await setupWorkshop(server.url, server.wsUrl, ["observer"]);
      const control = peer(`${s.workshopId}/control`, s.people[0]!.token);
      await control.synced();
      const phase = (p: string) =>
        call<ErrorBody>(server.url, "PUT", `${s.route}/phase`, { token: s.facilitator, body: { phase: p } });
      expect((await phase("analyse")).status).toBe(200);
      await vi.waitFor(() => expect(readPhase(control.doc)).toBe("analyse"));

      const cut = await cutOff(db.url);
      let refused: Awaited<ReturnType<typeof phase>>;
      try {
        refused = await phase("report");
      } finally {
        await cut.restore();
      }
      expect(refused.status).toBeGreaterThanOrEqual(500);
      expect(refused.body.error?.code).toBe("store_unavailable");
      // Another change after the fault: the refused phase is not carried along with it.
      expect((await phase("estimate")).status).toBe(200);
      await vi.waitFor(() => expect(readPhase(control.doc)).toBe("estimate"));
      await server.stop();
      server = await startTestServer({ DATABASE_URL: db.url }, server.dataDir);
      const reloaded = connectPeer(server.wsUrl, `${s.workshopId}/control`, s.facilitator);
      peers.push(reloaded);
      await reloaded.synced();
      expect(readPhase(reloaded.doc)).toBe("estimate");
      const audit = await pgAuditActions(db.url, s.workshopId);
      expect(audit.filter((a) => a === "phase.set")).toHaveLength(2);
    });
  },
);

async function pgAuditActions(url: string, workshopId: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ action: string }>(
      "SELECT record->>'action' AS action FROM audit WHERE workshop_id = $1 ORDER BY n",
      [workshopId],
    );
    return rows.map((r) => r.action);
  } finally {
    await client.end();
  }
}
