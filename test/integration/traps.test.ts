import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { workshopWith } from "../helpers/api";
import {
  awarenessMessage,
  overlongSyncMessage,
  SYNC_STEP_2,
  SYNC_UPDATE,
  syncMessage,
  textUpdate,
} from "../helpers/messages";
import { openRaw } from "../helpers/rawSocket";
import { serverPerTest } from "../helpers/serverPerTest";
import { storedDocBytes } from "../helpers/storedDoc";

const live = serverPerTest();

async function storedText(workshopId: string): Promise<string> {
  return (await storedDocBytes(live.server, workshopId, "content")).toString("latin1");
}

describe("known traps of Yjs servers", () => {
  it("lets an observer sync although its handshake sync step 2 is dropped", async () => {
    const { workshopId, people } = await workshopWith(live.server.url, ["expert", "observer"]);
    const expert = live.peer(workshopId, people[0]!.token);
    await expert.synced();
    expert.doc.getText("notes").insert(0, "existing text");
    // An observer whose local doc is empty sends an empty step 2; one with local edits sends them.
    const plain = live.peer(workshopId, people[1]!.token);
    const withLocal = new Y.Doc();
    withLocal.getText("notes").insert(0, "LOCAL-ONLY ");
    const dirty = live.peer(workshopId, people[1]!.token, withLocal);
    await Promise.all([plain.synced(), dirty.synced()]);
    await vi.waitFor(() => expect(plain.doc.getText("notes").toString()).toBe("existing text"));
    expert.doc.getText("notes").insert(0, "live: ");
    await vi.waitFor(() => {
      expect(plain.doc.getText("notes").toString()).toBe("live: existing text");
      expect(dirty.doc.getText("notes").toString()).toContain("live: ");
    });
    expect(expert.doc.getText("notes").toString()).toBe("live: existing text");
    expect(await storedText(workshopId)).not.toContain("LOCAL-ONLY");
    expect(plain.provider.wsconnected && dirty.provider.wsconnected).toBe(true);
  });

  it("recognises over-long varint headers as sync messages and drops them from an observer", async () => {
    const { workshopId, people } = await workshopWith(live.server.url, ["expert", "observer"]);
    const expert = live.peer(workshopId, people[0]!.token);
    await expert.synced();
    const observer = openRaw(live.server.wsUrl, workshopId, people[1]!.token);
    await observer.opened;
    observer.ws.send(overlongSyncMessage(SYNC_STEP_2, textUpdate("SNEAKY-STEP2")));
    observer.ws.send(overlongSyncMessage(SYNC_UPDATE, textUpdate("SNEAKY-UPDATE")));
    observer.ws.send(syncMessage(SYNC_UPDATE, textUpdate("PLAIN-UPDATE")));
    // The same over-long header from an expert is a valid message and is applied.
    const writer = openRaw(live.server.wsUrl, workshopId, people[0]!.token);
    await writer.opened;
    writer.ws.send(overlongSyncMessage(SYNC_UPDATE, textUpdate("expert-overlong")));
    await vi.waitFor(() => expect(expert.doc.getText("notes").toString()).toBe("expert-overlong"));
    expect(await storedText(workshopId)).not.toMatch(/SNEAKY|PLAIN-UPDATE/);
    expect(observer.ws.readyState).toBe(observer.ws.OPEN);
    observer.ws.close();
    writer.ws.close();
  });

  it("lets a client set only its own awareness ids, and shows the name and role of its session", async () => {
    const { workshopId, people } = await workshopWith(live.server.url, ["expert", "observer", "expert"]);
    const victim = live.peer(workshopId, people[0]!.token);
    victim.provider.awareness.setLocalStateField("user", { color: "#2b8a3e" });
    const watcher = live.peer(workshopId, people[2]!.token);
    await Promise.all([victim.synced(), watcher.synced()]);
    const victimId = victim.doc.clientID;
    await vi.waitFor(() => expect(watcher.provider.awareness.getStates().get(victimId)).toBeDefined());

    const mallory = openRaw(live.server.wsUrl, workshopId, people[1]!.token);
    await mallory.opened;
    mallory.ws.send(
      awarenessMessage([
        { clientId: victimId, clock: 999, state: { user: { name: "Hijacked", role: "facilitator" } } },
        {
          clientId: 4242,
          clock: 1,
          state: { user: { name: "The CEO", role: "facilitator", participantId: "x" } },
        },
      ]),
    );
    await vi.waitFor(() => expect(watcher.provider.awareness.getStates().get(4242)).toBeDefined());
    expect(watcher.provider.awareness.getStates().get(4242)?.user).toMatchObject({
      name: "observer 2",
      role: "observer",
      participantId: people[1]!.participant.id,
    });
    expect(watcher.provider.awareness.getStates().get(victimId)?.user).toMatchObject({ name: "expert 1" });
    // Removing someone else's state is refused too; removing one's own is allowed.
    mallory.ws.send(awarenessMessage([{ clientId: victimId, clock: 1000, state: null }]));
    mallory.ws.send(awarenessMessage([{ clientId: 4242, clock: 2, state: null }]));
    await vi.waitFor(() => expect(watcher.provider.awareness.getStates().has(4242)).toBe(false));
    expect(watcher.provider.awareness.getStates().has(victimId)).toBe(true);
    mallory.ws.close();
  });

  it("removes a departed connection's presence, so no ghost carets remain", async () => {
    const { workshopId, people } = await workshopWith(live.server.url, ["expert", "expert"]);
    const leaving = live.peer(workshopId, people[0]!.token);
    leaving.provider.awareness.setLocalStateField("user", { color: "#d9480f" });
    const staying = live.peer(workshopId, people[1]!.token);
    await Promise.all([leaving.synced(), staying.synced()]);
    const id = leaving.doc.clientID;
    await vi.waitFor(() => expect(staying.provider.awareness.getStates().has(id)).toBe(true));
    // Drop the socket without the client's goodbye.
    leaving.provider.ws?.close();
    leaving.provider.disconnect();
    await vi.waitFor(() => expect(staying.provider.awareness.getStates().has(id)).toBe(false));
  });

  it("lets the same session take its awareness id over from a socket not yet seen to close", async () => {
    const { workshopId, people } = await workshopWith(live.server.url, ["expert", "expert", "expert"]);
    const watcher = live.peer(workshopId, people[1]!.token);
    await watcher.synced();
    const id = 777_001;
    const state = (name: string) => ({ user: { name }, viewing: name });
    // The first socket stays open, as a dropped connection does until the keep-alive notices.
    const before = openRaw(live.server.wsUrl, workshopId, people[0]!.token);
    await before.opened;
    before.ws.send(awarenessMessage([{ clientId: id, clock: 1, state: state("first") }]));
    await vi.waitFor(() => expect(watcher.provider.awareness.getStates().get(id)?.viewing).toBe("first"));

    // Another session cannot take the id; the same session, reconnecting, can.
    const other = openRaw(live.server.wsUrl, workshopId, people[2]!.token);
    await other.opened;
    other.ws.send(awarenessMessage([{ clientId: id, clock: 2, state: state("stolen") }]));
    const after = openRaw(live.server.wsUrl, workshopId, people[0]!.token);
    await after.opened;
    after.ws.send(awarenessMessage([{ clientId: id, clock: 3, state: state("again") }]));
    await vi.waitFor(() => expect(watcher.provider.awareness.getStates().get(id)?.viewing).toBe("again"));

    // The old socket's end leaves the new one's presence in place; the new one's end removes it.
    const gone = () => live.server.events.filter((e) => e.type === "onDisconnect").length;
    const goneBefore = gone();
    before.ws.close();
    other.ws.close();
    await vi.waitFor(() => expect(gone()).toBe(goneBefore + 2));
    expect(watcher.provider.awareness.getStates().get(id)?.viewing).toBe("again");
    after.ws.close();
    await vi.waitFor(() => expect(watcher.provider.awareness.getStates().has(id)).toBe(false));
  });
});
