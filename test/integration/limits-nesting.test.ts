/**
 * How deep a live document's shared types may nest (MAX_DOC_DEPTH). A narrative nested thousands
 * deep stops the page of everyone who opens it (the editor renders recursively), so such an
 * update is refused before it is applied, whether it nests within itself or under what the
 * document already holds; honest nesting passes.
 */
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { CloseCode } from "../../shared/limits";
import { call, workshopWith } from "../helpers/api";
import { storedContent } from "../helpers/attackLoop";
import { SYNC_UPDATE, syncMessage } from "../helpers/messages";
import { openRaw } from "../helpers/rawSocket";
import { type ServerPerTest, serverPerTest } from "../helpers/serverPerTest";

const live = serverPerTest();

/**
 * Blockquotes `levels` deep under `top`. At every other level a first child goes in before the one
 * nested into, so that one names its parent only through its origin, as Yjs writes siblings.
 */
function nest(top: Y.XmlFragment | Y.XmlElement, levels: number): Y.XmlElement {
  let parent: Y.XmlFragment | Y.XmlElement = top;
  for (let i = 0; i < levels; i++) {
    const next = new Y.XmlElement("blockquote");
    if (i % 2 === 1) parent.insert(0, [new Y.XmlElement("paragraph"), next]);
    else parent.insert(0, [next]);
    parent = next;
  }
  return parent as Y.XmlElement;
}

async function roomAndNeighbour(server: ServerPerTest) {
  const { url } = server.server;
  const target = await workshopWith(url, ["expert", "expert"]);
  const other = await workshopWith(url, ["expert", "expert"]);
  const [b1, b2] = [0, 1].map((i) => server.peer(other.workshopId, other.people[i]!.token));
  await Promise.all([b1!.synced(), b2!.synced()]);
  return {
    target,
    async neighbourServes(text: string) {
      b1!.doc.getText("notes").insert(0, text);
      await vi.waitFor(() => expect(b2!.doc.getText("notes").toString()).toContain(text));
      expect((await call(url, "GET", "/me", { token: other.people[0]!.token })).status).toBe(200);
    },
  };
}

describe("the nesting bound of live documents", () => {
  /** A raw socket of the room's first expert, open. */
  async function rawSocket(target: { workshopId: string; people: Array<{ token: string }> }) {
    const raw = openRaw(live.server.wsUrl, target.workshopId, target.people[0]!.token);
    await raw.opened;
    return raw;
  }

  /** Sends the update: its sender is closed with 4413 naming `reason`, and nothing is stored. */
  async function expectRefused(
    raw: ReturnType<typeof openRaw>,
    workshopId: string,
    update: Uint8Array,
    reason: string,
  ) {
    const before = await storedContent(live.server, workshopId);
    raw.ws.send(syncMessage(SYNC_UPDATE, update));
    const closed = await raw.closed;
    expect(closed.code).toBe(CloseCode.tooLarge);
    expect(closed.reason).toContain(reason);
    expect((await storedContent(live.server, workshopId)).equals(before)).toBe(true);
  }

  it("refuses a narrative nested 3,000 deep with 4413, storing nothing, while another room edits", async () => {
    const { target, neighbourServes } = await roomAndNeighbour(live);
    const doc = new Y.Doc();
    nest(doc.getXmlFragment("narrative"), 3_000);
    await expectRefused(
      await rawSocket(target),
      target.workshopId,
      Y.encodeStateAsUpdate(doc),
      "MAX_DOC_DEPTH",
    );
    await neighbourServes("after the deep narrative");
  });

  it("counts what the document already holds: nesting further under a deep element is refused", async () => {
    const { target, neighbourServes } = await roomAndNeighbour(live);
    const doc = new Y.Doc();
    const deepest = nest(doc.getXmlFragment("narrative"), 70);
    const raw = await rawSocket(target);
    raw.ws.send(syncMessage(SYNC_UPDATE, Y.encodeStateAsUpdate(doc)));
    await vi.waitFor(async () =>
      expect((await storedContent(live.server, target.workshopId)).includes("blockquote")).toBe(true),
    );
    const held = Y.encodeStateVector(doc);
    nest(deepest, 20);
    // The first new level is 71, counted from the stored 70: the refusal names the first past 80.
    await expectRefused(raw, target.workshopId, Y.encodeStateAsUpdate(doc, held), "81 deep");
    await neighbourServes("after the deeper nesting");
  });

  it("takes honest nesting from the official client: lists in quotes 40 deep reach the others", async () => {
    const { target } = await roomAndNeighbour(live);
    const [a, b] = [0, 1].map((i) => live.peer(target.workshopId, target.people[i]!.token));
    await Promise.all([a!.synced(), b!.synced()]);
    const bottom = nest(a!.doc.getXmlFragment("narrative"), 40);
    bottom.insert(0, [new Y.XmlText("bottom")]);
    await vi.waitFor(() => expect(b!.doc.getXmlFragment("narrative").toString()).toContain("bottom"));
    expect(a!.provider.wsconnected).toBe(true);
  });
});

describe("MAX_DOC_DEPTH", () => {
  const shallow = serverPerTest({ MAX_DOC_DEPTH: "10" });

  it("is the operator's: a server set to 10 refuses 11 levels and takes 10", async () => {
    const { target } = await roomAndNeighbour(shallow);
    const ok = new Y.Doc();
    nest(ok.getXmlFragment("narrative"), 10);
    const a = openRaw(shallow.server.wsUrl, target.workshopId, target.people[0]!.token);
    await a.opened;
    a.ws.send(syncMessage(SYNC_UPDATE, Y.encodeStateAsUpdate(ok)));
    await vi.waitFor(async () =>
      expect((await storedContent(shallow.server, target.workshopId)).includes("blockquote")).toBe(true),
    );
    const tooDeep = new Y.Doc();
    nest(tooDeep.getXmlFragment("other"), 11);
    a.ws.send(syncMessage(SYNC_UPDATE, Y.encodeStateAsUpdate(tooDeep)));
    expect((await a.closed).code).toBe(CloseCode.tooLarge);
  });
});
