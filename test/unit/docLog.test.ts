import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { FileDocLog } from "../../server/store/docLog";
import { CorruptLog, LOG_MAGIC, RECORD_HEADER_BYTES } from "../../server/store/logRecords";
import type { RoomName } from "../../shared/rooms";

const room: RoomName = { workshopId: "AbCdEfGh_-123456", kind: "content" };
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "riskroom-doclog-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function replay(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
}

/** Makes `count` small updates to a text, as a typing user would. */
function typing(count: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) doc.getText("t").insert(i, String(i % 10));
  return { doc, updates };
}

describe("the document update log", () => {
  it("returns every appended update after a reopen", async () => {
    const log = new FileDocLog(dir);
    expect(await log.load(room)).toEqual([]);
    const { doc, updates } = typing(50);
    for (const u of updates) log.append(room, u);
    log.close(room);
    const reopened = await new FileDocLog(dir).load(room);
    expect(replay(reopened).getText("t").toString()).toBe(doc.getText("t").toString());
  });

  it("drops a record cut short by a crash, and appends after it stay readable", async () => {
    const log = new FileDocLog(dir);
    await log.load(room);
    const { updates } = typing(3);
    log.append(room, updates[0]!);
    log.close(room);
    // Half a record: a length prefix promising more bytes than follow.
    appendFileSync(
      path.join(dir, "docs", room.workshopId, "content.0.log"),
      Uint8Array.of(50, 0, 0, 0, 1, 2),
    );
    const again = new FileDocLog(dir);
    expect(await again.load(room)).toHaveLength(1);
    again.append(room, updates[1]!);
    again.append(room, updates[2]!);
    again.close(room);
    const final = await new FileDocLog(dir).load(room);
    expect(replay(final).getText("t").toString()).toBe("012");
  });

  it("compacts into one state, keeping appends made while the compaction runs", async () => {
    const log = new FileDocLog(dir);
    await log.load(room);
    const { doc, updates } = typing(100);
    // `live` is the server's document: every appended update is applied to it first.
    const live = new Y.Doc();
    const apply = (u: Uint8Array) => {
      Y.applyUpdate(live, u);
      log.append(room, u);
    };
    for (const u of updates.slice(0, 60)) apply(u);
    const compaction = log.compact(room, () => Y.encodeStateAsUpdate(live));
    for (const u of updates.slice(60, 80)) apply(u);
    await compaction;
    for (const u of updates.slice(80)) apply(u);
    expect(log.pendingBytes(room)).toBeGreaterThan(0);
    log.close(room);
    const files = readdirSync(path.join(dir, "docs", room.workshopId)).sort();
    expect(files).toEqual(["content.1.log", "content.state"]);
    const loaded = await new FileDocLog(dir).load(room);
    expect(replay(loaded).getText("t").toString()).toBe(doc.getText("t").toString());
  });

  it("costs one record per append, whatever the document's size", async () => {
    const log = new FileDocLog(dir);
    await log.load(room);
    const { updates } = typing(2000);
    let last = 0;
    for (const u of updates) {
      log.append(room, u);
      const grew = log.pendingBytes(room) - last;
      expect(grew).toBe(u.length + RECORD_HEADER_BYTES);
      last = log.pendingBytes(room);
    }
    log.close(room);
  });

  it("loads a log written in the first format, and appends after it go to a new log in the current one", async () => {
    const docDir = path.join(dir, "docs", room.workshopId);
    mkdirSync(docDir, { recursive: true });
    const fixture = path.join(import.meta.dirname, "../fixtures/doclog-v1/content.0.log");
    copyFileSync(fixture, path.join(docDir, "content.0.log"));
    const log = new FileDocLog(dir);
    const loaded = replay(await log.load(room))
      .getText("t")
      .toString();
    expect(loaded).toMatch(/^a log written before records carried checksums/);
    expect(loaded.split(" ").filter(Boolean)).toHaveLength(40);
    const more = new Y.Doc();
    Y.applyUpdate(more, Y.encodeStateAsUpdate(replay(await new FileDocLog(dir).load(room))));
    const appended: Uint8Array[] = [];
    more.on("update", (u: Uint8Array) => appended.push(u));
    more.getText("t").insert(0, "new ");
    for (const u of appended) log.append(room, u);
    log.close(room);
    expect(readFileSync(path.join(docDir, "content.0.log")).equals(readFileSync(fixture))).toBe(true);
    expect(readFileSync(path.join(docDir, "content.1.log")).subarray(0, LOG_MAGIC.length)).toEqual(LOG_MAGIC);
    const final = replay(await new FileDocLog(dir).load(room))
      .getText("t")
      .toString();
    expect(final).toBe(`new ${loaded}`);
  });

  it("refuses to load a log with a corrupt length in its middle, and keeps the file as it was", async () => {
    const log = new FileDocLog(dir);
    await log.load(room);
    const { updates } = typing(40);
    for (const u of updates) log.append(room, u);
    log.close(room);
    const file = path.join(dir, "docs", room.workshopId, "content.0.log");
    const bytes = readFileSync(file);
    // The tenth record's length prefix, made to promise far more than the file holds.
    let pos = LOG_MAGIC.length;
    for (let i = 0; i < 9; i++) pos += RECORD_HEADER_BYTES + bytes.readUInt32LE(pos);
    const corrupt = Buffer.from(bytes);
    corrupt.writeUInt32LE(1_000_000, pos);
    writeFileSync(file, corrupt);
    await expect(new FileDocLog(dir).load(room)).rejects.toThrow(CorruptLog);
    await expect(new FileDocLog(dir).load(room)).rejects.toThrow(`corrupt at byte ${pos} (record 10)`);
    expect(readFileSync(file).equals(corrupt)).toBe(true);
  });

  it("refuses a log whose middle record's bytes changed, but drops a last record cut short or zeroed", async () => {
    const log = new FileDocLog(dir);
    await log.load(room);
    const { updates } = typing(5);
    for (const u of updates) log.append(room, u);
    log.close(room);
    const file = path.join(dir, "docs", room.workshopId, "content.0.log");
    const whole = readFileSync(file);
    const flipped = Buffer.from(whole);
    const first = LOG_MAGIC.length + RECORD_HEADER_BYTES;
    flipped.writeUInt8(flipped.readUInt8(first) ^ 0xff, first);
    writeFileSync(file, flipped);
    await expect(new FileDocLog(dir).load(room)).rejects.toThrow("its update does not match its checksum");

    // Cut inside the last record's update: its complete header shows it is torn, not corrupt.
    writeFileSync(file, whole.subarray(0, whole.length - 2));
    expect(
      replay(await loadAndClose())
        .getText("t")
        .toString(),
    ).toBe("0123");
    // A tail of zeros, as a power loss can leave after the file grew.
    writeFileSync(file, Buffer.concat([whole, Buffer.alloc(40)]));
    expect(
      replay(await loadAndClose())
        .getText("t")
        .toString(),
    ).toBe("01234");
    expect(readFileSync(file).equals(whole)).toBe(true);
  });
});

async function loadAndClose(): Promise<Uint8Array[]> {
  const log = new FileDocLog(dir);
  const updates = await log.load(room);
  log.close(room);
  return updates;
}
