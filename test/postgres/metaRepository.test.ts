/**
 * The PostgreSQL metadata repository on a real database: its guards hold when two instances (two
 * pools, as two server processes would have) write at once, and a write cut off mid-transaction
 * stores nothing.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DomainError } from "../../server/domainErrors";
import { openPostgresStores } from "../../server/store/postgres";
import type { EstimateRecord, InviteRecord } from "../../server/store/records";
import type { Stores } from "../../server/store/repository";
import { ErrorCode } from "../../shared/errors";
import type { RevealedRound } from "../../shared/estimationView";
import {
  cutOff,
  freshDatabase,
  POSTGRES_SKIP_REASON,
  TEST_DATABASE_URL,
  withAdmin,
} from "../helpers/testDatabase";

const at = () => new Date().toISOString();
const stamp = (actor = "facilitator") => ({ actor, at: at() });

let db: { url: string; drop(): Promise<void> };
let a: Stores;
let b: Stores;

async function seedWorkshop(stores: Stores): Promise<string> {
  const id = randomUUID();
  await stores.meta.createWorkshop(
    {
      workshop: { id, title: "Race", createdAt: at() },
      participant: {
        id: "facilitator",
        workshopId: id,
        displayName: "F",
        role: "facilitator",
        joinedAt: at(),
      },
      session: {
        tokenHash: `session-${id}`,
        workshopId: id,
        participantId: "facilitator",
        createdAt: at(),
        expiresAt: "2999-01-01T00:00:00.000Z",
      },
    },
    stamp(),
  );
  return id;
}

async function openRoundIn(stores: Stores, workshopId: string): Promise<string> {
  await stores.meta.lockFramework(workshopId, () => ({ lockedAt: at(), lockedBy: "F", hash: "h1" }), stamp());
  const round = await stores.meta.openRound(
    {
      id: randomUUID(),
      workshopId,
      kind: "pre",
      scenarioIds: ["s1"],
      anonymous: false,
      openedAt: at(),
      openedBy: "facilitator",
    },
    stamp(),
  );
  return round.id;
}

function estimate(workshopId: string, roundId: string, participantId: string): EstimateRecord {
  return {
    workshopId,
    roundId,
    participantId,
    scenarioId: "s1",
    submittedAt: at(),
    probability: { low: 0.01, best: 0.05, high: 0.2 },
    severity: { levelId: "major" },
    confidence: "medium",
    rationale: "because",
  };
}

const revealed = (): RevealedRound => ({ estimates: {}, aggregates: {} });

function codeOf(result: PromiseSettledResult<unknown>): string | undefined {
  if (result.status === "fulfilled") return undefined;
  return result.reason instanceof DomainError ? result.reason.code : String(result.reason);
}

describe.skipIf(!TEST_DATABASE_URL)(
  `PostgreSQL metadata repository${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIP_REASON})`}`,
  () => {
    beforeEach(async () => {
      db = await freshDatabase();
      // Both instances migrate at once: the advisory lock lets one apply the schema.
      [a, b] = await Promise.all([openPostgresStores(db.url, 4), openPostgresStores(db.url, 4)]);
    });
    afterEach(async () => {
      await Promise.all([a?.close(), b?.close()]);
      await db?.drop();
    });

    it("reveals a round once when two instances reveal it at the same moment", async () => {
      const workshopId = await seedWorkshop(a);
      const roundId = await openRoundIn(a, workshopId);
      await b.meta.submitEstimate(estimate(workshopId, roundId, "expert"), stamp("expert"));
      const results = await Promise.allSettled([
        a.meta.revealRound(workshopId, roundId, revealed, stamp()),
        b.meta.revealRound(workshopId, roundId, revealed, stamp()),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.map(codeOf).filter(Boolean)).toEqual([ErrorCode.roundNotOpen]);
      const audit = await a.meta.auditOf(workshopId);
      expect(audit.filter((e) => e.action === "round.reveal")).toHaveLength(1);
      expect((await b.meta.round(workshopId, roundId))?.state).toBe("revealed");
    });

    it("gives an invite's last use to one of six joins racing from two instances", async () => {
      const workshopId = await seedWorkshop(a);
      const invite: InviteRecord = {
        id: "inv",
        workshopId,
        role: "expert",
        tokenHash: `invite-${workshopId}`,
        createdAt: at(),
        createdBy: "facilitator",
        maxUses: 2,
        uses: 0,
      };
      await a.meta.addInvite(invite, stamp());
      await a.meta.join({
        inviteTokenHash: invite.tokenHash,
        participantId: "first",
        displayName: "First",
        sessionTokenHash: `s-first-${workshopId}`,
        at: at(),
        sessionExpiresAt: "2999-01-01T00:00:00.000Z",
      });
      const racers = Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? a : b));
      const results = await Promise.allSettled(
        racers.map((stores, i) =>
          stores.meta.join({
            inviteTokenHash: invite.tokenHash,
            participantId: `racer-${i}`,
            displayName: `Racer ${i}`,
            sessionTokenHash: `s-${i}-${workshopId}`,
            at: at(),
            sessionExpiresAt: "2999-01-01T00:00:00.000Z",
          }),
        ),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.map(codeOf).filter(Boolean)).toEqual(Array(5).fill(ErrorCode.inviteUsedUp));
      expect((await b.meta.invite(workshopId, "inv"))?.uses).toBe(2);
      expect(await a.meta.participantsOf(workshopId)).toHaveLength(3);
    });

    it("takes an estimate racing a reveal either into the reveal or not at all", async () => {
      const workshopId = await seedWorkshop(a);
      const roundId = await openRoundIn(a, workshopId);
      let seen: number | undefined;
      const [submitted] = await Promise.allSettled([
        b.meta.submitEstimate(estimate(workshopId, roundId, "late"), stamp("late")),
        a.meta.revealRound(
          workshopId,
          roundId,
          (input) => {
            seen = input.estimates.length;
            return revealed();
          },
          stamp(),
        ),
      ]);
      const stored = await a.meta.estimatesOf(workshopId, roundId);
      if (submitted.status === "fulfilled") expect(seen).toBe(1);
      else expect(codeOf(submitted)).toBe(ErrorCode.roundNotOpen);
      expect(stored).toHaveLength(seen ?? -1);
    });

    it("stores nothing of a write whose connection is ended mid-transaction, and the next write succeeds", async () => {
      const workshopId = await seedWorkshop(a);
      const roundId = await openRoundIn(a, workshopId);
      const name = new URL(db.url).pathname.slice(1);
      const auditBefore = await a.meta.auditOf(workshopId);
      // Hold the workshop's row, so the reveal's transaction waits inside, then end its connection.
      await withAdmin(async (admin) => {
        const holder = new (await import("pg")).default.Client({ connectionString: db.url });
        await holder.connect();
        try {
          await holder.query("BEGIN");
          await holder.query("SELECT 1 FROM workshops WHERE id = $1 FOR UPDATE", [workshopId]);
          const reveal = a.meta.revealRound(workshopId, roundId, revealed, stamp()).then(
            () => "stored",
            (err: unknown) => err,
          );
          await vi.waitFor(async () => {
            const { rowCount } = await admin.query(
              `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
               WHERE datname = $1 AND wait_event_type = 'Lock' AND pid <> $2`,
              [name, (await holder.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]?.pid],
            );
            expect(rowCount).toBe(1);
          });
          expect(await reveal).toMatchObject({ code: ErrorCode.storeUnavailable });
        } finally {
          await holder.query("ROLLBACK");
          await holder.end();
        }
      });
      expect((await a.meta.round(workshopId, roundId))?.state).toBe("open");
      expect(await a.meta.auditOf(workshopId)).toEqual(auditBefore);
      await a.meta.revealRound(workshopId, roundId, revealed, stamp());
      expect((await b.meta.round(workshopId, roundId))?.state).toBe("revealed");
    });

    it("answers store_unavailable while the database refuses connections, and works again after", async () => {
      const workshopId = await seedWorkshop(a);
      const cut = await cutOff(db.url);
      try {
        await expect(
          a.meta.setRoomState(
            workshopId,
            { change: () => ({ phase: "analyse" }), action: "phase.set" },
            stamp(),
          ),
        ).rejects.toMatchObject({ code: ErrorCode.storeUnavailable });
      } finally {
        await cut.restore();
      }
      expect(await b.meta.roomState(workshopId)).toEqual({});
      await a.meta.setRoomState(
        workshopId,
        { change: () => ({ phase: "analyse" }), action: "phase.set" },
        stamp(),
      );
      expect(await b.meta.roomState(workshopId)).toEqual({ phase: "analyse" });
    });

    it("revokes an invite's sessions and participants in the write that revokes it", async () => {
      const workshopId = await seedWorkshop(a);
      const invite: InviteRecord = {
        id: "inv",
        workshopId,
        role: "observer",
        tokenHash: `invite-${workshopId}`,
        createdAt: at(),
        createdBy: "facilitator",
        uses: 0,
      };
      await a.meta.addInvite(invite, stamp());
      await b.meta.join({
        inviteTokenHash: invite.tokenHash,
        participantId: "o1",
        displayName: "O",
        sessionTokenHash: `s-o1-${workshopId}`,
        at: at(),
        sessionExpiresAt: "2999-01-01T00:00:00.000Z",
      });
      const revoked = await a.meta.revokeInvite(workshopId, "inv", stamp());
      expect(revoked.changed).toBe(true);
      expect(revoked.participants.map((p) => [p.id, Boolean(p.revokedAt)])).toEqual([["o1", true]]);
      expect((await b.meta.sessionByTokenHash(`s-o1-${workshopId}`))?.revokedAt).toBe(
        revoked.invite.revokedAt,
      );
      const again = await b.meta.revokeInvite(workshopId, "inv", stamp());
      expect(again.changed).toBe(false);
      await expect(
        a.meta.join({
          inviteTokenHash: invite.tokenHash,
          participantId: "o2",
          displayName: "O2",
          sessionTokenHash: `s-o2-${workshopId}`,
          at: at(),
          sessionExpiresAt: "2999-01-01T00:00:00.000Z",
        }),
      ).rejects.toMatchObject({ code: ErrorCode.inviteRevoked });
    });
  },
);
