import { appendFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { FileDocLog } from "../../server/store/docLog";
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
      expect(grew).toBe(u.length + 4);
      last = log.pendingBytes(room);
    }
    log.close(room);
  });
});
