/**
 * The PostgreSQL document log on a real database: order, compaction in one transaction, two
 * instances on one document, migrations raced, and an append that fails.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { MIGRATIONS, migrate } from "../../server/store/postgres/migrations";
import { PgDocLog } from "../../server/store/postgres/pgDocLog";
import { createPool, type Pool } from "../../server/store/postgres/pool";
import type { RoomName } from "../../shared/rooms";
import { cutOff, freshDatabase, POSTGRES_SKIP_REASON, TEST_DATABASE_URL } from "../helpers/testDatabase";

const room: RoomName = { workshopId: "w1", kind: "content" };

let db: { url: string; drop(): Promise<void> };
const pools: Pool[] = [];

function pool(): Pool {
  const p = createPool(db.url, 3);
  pools.push(p);
  return p;
}

/** A document whose every change is appended to `log`, with the append promises kept. */
function writer(log: PgDocLog) {
  const doc = new Y.Doc();
  const appends: Promise<void>[] = [];
  doc.on("update", (u: Uint8Array) => appends.push(log.append(room, u)));
  return { doc, text: doc.getText("t"), settled: () => Promise.all(appends) };
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getText("t").toString();
}

describe.skipIf(!TEST_DATABASE_URL)(
  `PostgreSQL document log${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIP_REASON})`}`,
  () => {
    beforeEach(async () => {
      db = await freshDatabase();
      await migrate(pool());
    });
    afterEach(async () => {
      await Promise.all(pools.splice(0).map((p) => p.end()));
      await db?.drop();
    });

    it("loads every committed update in the order it was appended, and counts their bytes", async () => {
      const log = new PgDocLog(pool());
      expect(await log.load(room)).toEqual([]);
      const w = writer(log);
      for (let i = 0; i < 50; i++) w.text.insert(w.text.length, `${i},`);
      await w.settled();
      const updates = Y.encodeStateAsUpdate(w.doc);
      expect(log.pendingBytes(room)).toBeGreaterThan(updates.length / 2);
      const loaded = await new PgDocLog(pool()).load(room);
      expect(loaded).toHaveLength(50);
      expect(textOf(loaded)).toBe(w.text.toString());
    });

    it("compacts into one state row and deletes the rows it covers, keeping later ones", async () => {
      const log = new PgDocLog(pool());
      await log.load(room);
      const w = writer(log);
      w.text.insert(0, "before compaction ");
      w.text.insert(w.text.length, "and more ");
      await w.settled();
      await log.compact(room, () => Y.encodeStateAsUpdate(w.doc));
      expect(log.pendingBytes(room)).toBe(0);
      w.text.insert(w.text.length, "after");
      await w.settled();
      const loaded = await new PgDocLog(pool()).load(room);
      // The state, then the one update since.
      expect(loaded).toHaveLength(2);
      expect(textOf(loaded)).toBe("before compaction and more after");
    });

    it("keeps another instance's updates when one instance compacts the same document", async () => {
      const [one, two] = [new PgDocLog(pool()), new PgDocLog(pool())];
      await Promise.all([one.load(room), two.load(room)]);
      const a = writer(one);
      const b = writer(two);
      a.text.insert(0, "A");
      b.text.insert(0, "B");
      await Promise.all([a.settled(), b.settled()]);
      a.text.insert(1, "a");
      await a.settled();
      // `one` never saw B's update, yet its compaction must not drop it.
      await one.compact(room, () => Y.encodeStateAsUpdate(a.doc));
      b.text.insert(b.text.length, "b");
      await b.settled();
      await two.compact(room, () => Y.encodeStateAsUpdate(b.doc));
      const text = textOf(await new PgDocLog(pool()).load(room));
      expect([...text].sort().join("")).toBe("ABab");
    });

    it("applies each migration once when instances start together", async () => {
      const again = await Promise.all([migrate(pool()), migrate(pool()), migrate(pool())]);
      expect(again).toEqual([[], [], []]);
      const { rows } = await pool().query<{ version: number }>(
        "SELECT version FROM schema_migrations ORDER BY version",
      );
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    });

    it("refuses to start on a database migrated by a newer version", async () => {
      await pool().query("INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')");
      await expect(migrate(pool())).rejects.toThrow(/newer Riskroom \(schema version 999/);
    });

    it("rejects an append the database cannot take, and loads nothing of it after", async () => {
      const log = new PgDocLog(pool());
      await log.load(room);
      const w = writer(log);
      w.text.insert(0, "kept ");
      await w.settled();
      const cut = await cutOff(db.url);
      try {
        w.text.insert(w.text.length, "lost");
        await expect(w.settled()).rejects.toThrow();
      } finally {
        await cut.restore();
      }
      expect(textOf(await new PgDocLog(pool()).load(room))).toBe("kept ");
    });
  },
);
