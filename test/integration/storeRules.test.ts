/**
 * The rules each metadata write checks inside its transaction (server/store/guards.ts), over REST
 * on whichever store the project runs: each refusal keeps its code, status and message, and the
 * write after it still works, so the refusal stored nothing that gets in its way.
 */
import { describe, expect, it } from "vitest";
import { defaultFramework } from "../../shared/estimation/framework";
import { call } from "../helpers/api";
import { lockAndOpen, setupWorkshop } from "../helpers/estimation";
import { serverPerTest } from "../helpers/serverPerTest";

const live = serverPerTest();

interface Refusal {
  error: { code: string; message: string; fields?: Record<string, string[]> };
}

function post(route: string, token: string, body?: unknown) {
  return call<Refusal>(live.server.url, "POST", route, { token, ...(body === undefined ? {} : { body }) });
}

const justification = { justification: "Severity anchors were in the wrong currency" };

describe("the rules of the framework and the rounds", () => {
  it("refuses a second lock, an unlock of an unlocked framework, and an unlock or a second round while a round is open", async () => {
    const s = await setupWorkshop(live.server.url, live.server.wsUrl, ["expert"]);
    const f = s.facilitator;
    const notLocked = await post(`${s.route}/framework/unlock`, f, justification);
    expect(notLocked).toMatchObject({
      status: 409,
      body: { error: { code: "framework_unlocked", message: "the framework is not locked" } },
    });

    const roundId = await lockAndOpen(live.server.url, s);
    const again = await post(`${s.route}/framework/lock`, f);
    expect(again).toMatchObject({
      status: 409,
      body: { error: { code: "framework_locked", message: "the framework is already locked" } },
    });
    const second = await post(`${s.route}/rounds`, f, { scenarioIds: s.scenarioIds });
    expect(second).toMatchObject({
      status: 409,
      body: { error: { code: "round_open", message: "another round is open; reveal or close it first" } },
    });
    const unlockOpen = await post(`${s.route}/framework/unlock`, f, justification);
    expect(unlockOpen).toMatchObject({
      status: 409,
      body: {
        error: {
          code: "round_open",
          message: "close or reveal the open round before unlocking the framework",
        },
      },
    });

    // The round refused above was not stored: once this one is closed, the framework unlocks.
    expect((await post(`${s.route}/rounds/${roundId}/close`, f)).status).toBe(200);
    expect((await post(`${s.route}/framework/unlock`, f, justification)).status).toBe(200);
  });

  it("refuses an estimate for a scenario outside the round, and a reveal or close of a closed or unknown round", async () => {
    const s = await setupWorkshop(live.server.url, live.server.wsUrl, ["expert"]);
    const f = s.facilitator;
    const [inRound, outside] = s.scenarioIds as [string, string];
    const roundId = await lockAndOpen(live.server.url, s, { scenarioIds: [inRound] });
    const estimate = {
      scenarioId: outside,
      probability: { low: 0.01, best: 0.02, high: 0.04 },
      severity: { levelId: defaultFramework().severityLevels[2]!.id },
      confidence: "medium",
      rationale: "outside the round",
    };
    const stray = await post(`${s.route}/rounds/${roundId}/estimates`, s.people[0]!.token, estimate);
    expect(stray).toMatchObject({
      status: 400,
      body: {
        error: {
          code: "invalid_input",
          message: "this scenario is not in the round",
          fields: { scenarioId: ["not in this round"] },
        },
      },
    });

    for (const action of ["reveal", "close"]) {
      const unknown = await post(`${s.route}/rounds/no-such-round/${action}`, f);
      expect(unknown).toMatchObject({
        status: 404,
        body: { error: { code: "not_found", message: "round not found" } },
      });
    }
    expect((await post(`${s.route}/rounds/${roundId}/close`, f)).status).toBe(200);
    const closeAgain = await post(`${s.route}/rounds/${roundId}/close`, f);
    expect(closeAgain).toMatchObject({
      status: 409,
      body: { error: { code: "round_closed", message: "round 1 is already closed" } },
    });
    const revealClosed = await post(`${s.route}/rounds/${roundId}/reveal`, f);
    expect(revealClosed).toMatchObject({
      status: 409,
      body: { error: { code: "round_not_open", message: "round 1 is closed" } },
    });
  });
});

describe("the rules of determinations and invites", () => {
  it("refuses a determination before the lock, dissent with no determination, and revoking an unknown invite", async () => {
    const s = await setupWorkshop(live.server.url, live.server.wsUrl, ["expert"], 1);
    const f = s.facilitator;
    const tierId = defaultFramework().ladders.cbrn![0]!.id;
    const body = {
      tierId,
      safetyMargin: "wide",
      marginReasons: "none",
      conditions: "none",
      verdict: "acceptable",
    };
    const early = await call<Refusal>(live.server.url, "PUT", `${s.route}/determinations/cbrn`, {
      token: f,
      body,
    });
    expect(early).toMatchObject({
      status: 409,
      body: {
        error: {
          code: "framework_not_locked",
          message: "determinations are made against a locked framework",
        },
      },
    });
    const dissent = await post(`${s.route}/determinations/cbrn/dissent`, s.people[0]!.token, { text: "no" });
    expect(dissent).toMatchObject({
      status: 404,
      body: { error: { code: "not_found", message: "determination not found" } },
    });
    const revoke = await call<Refusal>(live.server.url, "DELETE", `${s.route}/invites/no-such-invite`, {
      token: f,
    });
    expect(revoke).toMatchObject({
      status: 404,
      body: { error: { code: "not_found", message: "invite not found" } },
    });
  });
});
