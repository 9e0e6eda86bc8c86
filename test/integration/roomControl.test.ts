import { describe, expect, it, vi } from "vitest";
import { readFocus, readPhase, readTimer } from "../../shared/controlDoc";
import { call, workshopWith } from "../helpers/api";
import { serverPerTest } from "../helpers/serverPerTest";

const live = serverPerTest();

describe("room controls", () => {
  it("lets the facilitator set the phase, run a timer and bring everyone to a scenario, live for all", async () => {
    const { workshopId, facilitator, people } = await workshopWith(live.server.url, ["observer"]);
    const watcher = live.peer(`${workshopId}/control`, people[0]!.token);
    await watcher.synced();
    expect(readPhase(watcher.doc)).toBe("identify");

    const route = `/workshops/${workshopId}`;
    expect(
      (
        await call(live.server.url, "PUT", `${route}/phase`, {
          token: facilitator,
          body: { phase: "estimate" },
        })
      ).status,
    ).toBe(200);
    const timer = await call(live.server.url, "POST", `${route}/timer`, {
      token: facilitator,
      body: { durationSeconds: 600, label: "Round 1" },
    });
    expect(timer.status).toBe(200);
    await call(live.server.url, "POST", `${route}/focus`, {
      token: facilitator,
      body: { scenarioId: "abc" },
    });
    await call(live.server.url, "POST", `${route}/focus`, {
      token: facilitator,
      body: { scenarioId: "abc" },
    });
    await vi.waitFor(() => {
      expect(readPhase(watcher.doc)).toBe("estimate");
      expect(readTimer(watcher.doc)).toMatchObject({ label: "Round 1", startedBy: "Fran Facilitator" });
      expect(readFocus(watcher.doc)).toMatchObject({ scenarioId: "abc", seq: 2 });
    });
    const t = readTimer(watcher.doc)!;
    expect(Date.parse(t.endsAt) - Date.parse(t.startedAt)).toBe(600_000);
    await call(live.server.url, "DELETE", `${route}/timer`, { token: facilitator });
    await vi.waitFor(() => expect(readTimer(watcher.doc)).toBeNull());
  });

  it("refuses experts, observers and bad values, changing nothing", async () => {
    const { workshopId, facilitator, people } = await workshopWith(live.server.url, ["expert", "observer"]);
    const route = `/workshops/${workshopId}`;
    for (const who of people) {
      expect(
        (
          await call(live.server.url, "PUT", `${route}/phase`, {
            token: who.token,
            body: { phase: "report" },
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await call(live.server.url, "POST", `${route}/timer`, {
            token: who.token,
            body: { durationSeconds: 60 },
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await call(live.server.url, "POST", `${route}/focus`, {
            token: who.token,
            body: { scenarioId: null },
          })
        ).status,
      ).toBe(403);
    }
    for (const [method, path, body] of [
      ["PUT", "phase", { phase: "party" }],
      ["PUT", "phase", {}],
      ["POST", "timer", { durationSeconds: -5 }],
      ["POST", "timer", { durationSeconds: 1e9 }],
      ["POST", "timer", { durationSeconds: "ten" }],
      ["POST", "focus", { scenarioId: 7 }],
    ] as const) {
      const res = await call(live.server.url, method, `${route}/${path}`, { token: facilitator, body });
      expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(400);
    }
    const watcher = live.peer(`${workshopId}/control`, facilitator);
    await watcher.synced();
    expect(readPhase(watcher.doc)).toBe("identify");
    expect(readTimer(watcher.doc)).toBeNull();
    expect(readFocus(watcher.doc)).toBeNull();
  });
});
