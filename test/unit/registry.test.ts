import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { FileDocLog } from "../../server/store/docLog";
import { HookList } from "../../server/sync/hooks";
import { RoomRegistry } from "../../server/sync/registry";
import { DEFAULT_MAX_DOC_BYTES, DEFAULT_SYNC_LIMITS } from "../../shared/limits";
import type { RoomName } from "../../shared/rooms";

const room: RoomName = { workshopId: "AbCdEfGh_-123456", kind: "content" };
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "riskroom-registry-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("the room registry at shutdown", () => {
  it("a late release of a room it unloaded leaves a newer load of that room alone", async () => {
    const registry = new RoomRegistry({
      persistence: new FileDocLog(dir),
      compactAfterBytes: 1 << 20,
      maxDocBytes: DEFAULT_MAX_DOC_BYTES,
      limits: DEFAULT_SYNC_LIMITS,
      hooks: new HookList(),
    });
    // A connection holds the room; shutdown unloads it before the socket is seen to close.
    const old = await registry.acquire(room);
    await registry.flushAll();
    // Someone loads the room again (a reconnect, a server write), then the old socket's close arrives.
    const fresh = await registry.acquire(room);
    registry.release(old);
    await new Promise((resolve) => setTimeout(resolve, 20));
    fresh.doc.getText("t").insert(0, "kept");
    registry.release(fresh);
    await registry.flushAll();

    const doc = new Y.Doc();
    for (const update of await new FileDocLog(dir).load(room)) Y.applyUpdate(doc, update);
    expect(doc.getText("t").toString()).toBe("kept");
  });
});
