import { describe, expect, it, vi } from "vitest";
import { risksOf } from "../../shared/content";
import { readParticipants } from "../../shared/controlDoc";
import { workshopWith } from "../helpers/api";
import { serverPerTest } from "../helpers/serverPerTest";
import { storedDocBytes } from "../helpers/storedDoc";

const live = serverPerTest();

/** Every byte stored for one document: the merged state and the logs. */
const storedBytes = (workshopId: string, kind: string) => storedDocBytes(live.server, workshopId, kind);

describe("live sync", () => {
  it("opens a new workshop's content with the four specified systemic risks", async () => {
    const { workshopId, people } = await workshopWith(live.server.url, ["observer"]);
    const observer = live.peer(workshopId, people[0]!.token);
    await observer.synced();
    expect(
      risksOf(observer.doc)
        .list()
        .map((r) => r.title),
    ).toEqual(["CBRN", "Loss of control", "Cyber offence", "Harmful manipulation"]);
  });

  it("converges two experts' concurrent edits", async () => {
    const { workshopId, people } = await workshopWith(live.server.url, ["expert", "expert"]);
    const [a, b] = [live.peer(workshopId, people[0]!.token), live.peer(workshopId, people[1]!.token)];
    await Promise.all([a.synced(), b.synced()]);
    a.doc.getText("notes").insert(0, "alpha ");
    b.doc.getText("notes").insert(0, "beta ");
    a.doc.getMap("tags").set("cbrn", "CBRN");
    b.doc.getMap("tags").set("cyber", "Cyber offence");
    await vi.waitFor(() => {
      expect(a.doc.getText("notes").toString()).toBe(b.doc.getText("notes").toString());
      expect(a.doc.getText("notes").length).toBe("alpha beta ".length);
      expect(a.doc.getMap("tags").toJSON()).toEqual({ cbrn: "CBRN", cyber: "Cyber offence" });
      expect(b.doc.getMap("tags").toJSON()).toEqual({ cbrn: "CBRN", cyber: "Cyber offence" });
    });
  });

  it("drops an observer's edit before anyone or the disk sees it, but shows its presence", async () => {
    const { workshopId, people } = await workshopWith(live.server.url, ["expert", "observer"]);
    const [expert, observer] = [
      live.peer(workshopId, people[0]!.token),
      live.peer(workshopId, people[1]!.token),
    ];
    await Promise.all([expert.synced(), observer.synced()]);
    expert.doc.getText("notes").insert(0, "expert-wrote-this");
    await vi.waitFor(() => expect(observer.doc.getText("notes").toString()).toBe("expert-wrote-this"));

    observer.provider.awareness.setLocalStateField("user", { color: "#123456" });
    observer.doc.getText("notes").insert(0, "OBSERVER-SECRET");
    // The observer's presence reaches the expert, stamped with its session's name and role.
    await vi.waitFor(() => {
      const states = [...expert.provider.awareness.getStates().values()];
      expect(states.map((s) => s.user)).toContainEqual({
        participantId: people[1]!.participant.id,
        name: "observer 2",
        role: "observer",
        color: "#123456",
      });
    });
    // A later expert edit arrives, so anything the server relayed before it has arrived too.
    expert.doc.getText("notes").insert(0, "after ");
    const late = live.peer(workshopId, people[0]!.token);
    await late.synced();
    await vi.waitFor(() => expect(late.doc.getText("notes").toString()).toBe("after expert-wrote-this"));
    expect(expert.doc.getText("notes").toString()).toBe("after expert-wrote-this");
    expect((await storedBytes(workshopId, "content")).includes("OBSERVER-SECRET")).toBe(false);
    expect((await storedBytes(workshopId, "content")).includes("expert-wrote-this")).toBe(true);
  });

  it("drops every client's write to the control document", async () => {
    const { workshopId, facilitator, people } = await workshopWith(live.server.url, ["expert"]);
    const f = live.peer(`${workshopId}/control`, facilitator);
    const e = live.peer(`${workshopId}/control`, people[0]!.token);
    await Promise.all([f.synced(), e.synced()]);
    expect(readParticipants(e.doc).map((p) => p.role)).toEqual(["facilitator", "expert"]);
    f.doc.getMap("rounds").set("forged", "revealed");
    e.doc.getMap("participants").delete(people[0]!.participant.id);
    const fresh = live.peer(`${workshopId}/control`, facilitator);
    await fresh.synced();
    expect(fresh.doc.getMap("rounds").size).toBe(0);
    expect(readParticipants(fresh.doc)).toHaveLength(2);
    expect((await storedBytes(workshopId, "control")).includes("forged")).toBe(false);
  });

  it("loads a cold room once for 50 clients joining at once, and none syncs before it is loaded", async () => {
    const { workshopId, people } = await workshopWith(live.server.url, ["expert"]);
    const writer = live.peer(workshopId, people[0]!.token);
    await writer.synced();
    writer.doc.getText("notes").insert(0, "persisted before the room went cold");
    await vi.waitFor(async () =>
      expect((await storedBytes(workshopId, "content")).includes("went cold")).toBe(true),
    );
    const unloads = () =>
      live.server.events.filter((e) => e.type === "onUnload" && e.room === `${workshopId}/content`).length;
    const unloadsBefore = unloads();
    writer.provider.disconnect();
    await vi.waitFor(() => expect(unloads()).toBe(unloadsBefore + 1));
    const loadsBefore = live.server.events.filter(
      (e) => e.type === "onLoad" && e.room === `${workshopId}/content`,
    ).length;

    const crowd = Array.from({ length: 50 }, () => live.peer(workshopId, people[0]!.token));
    // The first sync each client gets must already hold the stored text.
    const firstSyncTexts = crowd.map(
      (p) =>
        new Promise<string>((resolve) =>
          p.provider.once("sync", () => resolve(p.doc.getText("notes").toString())),
        ),
    );
    expect(await Promise.all(firstSyncTexts)).toEqual(Array(50).fill("persisted before the room went cold"));
    const loadsAfter = live.server.events.filter(
      (e) => e.type === "onLoad" && e.room === `${workshopId}/content`,
    ).length;
    expect(loadsAfter - loadsBefore).toBe(1);
  });

  it("lets a client that joins while the last-leave store runs see everything", async () => {
    const { workshopId, people } = await workshopWith(live.server.url, ["expert"]);
    for (let round = 0; round < 5; round++) {
      const writer = live.peer(workshopId, people[0]!.token);
      await writer.synced();
      writer.doc.getArray("log").push([`entry ${round}`]);
      await vi.waitFor(async () =>
        expect((await storedBytes(workshopId, "content")).includes(`entry ${round}`)).toBe(true),
      );
      writer.destroy();
      // Join at once, while the room is storing and unloading.
      const reader = live.peer(workshopId, people[0]!.token);
      await reader.synced();
      expect(reader.doc.getArray("log").toArray()).toHaveLength(round + 1);
      reader.destroy();
    }
  });
});
