import { describe, expect, it, vi } from "vitest";
import { defaultFramework } from "../../shared/estimation/framework";
import { readLock, readRevealed, readRounds, readUnlocks } from "../../shared/estimationView";
import type { SnapshotBlob } from "../../shared/snapshot";
import type { WorkshopExport } from "../../shared/workshopExport";
import { call } from "../helpers/api";
import { lockAndOpen, numberPatterns, recorder, setupWorkshop } from "../helpers/estimation";
import { serverPerTest } from "../helpers/serverPerTest";
import { takeSnapshot } from "../helpers/snapshots";

const live = serverPerTest();

const estimate = (scenarioId: string, best: number, rationale: string) => ({
  scenarioId,
  probability: { low: best / 2, best, high: Math.min(0.99, best * 2) },
  severity: { levelId: defaultFramework().severityLevels[2]!.id },
  confidence: "medium",
  rationale,
});

describe("the framework lock", () => {
  it("refuses a round before the lock, a short ladder at lock, edits while locked, and an unjustified unlock", async () => {
    const s = await setupWorkshop(live.server.url, live.server.wsUrl, ["expert"]);
    const f = s.facilitator;
    const early = await call(live.server.url, "POST", `${s.route}/rounds`, {
      token: f,
      body: { scenarioIds: s.scenarioIds },
    });
    expect(early).toMatchObject({ status: 409, body: { error: { code: "framework_not_locked" } } });

    const short = defaultFramework();
    short.ladders.cbrn = short.ladders.cbrn!.slice(0, 1);
    expect(
      (await call(live.server.url, "PUT", `${s.route}/framework`, { token: f, body: { framework: short } }))
        .status,
    ).toBe(200);
    const refused = await call<{ error: { fields: Record<string, string[]> } }>(
      live.server.url,
      "POST",
      `${s.route}/framework/lock`,
      { token: f },
    );
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.error.fields)).toEqual(["ladders.cbrn"]);

    const full = defaultFramework();
    await call(live.server.url, "PUT", `${s.route}/framework`, { token: f, body: { framework: full } });
    const locked = await call<{ lock: { hash: string } }>(
      live.server.url,
      "POST",
      `${s.route}/framework/lock`,
      {
        token: f,
      },
    );
    expect(locked.status).toBe(200);
    const firstHash = locked.body.lock.hash;
    expect(firstHash).toMatch(/^[0-9a-f]{64}$/);

    const edit = await call(live.server.url, "PUT", `${s.route}/framework`, {
      token: f,
      body: { framework: full },
    });
    expect(edit).toMatchObject({ status: 409, body: { error: { code: "framework_locked" } } });
    for (const body of [{}, { justification: "" }, { justification: "   short  " }]) {
      expect(
        (await call(live.server.url, "POST", `${s.route}/framework/unlock`, { token: f, body })).status,
      ).toBe(400);
    }
    const expertTry = await call(live.server.url, "POST", `${s.route}/framework/unlock`, {
      token: s.people[0]!.token,
      body: { justification: "I would like to change the tiers please" },
    });
    expect(expertTry.status).toBe(403);

    const unlock = await call(live.server.url, "POST", `${s.route}/framework/unlock`, {
      token: f,
      body: { justification: "Severity anchors were in the wrong currency" },
    });
    expect(unlock.status).toBe(200);
    const changed = defaultFramework();
    changed.severityLevels[0]!.anchor = "< €1 M";
    await call(live.server.url, "PUT", `${s.route}/framework`, { token: f, body: { framework: changed } });
    const relocked = await call<{ lock: { hash: string } }>(
      live.server.url,
      "POST",
      `${s.route}/framework/lock`,
      {
        token: f,
      },
    );
    const observerView = live.peer(`${s.workshopId}/control`, s.people[0]!.token);
    await observerView.synced();
    await vi.waitFor(() => expect(readLock(observerView.doc)?.hash).toBe(relocked.body.lock.hash));
    expect(readUnlocks(observerView.doc)).toEqual([
      expect.objectContaining({
        by: "Fran Facilitator",
        justification: "Severity anchors were in the wrong currency",
        hashBefore: firstHash,
        hashAfter: relocked.body.lock.hash,
      }),
    ]);
    expect(relocked.body.lock.hash).not.toBe(firstHash);
  });
});

describe("blind rounds", () => {
  it("shows no estimate value to anyone while the round is open, and every value after reveal", async () => {
    const s = await setupWorkshop(live.server.url, live.server.wsUrl, [
      "expert",
      "expert",
      "expert",
      "observer",
    ]);
    const [e1, e2, e3, observer] = s.people;
    const watchers = [s.facilitator, e1!.token, e2!.token, e3!.token, observer!.token];
    const sockets = watchers.flatMap((token) => [
      recorder(live.server.wsUrl, s.workshopId, token),
      recorder(live.server.wsUrl, `${s.workshopId}/control`, token),
    ]);
    await Promise.all(sockets.map((x) => x.opened));
    const roundId = await lockAndOpen(live.server.url, s, { anonymous: false });

    const secrets = [
      estimate(s.scenarioIds[0]!, 0.0137, "SECRET-RATIONALE-ONE"),
      estimate(s.scenarioIds[0]!, 0.0291, "SECRET-RATIONALE-TWO"),
      estimate(s.scenarioIds[0]!, 0.0443, "SECRET-RATIONALE-THREE"),
    ];
    const apiSeen: string[] = [];
    for (const [i, who] of [e1!, e2!, e3!].entries()) {
      const res = await call(live.server.url, "POST", `${s.route}/rounds/${roundId}/estimates`, {
        token: who.token,
        body: secrets[i],
      });
      expect(res.status).toBe(201);
    }
    // What everyone else can ask the API for while the round is open.
    for (const token of watchers) {
      for (const path of ["", "/participants", "/framework"])
        apiSeen.push(
          JSON.stringify((await call(live.server.url, "GET", `${s.route}${path}`, { token })).body),
        );
    }
    apiSeen.push(
      JSON.stringify(
        (
          await call(live.server.url, "GET", `${s.route}/rounds/${roundId}/estimates/mine`, {
            token: s.facilitator,
          })
        ).body,
      ),
    );
    apiSeen.push(
      JSON.stringify(
        (
          await call(live.server.url, "GET", `${s.route}/rounds/${roundId}/estimates/mine`, {
            token: observer!.token,
          })
        ).body,
      ),
    );
    const mine = await call<{ estimates: Array<{ rationale: string }> }>(
      live.server.url,
      "GET",
      `${s.route}/rounds/${roundId}/estimates/mine`,
      { token: e2!.token },
    );
    expect(mine.body.estimates.map((e) => e.rationale)).toEqual(["SECRET-RATIONALE-TWO"]);

    const control = live.peer(`${s.workshopId}/control`, observer!.token);
    await control.synced();
    await vi.waitFor(() => expect(readRounds(control.doc)[0]?.submitted[s.scenarioIds[0]!]).toHaveLength(3));

    const bytes = Buffer.concat(sockets.flatMap((x) => x.messages.map((m) => Buffer.from(m))));
    const text = apiSeen.join("\n");
    for (const secret of secrets) {
      expect(bytes.includes(secret.rationale)).toBe(false);
      expect(text).not.toContain(secret.rationale);
      for (const value of [secret.probability.low, secret.probability.best, secret.probability.high]) {
        for (const pattern of numberPatterns(value))
          expect(bytes.includes(pattern), `${value} leaked`).toBe(false);
        expect(text).not.toContain(String(value));
      }
    }
    expect(readRevealed(control.doc, roundId)).toBeNull();

    expect(
      (await call(live.server.url, "POST", `${s.route}/rounds/${roundId}/reveal`, { token: s.facilitator }))
        .status,
    ).toBe(200);
    await vi.waitFor(() => expect(readRevealed(control.doc, roundId)).not.toBeNull());
    const revealed = readRevealed(control.doc, roundId)!;
    expect(
      revealed.estimates[s.scenarioIds[0]!]!.map((e) => [e.who, e.rationale, e.probability.best]),
    ).toEqual([
      ["expert 1", "SECRET-RATIONALE-ONE", 0.0137],
      ["expert 2", "SECRET-RATIONALE-TWO", 0.0291],
      ["expert 3", "SECRET-RATIONALE-THREE", 0.0443],
    ]);
    // Geometric mean of odds of the three bests, by hand: odds 0.013890, 0.029972, 0.046353;
    // mean of logs (−4.2765 − 3.5075 − 3.0713) / 3 = −3.6184 → odds 0.026822 → p = 0.026822 / 1.026822 = 0.026121.
    expect(revealed.aggregates[s.scenarioIds[0]!]!.probability.best).toBeCloseTo(0.026121, 5);
    const after = Buffer.concat(sockets.flatMap((x) => x.messages.map((m) => Buffer.from(m))));
    expect(after.includes("SECRET-RATIONALE-THREE")).toBe(true);
    for (const x of sockets) x.ws.close();
  });

  it("reveals an anonymous round under aliases", async () => {
    const s = await setupWorkshop(live.server.url, live.server.wsUrl, ["expert", "expert"], 1);
    const roundId = await lockAndOpen(live.server.url, s, { anonymous: true });
    for (const [i, who] of s.people.entries())
      await call(live.server.url, "POST", `${s.route}/rounds/${roundId}/estimates`, {
        token: who.token,
        body: estimate(s.scenarioIds[0]!, 0.1 + i / 10, `r${i}`),
      });
    const res = await call<{ revealed: { estimates: Record<string, Array<Record<string, unknown>>> } }>(
      live.server.url,
      "POST",
      `${s.route}/rounds/${roundId}/reveal`,
      { token: s.facilitator },
    );
    const shown = res.body.revealed.estimates[s.scenarioIds[0]!]!;
    expect(shown.map((e) => e.who)).toEqual(["Expert A", "Expert B"]);
    expect(shown.every((e) => !("participantId" in e))).toBe(true);
    expect(JSON.stringify(res.body)).not.toContain("expert 1");
  });

  it("keeps a revealed round's aggregates and tiers as revealed, though the framework is edited after", async () => {
    const s = await setupWorkshop(live.server.url, live.server.wsUrl, ["expert"], 1);
    const scenarioId = s.scenarioIds[0]!;
    const roundId = await lockAndOpen(live.server.url, s);
    await call(live.server.url, "POST", `${s.route}/rounds/${roundId}/estimates`, {
      token: s.people[0]!.token,
      body: estimate(scenarioId, 0.2, "likely and severe"),
    });
    const tierOf = (revealed: { aggregates: Record<string, { tier: { id: string } | null } | null> }) =>
      revealed.aggregates[scenarioId]?.tier?.id;
    const reveal = await call<{ revealed: { aggregates: Record<string, { tier: { id: string } } | null> } }>(
      live.server.url,
      "POST",
      `${s.route}/rounds/${roundId}/reveal`,
      { token: s.facilitator },
    );
    const tierAtReveal = tierOf(reveal.body.revealed);
    expect(tierAtReveal).toBe("unacceptable");

    // Unlock, move the cell that round landed in to "acceptable", lock again.
    const f = s.facilitator;
    await call(live.server.url, "POST", `${s.route}/framework/unlock`, {
      token: f,
      body: { justification: "the matrix cell for likely and severe was wrong" },
    });
    const framework = defaultFramework();
    const band = framework.likelihoodBands.find((b) => b.lower <= 0.2 && 0.2 < b.upper)!;
    framework.matrix[band.id]![framework.severityLevels[2]!.id] = "acceptable";
    expect(
      (await call(live.server.url, "PUT", `${s.route}/framework`, { token: f, body: { framework } })).status,
    ).toBe(200);
    expect((await call(live.server.url, "POST", `${s.route}/framework/lock`, { token: f })).status).toBe(200);

    const snap = await takeSnapshot(live.server.url, s.route, f, "after the edit");
    const blob = await call<{ snapshot: SnapshotBlob }>(
      live.server.url,
      "GET",
      `${s.route}/snapshots/${snap.id}`,
      {
        token: f,
      },
    );
    expect(tierOf(blob.body.snapshot.revealed[roundId]!)).toBe(tierAtReveal);
    expect(blob.body.snapshot.standings[scenarioId]?.pre?.tier?.id).toBe(tierAtReveal);
    const exported = await call<WorkshopExport>(live.server.url, "GET", `${s.route}/export?format=json`, {
      token: f,
    });
    const round = exported.body.rounds.find((r) => r.id === roundId)!;
    expect(tierOf(round.revealed!)).toBe(tierAtReveal);
    // And after a restart, from what is on disk.
    await live.restart();
    const again = await call<WorkshopExport>(live.server.url, "GET", `${s.route}/export?format=json`, {
      token: f,
    });
    expect(tierOf(again.body.rounds.find((r) => r.id === roundId)!.revealed!)).toBe(tierAtReveal);
  });
});
