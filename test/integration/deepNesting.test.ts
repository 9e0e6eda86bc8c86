/**
 * Deep nesting, from a writer's session and from an import: a narrative nested 3,000 deep (and a
 * risk record with shared types nested 10,000 deep) leaves every export, the history and snapshots
 * working, flattened with a marker; an import nested 1,000 deep is refused with 400 and the path;
 * an import or a snapshot over the document size bound is refused, and nothing is stored.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { addScenario, narrativeOf } from "../../shared/content";
import { FLATTENED_MARKER } from "../../shared/content/richTextWalk";
import type { RichTextNode } from "../../shared/content/schema";
import type { SnapshotEntry } from "../../shared/snapshot";
import type { WorkshopExport } from "../../shared/workshopExport";
import { call, workshopWith } from "../helpers/api";
import { serverPerTest } from "../helpers/serverPerTest";
import { storedSnapshotBytes } from "../helpers/snapshots";
import { storedMeta } from "../helpers/storedMeta";
import { startTestServer } from "../helpers/testServer";

// Live updates this deep are refused by default (MAX_DOC_DEPTH, limits-nesting.test.ts); raised here
// so the writer's session can store them, as a document stored before that bound may hold them.
const live = serverPerTest({ MAX_DOC_DEPTH: "20000" });

async function download(url: string, workshopId: string, token: string, query: string) {
  const res = await fetch(`${url}/api/workshops/${workshopId}/export?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, text: await res.text() };
}

/** Blockquotes nested `depth` deep, built top down as a client would, words at the bottom. */
function nest(fragment: Y.XmlFragment, depth: number, words: string): void {
  let parent: Y.XmlFragment | Y.XmlElement = fragment;
  for (let i = 0; i < depth; i++) {
    const next = new Y.XmlElement("blockquote");
    parent.insert(0, [next]);
    parent = next;
  }
  const p = new Y.XmlElement("paragraph");
  parent.insert(0, [p]);
  p.insert(0, [new Y.XmlText(words)]);
}

function deepJson(depth: number): RichTextNode {
  let node: RichTextNode = { type: "paragraph", content: [{ type: "text", text: "deep" }] };
  for (let i = 0; i < depth; i++) node = { type: "blockquote", content: [node] };
  return { type: "doc", content: [node] };
}

/** Another workshop's edit still arrives through the official client. */
async function otherRoomServes(url: string): Promise<void> {
  const other = await workshopWith(url, ["expert"]);
  const [a, b] = [
    live.peer(other.workshopId, other.facilitator),
    live.peer(other.workshopId, other.people[0]!.token),
  ];
  await Promise.all([a.synced(), b.synced()]);
  a.doc.getText("probe").insert(0, "served");
  await vi.waitFor(() => expect(b.doc.getText("probe").toString()).toBe("served"), { timeout: 10_000 });
}

describe("deep nesting", () => {
  it("keeps every export, the history and snapshots working after a writer nests a narrative 3,000 deep", async () => {
    const { url } = live.server;
    const { workshopId, facilitator, people } = await workshopWith(url, ["expert"]);
    const before = await call<{ snapshot: SnapshotEntry }>(
      url,
      "POST",
      `/workshops/${workshopId}/snapshots`,
      {
        token: facilitator,
        body: { label: "before" },
      },
    );
    const blob = () => storedSnapshotBytes(live.server, workshopId, before.body.snapshot.id);
    const blobBefore = await blob();

    const expert = live.peer(workshopId, people[0]!.token);
    await expert.synced();
    const scenarioId = addScenario(expert.doc, { riskId: "cbrn", title: "Deep", status: "draft" });
    expert.doc.transact(() => nest(narrativeOf(expert.doc, scenarioId), 3000, "words at the bottom"));
    // A risk record with shared types nested 10,000 deep: Y.Map#toJSON would recurse through them.
    const risk = expert.doc.getMap<Y.Map<unknown>>("risks").get("cbrn")!;
    expert.doc.transact(() => {
      let inner = new Y.Map<unknown>();
      risk.set("junk", inner);
      for (let i = 0; i < 10_000; i++) {
        const next = new Y.Map<unknown>();
        inner.set("x", next);
        inner = next;
      }
    });
    await vi.waitFor(
      async () => {
        const json = await download(url, workshopId, facilitator, "format=json");
        expect(json.status).toBe(200);
        const exp = JSON.parse(json.text) as WorkshopExport;
        expect(exp.content.scenarios.map((s) => s.title)).toContain("Deep");
      },
      { timeout: 10_000 },
    );
    for (const format of ["json", "md", "csv", "html"]) {
      const res = await download(url, workshopId, facilitator, `format=${format}`);
      expect(res.status, format).toBe(200);
      if (format !== "csv") expect(res.text, format).toContain("words at the bottom");
    }
    const md = await download(url, workshopId, facilitator, "format=md");
    expect(md.text).toContain("nested deeper than 64 levels; flattened");
    const html = await download(url, workshopId, facilitator, "format=html");
    expect(html.text).toContain(FLATTENED_MARKER);

    const history = await call(url, "GET", `/workshops/${workshopId}/history`, { token: facilitator });
    expect(history.status).toBe(200);
    const snap = await call<{ snapshot: SnapshotEntry }>(url, "POST", `/workshops/${workshopId}/snapshots`, {
      token: facilitator,
      body: { label: "deep" },
    });
    expect(snap.status).toBe(201);
    for (const format of ["json", "md", "csv", "html"]) {
      const res = await download(
        url,
        workshopId,
        facilitator,
        `format=${format}&snapshot=${snap.body.snapshot.id}`,
      );
      expect(res.status, format).toBe(200);
    }
    expect((await blob()).equals(blobBefore)).toBe(true);
    await otherRoomServes(url);
  });

  it("refuses an import nested 1,000 deep with 400 and the path, creating nothing", async () => {
    const { url } = live.server;
    const { workshopId, facilitator } = await workshopWith(url, []);
    const editor = live.peer(workshopId, facilitator);
    await editor.synced();
    addScenario(editor.doc, { riskId: "cbrn", title: "To export", status: "draft" });
    await vi.waitFor(async () => {
      const res = await download(url, workshopId, facilitator, "format=json");
      expect((JSON.parse(res.text) as WorkshopExport).content.scenarios).toHaveLength(1);
    });
    const exp = JSON.parse(
      (await download(url, workshopId, facilitator, "format=json")).text,
    ) as WorkshopExport;
    const before = await storedMeta(live.server);

    exp.content.scenarios[0]!.narrative = deepJson(1000);
    const narrative = await call<{
      error: { code: string; message: string; fields: Record<string, string[]> };
    }>(url, "POST", "/workshops/import", { body: { export: exp } });
    expect(narrative.status).toBe(400);
    expect(narrative.body.error.code).toBe("nesting_too_deep");
    expect(Object.keys(narrative.body.error.fields)).toEqual(["export.content.scenarios.0.narrative"]);
    expect(narrative.body.error.message).toContain("content.0.content.0");

    // Deep JSON anywhere else in the body is refused before the schema sees it, too.
    exp.content.scenarios[0]!.narrative = { type: "doc", content: [] };
    let junk: unknown[] = [];
    const top = junk;
    for (let i = 0; i < 1000; i++) {
      const next: unknown[] = [];
      junk.push(next);
      junk = next;
    }
    const elsewhere = await call<{ error: { code: string } }>(url, "POST", "/workshops/import", {
      body: { export: { ...exp, framework: { ...exp.framework, junk: top } } },
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.code).toBe("nesting_too_deep");

    expect(await storedMeta(live.server)).toBe(before);
    expect((await call(url, "GET", "/me", { token: facilitator })).status).toBe(200);
    await otherRoomServes(url);
  });

  it("refuses an import, and a snapshot, whose content would pass MAX_DOC_BYTES, storing nothing", async () => {
    const { workshopId, facilitator } = await workshopWith(live.server.url, []);
    const editor = live.peer(workshopId, facilitator);
    await editor.synced();
    const id = addScenario(editor.doc, { riskId: "cbrn", title: "Long", status: "draft" });
    narrativeOf(editor.doc, id).insert(0, [new Y.XmlText("x".repeat(40_000))]);
    await vi.waitFor(async () => {
      const res = await download(live.server.url, workshopId, facilitator, "format=md");
      expect(res.text).toContain("x".repeat(100));
    });
    const exp = (await download(live.server.url, workshopId, facilitator, "format=json")).text;
    editor.destroy();
    await live.server.stop();

    // The operator lowers the bound: the stored document is now over it.
    const small = await startTestServer({ MAX_DOC_BYTES: "20000" }, live.server.dataDir);
    try {
      const before = await storedMeta(small);
      const imported = await call<{ error: { code: string } }>(small.url, "POST", "/workshops/import", {
        rawBody: `{"export":${exp}}`,
      });
      expect(imported.status).toBe(413);
      expect(imported.body.error.code).toBe("document_too_large");
      const snap = await call<{ error: { code: string } }>(
        small.url,
        "POST",
        `/workshops/${workshopId}/snapshots`,
        {
          token: facilitator,
          body: { label: "too big" },
        },
      );
      expect(snap.status).toBe(413);
      expect(snap.body.error.code).toBe("document_too_large");
      expect(await storedMeta(small)).toBe(before);
      const snapshotDir = path.join(small.dataDir, "snapshots", workshopId);
      expect(existsSync(snapshotDir) ? readdirSync(snapshotDir) : []).toEqual([]);
      expect((await call(small.url, "GET", "/me", { token: facilitator })).status).toBe(200);
    } finally {
      await small.stop();
    }
  });
});
