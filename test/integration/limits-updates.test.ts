import * as encoding from "lib0/encoding";
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { CloseCode, DEFAULT_SYNC_LIMITS } from "../../shared/limits";
import { call, workshopWith } from "../helpers/api";
import { attackUntilStopped, storedContent } from "../helpers/attackLoop";
import {
  deletesFrom,
  deletesOnly,
  insertWithDeletes,
  manyClients,
  splittingDeletes,
} from "../helpers/hostileUpdates";
import { SYNC_STEP_2, SYNC_UPDATE, syncMessage, textUpdate } from "../helpers/messages";
import { openRaw } from "../helpers/rawSocket";
import { serverPerTest } from "../helpers/serverPerTest";

// Rate limits raised so that each test sees the structural check it is about, not the rate limiter.
const live = serverPerTest({ MESSAGES_PER_SECOND: "100000", BYTES_PER_SECOND: String(1 << 30) });

/** A room under attack with two honest peers, and a second workshop with two peers of its own. */
async function twoRooms() {
  const { url } = live.server;
  const target = await workshopWith(url, ["expert", "expert", "expert"]);
  const other = await workshopWith(url, ["expert", "expert"]);
  const [a1, a2] = [0, 1].map((i) => live.peer(target.workshopId, target.people[i]!.token));
  const [b1, b2] = [0, 1].map((i) => live.peer(other.workshopId, other.people[i]!.token));
  await Promise.all([a1!, a2!, b1!, b2!].map((p) => p.synced()));
  a1!.doc.getText("notes").insert(0, "before");
  await vi.waitFor(async () => expect(a2!.doc.getText("notes").toString()).toBe("before"));
  return { target, attacker: target.people[2]!.token, a1: a1!, a2: a2!, b1: b1!, b2: b2! };
}

/**
 * Sends the attack over and over; meanwhile an edit in the other workshop must arrive. Afterwards
 * every attack was closed with `code`, the attacked room's stored bytes are unchanged and it still
 * relays, and the API answers.
 */
async function refusedWhileOthersServe(frame: Uint8Array, code: number): Promise<void> {
  const { target, attacker, a1, a2, b1, b2 } = await twoRooms();
  const before = await storedContent(live.server, target.workshopId);
  const attack = attackUntilStopped(live.server.wsUrl, target.workshopId, attacker, [frame]);
  await vi.waitFor(async () => expect(attack.codes.length).toBeGreaterThan(0), { timeout: 20_000 });
  b1.doc.getText("notes").insert(0, "meanwhile");
  await vi.waitFor(async () => expect(b2.doc.getText("notes").toString()).toBe("meanwhile"), {
    timeout: 20_000,
  });
  const codes = await attack.stop();
  expect(new Set(codes)).toEqual(new Set([code]));
  expect((await storedContent(live.server, target.workshopId)).equals(before)).toBe(true);
  a1.doc.getText("notes").insert(6, " and after");
  await vi.waitFor(async () => expect(a2.doc.getText("notes").toString()).toBe("before and after"));
  expect((await call(live.server.url, "GET", "/me", { token: attacker })).status).toBe(200);
}

describe("updates are checked before they are applied", () => {
  it("refuses 40k one-character deletes that split one pasted item (Yjs #687), while another room edits", async () => {
    await refusedWhileOthersServe(
      syncMessage(SYNC_UPDATE, splittingDeletes(424242, 80_000)),
      CloseCode.tooLarge,
    );
  });

  it("refuses 20k splitting delete ranges sent as sync step 2", async () => {
    await refusedWhileOthersServe(
      syncMessage(SYNC_STEP_2, splittingDeletes(424243, 40_000)),
      CloseCode.tooLarge,
    );
  });

  it("refuses 10k made-up clients at clock 10^9 (more clients than one update may carry)", async () => {
    await refusedWhileOthersServe(syncMessage(SYNC_UPDATE, manyClients(10_000, 1e9)), CloseCode.tooLarge);
  });

  it("refuses made-up clients at clock 10^9 once they pass the pending bound", async () => {
    const clients = DEFAULT_SYNC_LIMITS.maxPendingStructs + 1;
    await refusedWhileOthersServe(
      syncMessage(SYNC_UPDATE, manyClients(clients, 1e9)),
      CloseCode.tooManyPending,
    );
  });

  it("refuses a million delete ranges past a client's state", async () => {
    const frame = syncMessage(SYNC_UPDATE, deletesOnly(deletesFrom(424244, 1_000, 1_000_000)));
    await refusedWhileOthersServe(frame, CloseCode.tooLarge);
  });

  it("refuses delete ranges past a client's state once they pass the pending bound", async () => {
    const ranges = DEFAULT_SYNC_LIMITS.maxPendingDeleteRanges + 1;
    const frame = syncMessage(SYNC_UPDATE, deletesOnly(deletesFrom(424245, 1_000, ranges)));
    await refusedWhileOthersServe(frame, CloseCode.tooManyPending);
  });

  it("refuses an update with more structs than the bound", async () => {
    const structs = DEFAULT_SYNC_LIMITS.maxUpdateStructs + 1;
    await refusedWhileOthersServe(
      syncMessage(SYNC_UPDATE, oneClientStructs(424246, structs)),
      CloseCode.tooLarge,
    );
  });

  it("refuses a subdocument before decoding it (each would be decoded into a Y.Doc)", async () => {
    const e = new Y.UpdateEncoderV1();
    encoding.writeVarUint(e.restEncoder, 1);
    encoding.writeVarUint(e.restEncoder, 1);
    e.writeClient(424247);
    encoding.writeVarUint(e.restEncoder, 0);
    e.writeInfo(9); // ContentDoc
    e.writeParentInfo(true);
    e.writeString("notes");
    e.writeString("a-guid");
    e.writeAny({});
    encoding.writeVarUint(e.restEncoder, 0);
    await refusedWhileOthersServe(syncMessage(SYNC_UPDATE, e.toUint8Array()), CloseCode.malformed);
  });

  it("counts what a document already holds pending: the update that would pass the bound is refused", async () => {
    const { target, attacker, a1, a2 } = await twoRooms();
    const before = await storedContent(live.server, target.workshopId);
    const raw = openRaw(live.server.wsUrl, target.workshopId, attacker);
    await raw.opened;
    const half = Math.floor(DEFAULT_SYNC_LIMITS.maxPendingStructs / 2) + 1;
    raw.ws.send(syncMessage(SYNC_UPDATE, manyClients(half, 1e9, 5_000_000)));
    raw.ws.send(syncMessage(SYNC_UPDATE, manyClients(half, 1e9, 6_000_000)));
    const closed = await raw.closed;
    expect(closed.code).toBe(CloseCode.tooManyPending);
    expect(closed.reason).toContain("pending limit");
    // Pending structs change no stored byte; the room still relays.
    expect((await storedContent(live.server, target.workshopId)).equals(before)).toBe(true);
    a1.doc.getText("notes").insert(0, "still ");
    await vi.waitFor(async () => expect(a2.doc.getText("notes").toString()).toBe("still before"));
  });

  it("refuses as malformed an item that names its own client's later clock, which Yjs would throw on mid-update", async () => {
    const e = new Y.UpdateEncoderV1();
    encoding.writeVarUint(e.restEncoder, 1);
    encoding.writeVarUint(e.restEncoder, 1);
    e.writeClient(31337);
    encoding.writeVarUint(e.restEncoder, 0);
    e.writeInfo(4 | 128); // a string with an origin
    e.writeLeftID(Y.createID(31337, 5));
    e.writeString("x");
    encoding.writeVarUint(e.restEncoder, 0);
    await refusedWhileOthersServe(syncMessage(SYNC_UPDATE, e.toUint8Array()), CloseCode.malformed);
  });

  it("accepts a 5 MB paste and an offline client's sync step 2 of 3,000 edits", async () => {
    const { a1, a2 } = await twoRooms();
    a1.doc.getText("paste").insert(0, "p".repeat(5_000_000));
    await vi.waitFor(async () => expect(a2.doc.getText("paste").length).toBe(5_000_000), { timeout: 20_000 });
    a1.provider.disconnect();
    const text = a1.doc.getText("offline");
    for (let i = 0; i < 3_000; i++) {
      text.insert(Math.floor(text.length / 2), "ab");
      if (i % 3 === 0) text.delete(Math.floor(text.length / 3), 1);
    }
    a1.provider.connect();
    await vi.waitFor(async () => expect(a2.doc.getText("offline").toString()).toBe(text.toString()), {
      timeout: 20_000,
    });
    expect(a1.closes).toEqual([]);
  });
});

describe("the document size cap", () => {
  const capped = serverPerTest({ MAX_DOC_BYTES: "400000" });

  it("refuses an update that would take the document past MAX_DOC_BYTES, storing nothing", async () => {
    const server = capped.server;
    const { url, wsUrl } = server;
    const target = await workshopWith(url, ["expert", "expert"]);
    const other = await workshopWith(url, ["expert", "expert"]);
    const writer = capped.peer(target.workshopId, target.people[0]!.token);
    const [b1, b2] = [0, 1].map((i) => capped.peer(other.workshopId, other.people[i]!.token));
    await Promise.all([writer, b1!, b2!].map((p) => p.synced()));
    writer.doc.getText("notes").insert(0, "x".repeat(150_000));
    writer.doc.getText("notes").insert(0, "y".repeat(150_000));
    await vi.waitFor(async () =>
      expect((await storedContent(server, target.workshopId)).length).toBeGreaterThan(300_000),
    );
    const before = await storedContent(server, target.workshopId);
    const raw = openRaw(wsUrl, target.workshopId, target.people[1]!.token);
    await raw.opened;
    raw.ws.send(syncMessage(SYNC_UPDATE, textUpdate("z".repeat(150_000))));
    b1!.doc.getText("notes").insert(0, "meanwhile");
    const closed = await raw.closed;
    expect(closed.code).toBe(CloseCode.documentFull);
    await vi.waitFor(async () => expect(b2!.doc.getText("notes").toString()).toBe("meanwhile"));
    expect((await storedContent(server, target.workshopId)).equals(before)).toBe(true);
    expect((await call(url, "GET", "/me", { token: other.people[0]!.token })).status).toBe(200);
    // Small edits still fit.
    writer.doc.getText("small").insert(0, "ok");
    await vi.waitFor(async () =>
      expect((await storedContent(server, target.workshopId)).length).toBeGreaterThan(before.length),
    );
  });
});

describe("the clients a document may hold", () => {
  const few = serverPerTest({ MAX_DOC_CLIENTS: "8" });

  it("refuses an update that would bring the document past MAX_DOC_CLIENTS, storing nothing", async () => {
    const { url, wsUrl } = few.server;
    const target = await workshopWith(url, ["expert", "expert"]);
    const other = await workshopWith(url, ["expert", "expert"]);
    const writer = few.peer(target.workshopId, target.people[0]!.token);
    const [b1, b2] = [0, 1].map((i) => few.peer(other.workshopId, other.people[i]!.token));
    await Promise.all([writer, b1!, b2!].map((p) => p.synced()));
    writer.doc.getText("notes").insert(0, "kept");
    await vi.waitFor(async () =>
      expect((await storedContent(few.server, target.workshopId)).includes("kept")).toBe(true),
    );
    const before = await storedContent(few.server, target.workshopId);
    // One update carrying twelve clients the document has never seen.
    const crowd = Y.mergeUpdates(Array.from({ length: 12 }, (_, i) => textUpdate(`client ${i}`)));
    const raw = openRaw(wsUrl, target.workshopId, target.people[1]!.token);
    await raw.opened;
    raw.ws.send(syncMessage(SYNC_UPDATE, crowd));
    b1!.doc.getText("notes").insert(0, "meanwhile");
    const closed = await raw.closed;
    expect(closed.code).toBe(CloseCode.documentFull);
    expect(closed.reason).toContain("clients");
    await vi.waitFor(async () => expect(b2!.doc.getText("notes").toString()).toBe("meanwhile"));
    expect((await storedContent(few.server, target.workshopId)).equals(before)).toBe(true);
    expect((await call(url, "GET", "/me", { token: other.people[0]!.token })).status).toBe(200);
    // A client the document already holds still writes.
    writer.doc.getText("notes").insert(4, " and more");
    await vi.waitFor(async () =>
      expect((await storedContent(few.server, target.workshopId)).length).toBeGreaterThan(before.length),
    );
  });
});

describe("the time budget of one message", () => {
  const strict = serverPerTest({ MESSAGE_TIME_BUDGET_MS: "0" });

  it("closes the sender of a message that took longer, after applying it whole", async () => {
    const server = strict.server;
    const { url, wsUrl } = server;
    const target = await workshopWith(url, ["expert", "expert"]);
    const reader = openRaw(wsUrl, target.workshopId, target.people[0]!.token);
    await reader.opened;
    const sender = openRaw(wsUrl, target.workshopId, target.people[1]!.token);
    await sender.opened;
    sender.ws.send(syncMessage(SYNC_UPDATE, insertWithDeletes(777, 0, "q".repeat(1_000_000), [])));
    const closed = await sender.closed;
    expect(closed.code).toBe(CloseCode.tooSlow);
    // Applied whole: stored (on PostgreSQL the commit may land just after the close) and relayed.
    await vi.waitFor(async () =>
      expect((await storedContent(server, target.workshopId)).includes("q".repeat(1_000_000))).toBe(true),
    );
    await vi.waitFor(async () => expect(reader.messages.some((m) => m.length > 1_000_000)).toBe(true));
    reader.ws.close();
  });
});

/** `count` one-character structs of one client, each at the start of `notes`. */
function oneClientStructs(client: number, count: number): Uint8Array {
  const e = new Y.UpdateEncoderV1();
  encoding.writeVarUint(e.restEncoder, 1);
  encoding.writeVarUint(e.restEncoder, count);
  e.writeClient(client);
  encoding.writeVarUint(e.restEncoder, 0);
  for (let i = 0; i < count; i++) {
    e.writeInfo(4);
    e.writeParentInfo(true);
    e.writeString("notes");
    e.writeString("x");
  }
  encoding.writeVarUint(e.restEncoder, 0);
  return e.toUint8Array();
}
