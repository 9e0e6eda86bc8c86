/**
 * The control document is a projection of metadata: with its files gone (the worst a crash
 * between commits and projections could leave), a restart rebuilds everything it showed. And
 * reading the framework writes nothing.
 */
import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { readFocus, readParticipants, readPhase, readTimer } from "../../shared/controlDoc";
import { defaultFramework } from "../../shared/estimation/framework";
import {
  readDeterminations,
  readFramework,
  readLock,
  readRevealed,
  readRounds,
  readUnlocks,
  readVerdict,
} from "../../shared/estimationView";
import type { SnapshotEntry } from "../../shared/snapshot";
import { call } from "../helpers/api";
import { lockAndOpen, setupWorkshop } from "../helpers/estimation";
import { serverPerTest } from "../helpers/serverPerTest";
import { removeStoredDoc, storedDocBytes } from "../helpers/storedDoc";
import { storedMeta } from "../helpers/storedMeta";

const live = serverPerTest();

/** Everything the control document shows, as plain data. */
function shown(doc: Y.Doc) {
  const rounds = readRounds(doc);
  return {
    participants: readParticipants(doc),
    framework: [readFramework(doc), readLock(doc), readUnlocks(doc)],
    rounds,
    revealed: rounds.map((r) => readRevealed(doc, r.id)),
    determinations: readDeterminations(doc).sort((a, b) => a.riskId.localeCompare(b.riskId)),
    verdict: readVerdict(doc),
    snapshots: [...doc.getMap<SnapshotEntry>("snapshots").values()].sort((a, b) => a.id.localeCompare(b.id)),
    room: { phase: readPhase(doc), timer: readTimer(doc), focus: readFocus(doc) },
  };
}

describe("the control document's projection", () => {
  it("is rebuilt in full from metadata when its room loads", async () => {
    const url = live.server.url;
    const s = await setupWorkshop(url, live.server.wsUrl, ["expert", "observer"], 1);
    const f = { token: s.facilitator };
    const roundId = await lockAndOpen(url, s, { kind: "pre", anonymous: true });
    await call(url, "POST", `${s.route}/rounds/${roundId}/estimates`, {
      token: s.people[0]!.token,
      body: {
        scenarioId: s.scenarioIds[0],
        probability: { low: 0.01, best: 0.03, high: 0.1 },
        severity: { levelId: defaultFramework().severityLevels[1]!.id },
        confidence: "high",
        rationale: "r",
      },
    });
    expect((await call(url, "POST", `${s.route}/rounds/${roundId}/reveal`, f)).status).toBe(200);
    const determination = {
      tierId: defaultFramework().ladders.cbrn![0]!.id,
      safetyMargin: "One tier",
      marginReasons: "m",
      conditions: "c",
      verdict: "acceptable",
      evidenceScenarioIds: s.scenarioIds,
    };
    expect(
      (await call(url, "PUT", `${s.route}/determinations/cbrn`, { ...f, body: determination })).status,
    ).toBe(200);
    const dissent = { token: s.people[0]!.token, body: { text: "Too early to say" } };
    expect((await call(url, "POST", `${s.route}/determinations/cbrn/dissent`, dissent)).status).toBe(201);
    const verdict = { verdict: "acceptable", justification: "j" };
    expect((await call(url, "PUT", `${s.route}/verdict`, { ...f, body: verdict })).status).toBe(200);
    expect((await call(url, "PUT", `${s.route}/phase`, { ...f, body: { phase: "evaluate" } })).status).toBe(
      200,
    );
    const timer = { durationSeconds: 600, label: "Break" };
    expect((await call(url, "POST", `${s.route}/timer`, { ...f, body: timer })).status).toBe(200);
    const focus = { scenarioId: s.scenarioIds[0] };
    expect((await call(url, "POST", `${s.route}/focus`, { ...f, body: focus })).status).toBe(200);

    const before = live.peer(`${s.workshopId}/control`, s.facilitator);
    await before.synced();
    const expected = shown(before.doc);
    expect(expected.rounds[0]?.state).toBe("revealed");
    expect(expected.determinations[0]?.dissent).toHaveLength(1);
    expect(expected.snapshots.length).toBeGreaterThan(0);
    expect(expected.room.timer).not.toBeNull();
    before.destroy();

    // The control document's files go; metadata stays.
    await live.server.stop();
    await removeStoredDoc(live.server, s.workshopId, "control");
    await live.restart();

    const after = live.peer(`${s.workshopId}/control`, s.people[1]!.token);
    await after.synced();
    expect(shown(after.doc)).toEqual(expected);
  });

  it("is left alone on a load that finds it up to date: the control log does not grow", async () => {
    const url = live.server.url;
    const s = await setupWorkshop(url, live.server.wsUrl, ["expert"], 1);
    const roundId = await lockAndOpen(url, s, { kind: "pre", anonymous: false });
    expect(
      (await call(url, "POST", `${s.route}/rounds/${roundId}/reveal`, { token: s.facilitator })).status,
    ).toBe(200);
    const controlBytes = () => storedDocBytes(live.server, s.workshopId, "control");
    await live.server.stop();
    const before = await controlBytes();
    await live.restart();
    const reader = live.peer(`${s.workshopId}/control`, s.facilitator);
    await reader.synced();
    expect(readRounds(reader.doc)[0]?.state).toBe("revealed");
    reader.destroy();
    await live.server.stop();
    expect((await controlBytes()).equals(before)).toBe(true);
  });

  it("is read without writing: GET framework stores nothing", async () => {
    const s = await setupWorkshop(live.server.url, live.server.wsUrl, [], 1);
    const before = await storedMeta(live.server);
    const res = await call(live.server.url, "GET", `${s.route}/framework`, { token: s.facilitator });
    expect(res).toMatchObject({ status: 200, body: { framework: defaultFramework(), lock: null } });
    expect(await storedMeta(live.server)).toBe(before);
  });
});
