/**
 * Write-before-relay on PostgreSQL, over real sockets: an update held up in the database reaches
 * no peer and no joiner until it is committed; one the database refuses reaches nobody, and the
 * room's connections close with 1011.
 */
import { Buffer } from "node:buffer";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { workshopWith } from "../helpers/api";
import { awarenessMessage, SYNC_UPDATE, syncMessage, textUpdate } from "../helpers/messages";
import { openRaw, type RawSocket } from "../helpers/rawSocket";
import { cutOff, freshDatabase, POSTGRES_SKIP_REASON, TEST_DATABASE_URL } from "../helpers/testDatabase";
import { startTestServer, type TestServer } from "../helpers/testServer";

let db: { url: string; drop(): Promise<void> };
let server: TestServer;
const sockets: RawSocket[] = [];

function raw(room: string, token: string): RawSocket {
  const s = openRaw(server.wsUrl, room, token);
  sockets.push(s);
  return s;
}

const has = (s: RawSocket, text: string) => s.messages.some((m) => Buffer.from(m).includes(text));
const isSyncStep2 = (m: Uint8Array) => m[0] === 0 && m[1] === 1;
const isAwareness = (m: Uint8Array) => m[0] === 1;

describe.skipIf(!TEST_DATABASE_URL)(
  `write-before-relay on PostgreSQL${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIP_REASON})`}`,
  () => {
    beforeEach(async () => {
      db = await freshDatabase();
      server = await startTestServer({ DATABASE_URL: db.url });
    });
    afterEach(async () => {
      for (const s of sockets.splice(0)) s.ws.terminate();
      await server?.close();
      await db?.drop();
    });

    it("relays an update and answers a joiner only once the update is committed", async () => {
      const { workshopId, people } = await workshopWith(server.url, ["expert", "expert", "expert"]);
      const [writer, reader] = [raw(workshopId, people[0]!.token), raw(workshopId, people[1]!.token)];
      await Promise.all([writer.opened, reader.opened]);
      const blocker = await import("pg").then((pg) => new pg.default.Client({ connectionString: db.url }));
      await blocker.connect();
      try {
        // Appends wait behind this lock: the update is applied and in flight, not committed.
        await blocker.query("BEGIN");
        await blocker.query("LOCK TABLE doc_updates IN EXCLUSIVE MODE");
        writer.ws.send(syncMessage(SYNC_UPDATE, textUpdate("HELD-BACK")));
        // Presence is relayed at once; had the update been relayed, it would have come first.
        writer.ws.send(awarenessMessage([{ clientId: 777, clock: 1, state: { here: true } }]));
        await vi.waitFor(() => expect(reader.messages.some(isAwareness)).toBe(true));
        expect(has(reader, "HELD-BACK")).toBe(false);

        const joiner = raw(workshopId, people[2]!.token);
        await joiner.opened;
        // Sync step 1 with an empty state vector, then a query that is answered at once.
        joiner.ws.send(Uint8Array.of(0, 0, 1, 0));
        joiner.ws.send(Uint8Array.of(3));
        await vi.waitFor(() => expect(joiner.messages.filter(isAwareness).length).toBeGreaterThan(1));
        expect(joiner.messages.some(isSyncStep2)).toBe(false);
      } finally {
        await blocker.query("COMMIT");
        await blocker.end();
      }
      await vi.waitFor(() => expect(has(reader, "HELD-BACK")).toBe(true));
      const joiner = sockets.at(-1)!;
      await vi.waitFor(() =>
        expect(joiner.messages.some((m) => isSyncStep2(m) && Buffer.from(m).includes("HELD-BACK"))).toBe(
          true,
        ),
      );
    });

    it("relays nothing of an update PostgreSQL refuses, and closes the room's sockets with 1011", async () => {
      const { workshopId, people } = await workshopWith(server.url, ["expert", "expert"]);
      const [writer, reader] = [raw(workshopId, people[0]!.token), raw(workshopId, people[1]!.token)];
      await Promise.all([writer.opened, reader.opened]);
      writer.ws.send(syncMessage(SYNC_UPDATE, textUpdate("STORED")));
      await vi.waitFor(() => expect(has(reader, "STORED")).toBe(true));
      const cut = await cutOff(db.url);
      try {
        writer.ws.send(syncMessage(SYNC_UPDATE, textUpdate("REFUSED")));
        expect((await reader.closed).code).toBe(1011);
        expect((await writer.closed).code).toBe(1011);
        expect(has(reader, "REFUSED")).toBe(false);
      } finally {
        await cut.restore();
      }
      // Once PostgreSQL is back, the room loads again with what was committed, and only that.
      const later = raw(workshopId, people[1]!.token);
      await later.opened;
      later.ws.send(Uint8Array.of(0, 0, 1, 0));
      await vi.waitFor(() => expect(later.messages.some(isSyncStep2)).toBe(true));
      const step2 = later.messages.find(isSyncStep2)!;
      expect(Buffer.from(step2).includes("STORED")).toBe(true);
      expect(Buffer.from(step2).includes("REFUSED")).toBe(false);
    });
  },
);
