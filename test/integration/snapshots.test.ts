import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { addScenario, listScenarios, narrativeOf, risksOf } from "../../shared/content";
import { defaultFramework } from "../../shared/estimation/framework";
import { readRounds } from "../../shared/estimationView";
import type { SnapshotBlob, SnapshotEntry } from "../../shared/snapshot";
import { call, workshopWith } from "../helpers/api";
import { lockAndOpen, setupWorkshop } from "../helpers/estimation";
import { serverPerTest } from "../helpers/serverPerTest";
import { storedSnapshotBytes, storedSnapshotCount, takeSnapshot, tamperSnapshot } from "../helpers/snapshots";

const live = serverPerTest();

async function open(route: string, token: string, id: string) {
  return call<{ snapshot: SnapshotBlob; error?: { code: string; message: string } }>(
    live.server.url,
    "GET",
    `${route}/snapshots/${id}`,
    { token },
  );
}

const take = (route: string, token: string, label: string) =>
  takeSnapshot(live.server.url, route, token, label);

describe("snapshots", () => {
  it("holds exactly the state at its moment, though edits continued after it", async () => {
    const { workshopId, facilitator, people } = await workshopWith(live.server.url, ["expert", "observer"]);
    const route = `/workshops/${workshopId}`;
    const editor = live.peer(workshopId, people[0]!.token);
    await editor.synced();
    const id = addScenario(editor.doc, { riskId: "cbrn", title: "Before the snapshot", status: "draft" });
    narrativeOf(editor.doc, id).insert(0, [new Y.XmlText("as it was")]);
    const check = live.peer(workshopId, facilitator);
    await vi.waitFor(() => expect(listScenarios(check.doc)).toHaveLength(1));

    const entry = await take(route, facilitator, "after round 2");
    addScenario(editor.doc, { riskId: "cbrn", title: "After the snapshot", status: "draft" });
    risksOf(editor.doc).update("cbrn", { title: "CBRN (renamed later)" });
    await vi.waitFor(() => expect(listScenarios(check.doc)).toHaveLength(2));

    // Anyone in the workshop, observers too, can open it.
    const res = await open(route, people[1]!.token, entry.id);
    expect(res.status).toBe(200);
    const restored = new Y.Doc();
    Y.applyUpdate(restored, Buffer.from(res.body.snapshot.content, "base64"));
    expect(listScenarios(restored).map((s) => s.title)).toEqual(["Before the snapshot"]);
    expect(narrativeOf(restored, id).toString()).toContain("as it was");
    expect(risksOf(restored).get("cbrn")?.title).toBe("CBRN");
    const control = new Y.Doc();
    Y.applyUpdate(control, Buffer.from(res.body.snapshot.control, "base64"));
    expect(control.getMap("participants").size).toBe(3);
    expect(res.body.snapshot).toMatchObject({
      label: "after round 2",
      takenBy: "Fran Facilitator",
      auto: false,
    });
    expect(res.body.snapshot.framework).toEqual(defaultFramework());
  });

  it("survives a restart byte for byte and can be neither changed nor deleted", async () => {
    const { workshopId, facilitator, people } = await workshopWith(live.server.url, ["expert"]);
    const route = `/workshops/${workshopId}`;
    const entry = await take(route, facilitator, "baseline");
    const bytes = await storedSnapshotBytes(live.server, workshopId, entry.id);
    const before = await open(route, facilitator, entry.id);

    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const res = await call(live.server.url, method, `${route}/snapshots/${entry.id}`, {
        token: facilitator,
        body: { label: "x" },
      });
      expect(res.status, method).toBe(404);
    }
    expect(
      (
        await call(live.server.url, "POST", `${route}/snapshots`, {
          token: people[0]!.token,
          body: { label: "x" },
        })
      ).status,
    ).toBe(403);
    expect(
      (await call(live.server.url, "POST", `${route}/snapshots`, { token: facilitator, body: { label: "" } }))
        .status,
    ).toBe(400);

    const url = live.server.url;
    const again = await live.restart();
    expect(url).not.toBe(again.url);
    expect((await storedSnapshotBytes(live.server, workshopId, entry.id)).equals(bytes)).toBe(true);
    const after = await open(route, facilitator, entry.id);
    expect(after.body).toEqual(before.body);
    const listed = await call<{ snapshots: SnapshotEntry[] }>(live.server.url, "GET", `${route}/snapshots`, {
      token: facilitator,
    });
    expect(listed.body.snapshots).toEqual([entry]);
  });

  it("refuses a blob altered on disk with a clear error, and the others still open", async () => {
    const { workshopId, facilitator } = await workshopWith(live.server.url, []);
    const route = `/workshops/${workshopId}`;
    const good = await take(route, facilitator, "good");
    const bad = await take(route, facilitator, "tampered");
    await tamperSnapshot(live.server, workshopId, bad.id, '"tampered"', '"innocent"');
    const refused = await open(route, facilitator, bad.id);
    expect(refused.status).toBe(500);
    expect(refused.body.error?.code).toBe("snapshot_corrupt");
    expect(refused.body.error?.message).toContain(bad.sha256);
    expect((await open(route, facilitator, good.id)).status).toBe(200);
    expect((await open(route, facilitator, "AAAAAAAAAAAAAAAA")).status).toBe(404);
  });

  it("is taken automatically when a round is revealed and when it is closed, with the standings of that moment", async () => {
    const s = await setupWorkshop(live.server.url, live.server.wsUrl, ["expert"], 1);
    const roundId = await lockAndOpen(live.server.url, s);
    const level = defaultFramework().severityLevels[3]!.id;
    await call(live.server.url, "POST", `${s.route}/rounds/${roundId}/estimates`, {
      token: s.people[0]!.token,
      body: {
        scenarioId: s.scenarioIds[0],
        probability: { low: 0.001, best: 0.004, high: 0.02 },
        severity: { levelId: level },
        confidence: "low",
      },
    });
    await call(live.server.url, "POST", `${s.route}/rounds/${roundId}/reveal`, { token: s.facilitator });
    await call(live.server.url, "POST", `${s.route}/rounds/${roundId}/close`, { token: s.facilitator });
    const listed = await call<{ snapshots: SnapshotEntry[] }>(
      live.server.url,
      "GET",
      `${s.route}/snapshots`,
      {
        token: s.facilitator,
      },
    );
    expect(listed.body.snapshots.map((x) => [x.label, x.auto])).toEqual([
      ["Round 1 revealed", true],
      ["Round 1 closed", true],
    ]);
    const revealed = await open(s.route, s.facilitator, listed.body.snapshots[0]!.id);
    const standing = revealed.body.snapshot.standings[s.scenarioIds[0]!]!;
    expect(standing.pre).toMatchObject({
      roundNumber: 1,
      severity: { levelId: level },
    });
    expect(standing.residual).toBeNull();
    expect(standing.pre?.probability.best).toBeCloseTo(0.004, 12);
    const control = new Y.Doc();
    Y.applyUpdate(control, Buffer.from(revealed.body.snapshot.control, "base64"));
    expect(readRounds(control)[0]?.state).toBe("revealed");
    const view = live.peer(`${s.workshopId}/control`, s.facilitator);
    await view.synced();
    expect(view.doc.getMap("snapshots").size).toBe(2);
    expect(await storedSnapshotCount(live.server, s.workshopId)).toBe(2);
  });
});
