import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { CloseCode } from "../../shared/limits";
import { call, workshopWith } from "../helpers/api";
import { storedContent } from "../helpers/attackLoop";
import { insertWithDeletes } from "../helpers/hostileUpdates";
import { awarenessMessage, SYNC_UPDATE, syncMessage, textUpdate } from "../helpers/messages";
import { openRaw } from "../helpers/rawSocket";
import { type ServerPerTest, serverPerTest } from "../helpers/serverPerTest";

const QUERY_AWARENESS = Uint8Array.of(3);

/** A second workshop whose two peers must keep editing while another connection is refused. */
async function otherRoom(live: ServerPerTest) {
  const other = await workshopWith(live.server.url, ["expert", "expert"]);
  const [b1, b2] = [0, 1].map((i) => live.peer(other.workshopId, other.people[i]!.token));
  await Promise.all([b1!.synced(), b2!.synced()]);
  return {
    async stillServes(text: string) {
      b1!.doc.getText("notes").insert(0, text);
      await vi.waitFor(async () => expect(b2!.doc.getText("notes").toString()).toContain(text), {
        timeout: 10_000,
      });
      expect((await call(live.server.url, "GET", "/me", { token: other.people[0]!.token })).status).toBe(200);
    },
  };
}

describe("message and byte rates", () => {
  const live = serverPerTest({
    MESSAGES_PER_SECOND: "5",
    BYTES_PER_SECOND: "1000",
    MAX_MESSAGE_BYTES: "20000",
  });

  it("closes a connection that sends messages faster than its rate, and its session stays limited on reconnect", async () => {
    const { workshopId, people } = await workshopWith(live.server.url, ["expert"]);
    const others = await otherRoom(live);
    const flood = openRaw(live.server.wsUrl, workshopId, people[0]!.token);
    await flood.opened;
    for (let i = 0; i < 30; i++) flood.ws.send(QUERY_AWARENESS);
    expect((await flood.closed).code).toBe(CloseCode.rateLimited);
    // A reconnect does not refill the buckets: they belong to the session.
    const again = openRaw(live.server.wsUrl, workshopId, people[0]!.token);
    await again.opened;
    for (let i = 0; i < 30; i++) again.ws.send(QUERY_AWARENESS);
    expect((await again.closed).code).toBe(CloseCode.rateLimited);
    await others.stillServes("after the flood");
  });

  it("closes a connection that sends more bytes than its rate, storing nothing past the limit", async () => {
    const { workshopId, people } = await workshopWith(live.server.url, ["expert"]);
    const others = await otherRoom(live);
    const raw = openRaw(live.server.wsUrl, workshopId, people[0]!.token);
    await raw.opened;
    raw.ws.send(syncMessage(SYNC_UPDATE, textUpdate("a".repeat(15_000))));
    await vi.waitFor(async () =>
      expect((await storedContent(live.server, workshopId)).includes("a".repeat(15_000))).toBe(true),
    );
    const before = await storedContent(live.server, workshopId);
    raw.ws.send(syncMessage(SYNC_UPDATE, insertWithDeletes(99, 0, "b".repeat(15_000), [])));
    expect((await raw.closed).code).toBe(CloseCode.rateLimited);
    expect((await storedContent(live.server, workshopId)).equals(before)).toBe(true);
    await others.stillServes("after the bytes");
  });
});

describe("the share of the server's processing time", () => {
  // 20 ms a second (a burst of 80): a join or an edit costs a few ms, a message of 5,000 map entries several.
  const live = serverPerTest({
    CPU_MS_PER_SECOND: "20",
    MESSAGES_PER_SECOND: "100000",
    BYTES_PER_SECOND: String(1 << 30),
  });

  it("closes a session over CPU_MS_PER_SECOND, having applied only whole messages, while another room serves", async () => {
    const { workshopId, people } = await workshopWith(live.server.url, ["expert", "expert"]);
    const others = await otherRoom(live);
    const reader = live.peer(workshopId, people[1]!.token);
    await reader.synced();
    const heavy = openRaw(live.server.wsUrl, workshopId, people[0]!.token);
    await heavy.opened;
    // Each message 5,000 entries of a client of its own, keyed <message>entry to be counted afterwards.
    const SENT = 100;
    const ENTRIES = 5_000;
    for (let i = 0; i < SENT; i++) {
      const doc = new Y.Doc();
      const map = doc.getMap("m");
      doc.transact(() => {
        for (let j = 0; j < ENTRIES; j++) map.set(`<${String(i).padStart(3, "0")}>${j}`, j);
      });
      heavy.ws.send(syncMessage(SYNC_UPDATE, Y.encodeStateAsUpdate(doc)));
    }
    const closed = await heavy.closed;
    expect(closed.code).toBe(CloseCode.rateLimited);
    expect(closed.reason).toContain("processing time");
    // Stored and relayed: some messages, each whole, and not all of them.
    const messagesIn = (text: string) => new Set(text.match(/<\d{3}>/g) ?? []);
    const stored = async () => messagesIn((await storedContent(live.server, workshopId)).toString("latin1"));
    const readerKeys = () => [...reader.doc.getMap("m").keys()];
    await vi.waitFor(
      async () => {
        expect((await stored()).size).toBeGreaterThan(0);
        expect(messagesIn(readerKeys().join(" ")).size).toBe((await stored()).size);
      },
      { timeout: 10_000 },
    );
    const applied = (await stored()).size;
    expect(applied).toBeLessThan(SENT);
    expect(readerKeys().length).toBe(applied * ENTRIES);
    expect(reader.provider.wsconnected).toBe(true);
    await others.stillServes("after the heavy messages");
  });
});

describe("the send buffer", () => {
  const live = serverPerTest({
    MAX_SEND_BUFFER_BYTES: String(256 * 1024),
    MESSAGES_PER_SECOND: "100000",
    BYTES_PER_SECOND: String(1 << 30),
    MAX_DOC_BYTES: String(1 << 30),
    COMPACT_AFTER_BYTES: String(1 << 30),
  });

  it("drops a reader that stops reading, and its presence goes with it", async () => {
    const { workshopId, people } = await workshopWith(live.server.url, ["expert", "expert", "expert"]);
    const others = await otherRoom(live);
    const watcher = live.peer(workshopId, people[0]!.token);
    await watcher.synced();
    const slow = openRaw(live.server.wsUrl, workshopId, people[1]!.token);
    await slow.opened;
    slow.ws.send(awarenessMessage([{ clientId: 5150, clock: 1, state: { cursor: null } }]));
    await vi.waitFor(async () => expect(watcher.provider.awareness.getStates().has(5150)).toBe(true));
    slow.ws.pause();

    const writer = openRaw(live.server.wsUrl, workshopId, people[2]!.token);
    await writer.opened;
    const chunk = "w".repeat(500_000);
    // Writes until the server gives up on the reader: the kernel's socket buffers take the first MBs.
    for (let i = 0; i < 200 && watcher.provider.awareness.getStates().has(5150); i++) {
      writer.ws.send(syncMessage(SYNC_UPDATE, insertWithDeletes(10_000 + i, 0, chunk, [])));
      await new Promise<void>((resolve) => writer.ws.ping(undefined, undefined, () => resolve()));
      await vi.waitFor(async () => expect(watcher.doc.getText("notes").length).toBe((i + 1) * chunk.length), {
        timeout: 10_000,
      });
    }
    await vi.waitFor(async () => expect(watcher.provider.awareness.getStates().has(5150)).toBe(false));
    expect(watcher.provider.wsconnected).toBe(true);
    await others.stillServes("after the slow reader");
    writer.ws.close();
    slow.ws.terminate();
  });
});

describe("awareness", () => {
  const live = serverPerTest({ AWARENESS_PER_SECOND: "2", MAX_AWARENESS_STATE_BYTES: "2048" });

  it("refuses a state over MAX_AWARENESS_STATE_BYTES, and a joiner is never handed it", async () => {
    const { workshopId, people } = await workshopWith(live.server.url, ["expert", "expert"]);
    const others = await otherRoom(live);
    const raw = openRaw(live.server.wsUrl, workshopId, people[0]!.token);
    await raw.opened;
    raw.ws.send(awarenessMessage([{ clientId: 6160, clock: 1, state: { big: "x".repeat(4_000) } }]));
    const closed = await raw.closed;
    expect(closed.code).toBe(CloseCode.tooLarge);
    expect(closed.reason).toContain("awareness state");
    const joiner = live.peer(workshopId, people[1]!.token);
    await joiner.synced();
    expect(joiner.provider.awareness.getStates().has(6160)).toBe(false);
    await others.stillServes("after the big state");
  });

  it("relays awareness updates over the rate no faster than the rate, the latest one last, without closing", async () => {
    const { workshopId, people } = await workshopWith(live.server.url, ["expert", "expert"]);
    const others = await otherRoom(live);
    const watcher = live.peer(workshopId, people[1]!.token);
    await watcher.synced();
    const seen: unknown[] = [];
    watcher.provider.awareness.on("change", ({ added, updated }: { added: number[]; updated: number[] }) => {
      if (added.includes(7170) || updated.includes(7170))
        seen.push((watcher.provider.awareness.getStates().get(7170) as { n?: number } | undefined)?.n);
    });
    const raw = openRaw(live.server.wsUrl, workshopId, people[0]!.token);
    await raw.opened;
    for (let clock = 1; clock <= 40; clock++)
      raw.ws.send(awarenessMessage([{ clientId: 7170, clock, state: { n: clock } }]));
    await vi.waitFor(async () => expect(seen.at(-1)).toBe(40));
    // The burst (twice the rate of 2 a second), then the latest one: not forty.
    expect(seen.length).toBeLessThanOrEqual(6);
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    raw.ws.close();
    await others.stillServes("after the awareness flood");
  });
});
