/**
 * Relay merging: what a room receives within one read, or within one event-loop turn after a relay,
 * goes out as one update. Bursts are sent corked, so each arrives in one TCP read and the server
 * takes it in one turn.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CloseCode } from "../../shared/limits";
import { workshopWith } from "../helpers/api";
import { docOf, expectAll, inRoom, markers, relayedUpdates, sendCorked, updates } from "../helpers/bursts";
import { spawnServer } from "../helpers/childServer";
import { SYNC_UPDATE, seededBytes, syncMessage } from "../helpers/messages";
import { openRaw, type RawSocket } from "../helpers/rawSocket";
import { serverPerTest } from "../helpers/serverPerTest";
import { storedDocBytes } from "../helpers/storedDoc";
import { connectPeer } from "../helpers/yclient";

const live = serverPerTest();

async function rawIn(room: string, token: string): Promise<RawSocket> {
  return inRoom(openRaw(live.server.wsUrl, room, token));
}

describe("relay merging", () => {
  it("merges a burst into fewer relays, and clients that join between bursts get every update", async () => {
    const { workshopId, people } = await workshopWith(live.server.url, ["expert", "expert", "expert"]);
    const writer = await rawIn(workshopId, people[0]!.token);
    const reader = await rawIn(workshopId, people[1]!.token);
    const joiners = [];
    const rounds = 12;
    const perRound = 10;
    for (let round = 0; round < rounds; round++) {
      sendCorked([[writer.ws, updates(`r${round}-`, perRound)]]);
      // A fresh client asks for the whole state while the room is taking bursts.
      if (round % 4 === 1) joiners.push(live.peer(workshopId, people[2]!.token));
    }
    const expected = Array.from({ length: rounds }, (_, r) => markers(`r${r}-`, perRound)).flat();
    await vi.waitFor(() => expectAll(docOf(relayedUpdates(reader)), expected));
    // A burst read at once is relayed as one update: fewer frames than updates.
    expect(relayedUpdates(reader).length).toBeLessThan(expected.length);
    for (const joiner of joiners)
      await vi.waitFor(() => expectAll(joiner.doc.getText("notes").toString(), expected));
    // A client that joins afterwards gets the cached state and everything merged since.
    const late = live.peer(workshopId, people[2]!.token);
    await late.synced();
    expectAll(late.doc.getText("notes").toString(), expected);
    writer.ws.close();
    reader.ws.close();
  });

  it("relays a burst that arrived in one read as one update, as soon as the read is handled", async () => {
    const { workshopId, people } = await workshopWith(live.server.url, ["expert", "expert"]);
    const writer = await rawIn(workshopId, people[0]!.token);
    const reader = await rawIn(workshopId, people[1]!.token);
    sendCorked([[writer.ws, updates("one-read-", 10)]]);
    await vi.waitFor(() => expectAll(docOf(relayedUpdates(reader)), markers("one-read-", 10)));
    expect(relayedUpdates(reader)).toHaveLength(1);
    // A lone update goes out on its own, nothing held back for a turn that brings no more.
    writer.ws.send(updates("alone-", 1)[0]!);
    await vi.waitFor(() => expectAll(docOf(relayedUpdates(reader)), markers("alone-", 1)));
    expect(relayedUpdates(reader)).toHaveLength(2);
    writer.ws.close();
    reader.ws.close();
  });

  it("never merges an observer's update into a relay, nor stores it", async () => {
    const { workshopId, people } = await workshopWith(live.server.url, ["expert", "observer", "expert"]);
    const expert = await rawIn(workshopId, people[0]!.token);
    const observer = await rawIn(workshopId, people[1]!.token);
    const reader = await rawIn(workshopId, people[2]!.token);
    for (let round = 0; round < 5; round++)
      sendCorked([
        [observer.ws, updates(`obs${round}-`, 5)],
        [expert.ws, updates(`exp${round}-`, 5)],
      ]);
    const expected = Array.from({ length: 5 }, (_, r) => markers(`exp${r}-`, 5)).flat();
    await vi.waitFor(() => expectAll(docOf(relayedUpdates(reader)), expected));
    expect(docOf(relayedUpdates(reader))).not.toContain("obs");
    expect((await storedDocBytes(live.server, workshopId, "content")).includes("obs")).toBe(false);
    const late = live.peer(workshopId, people[2]!.token);
    await late.synced();
    expect(late.doc.getText("notes").toString()).not.toContain("obs");
    for (const raw of [expert, observer, reader]) raw.ws.close();
  });

  it("closes only the sender of a malformed update in a burst; the others' updates still go out", async () => {
    const { workshopId, people } = await workshopWith(live.server.url, ["expert", "expert", "expert"]);
    const bad = await rawIn(workshopId, people[0]!.token);
    const good = await rawIn(workshopId, people[1]!.token);
    const reader = await rawIn(workshopId, people[2]!.token);
    sendCorked([
      [good.ws, updates("good-a", 5)],
      [
        bad.ws,
        [...updates("bad-ok", 2), syncMessage(SYNC_UPDATE, seededBytes(256, 3)), ...updates("never", 2)],
      ],
      [good.ws, updates("good-b", 5)],
    ]);
    expect((await bad.closed).code).toBe(CloseCode.malformed);
    const expected = [...markers("good-a", 5), ...markers("good-b", 5), ...markers("bad-ok", 2)];
    await vi.waitFor(() => expectAll(docOf(relayedUpdates(reader)), expected));
    expect(docOf(relayedUpdates(reader))).not.toContain("never");
    sendCorked([[good.ws, updates("after", 3)]]);
    await vi.waitFor(() => expectAll(docOf(relayedUpdates(reader)), markers("after", 3)));
    expect(good.ws.readyState).toBe(good.ws.OPEN);
    good.ws.close();
    reader.ws.close();
  });
});

describe("relay merging and SIGKILL", () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });

  it("loses nothing a merged relay delivered when the server is killed right after it", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "riskroom-merge-kill-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await spawnServer(dataDir);
    cleanups.push(() => first.kill("SIGKILL"));
    const { workshopId, people } = await workshopWith(first.url, ["expert", "expert", "expert"]);
    const open = (url: string, token: string) => inRoom(openRaw(url, workshopId, token));
    const writers = [await open(first.wsUrl, people[0]!.token), await open(first.wsUrl, people[1]!.token)];
    const reader = await open(first.wsUrl, people[2]!.token);
    sendCorked([
      [writers[0]!.ws, updates("w0-", 40)],
      [writers[1]!.ws, updates("w1-", 40)],
    ]);
    const expected = [...markers("w0-", 40), ...markers("w1-", 40)];
    // Killed the moment the reader holds everything: whatever was relayed was stored first.
    await vi.waitFor(() => expectAll(docOf(relayedUpdates(reader)), expected), { interval: 1 });
    await first.kill("SIGKILL");
    expect(relayedUpdates(reader).length).toBeLessThan(expected.length);

    const second = await spawnServer(dataDir);
    cleanups.push(() => second.kill("SIGKILL"));
    const fresh = connectPeer(second.wsUrl, workshopId, people[2]!.token);
    cleanups.push(() => fresh.destroy());
    await fresh.synced();
    expectAll(fresh.doc.getText("notes").toString(), expected);
  });
});
