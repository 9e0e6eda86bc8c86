/**
 * Watched conditions over the real API and a real y-websocket client, on whichever store runs: an
 * evaluation condition is met when an evidence item records a result past its value; the workshop's
 * conditions say so, the model page lists it, and the next report version says so. A facilitator
 * marks an affordance met; others may not.
 */
import { describe, expect, it, vi } from "vitest";
import { evidenceOf } from "../../shared/content/scenarios";
import { defaultFramework } from "../../shared/estimation/framework";
import type { ModelReportBody } from "../../shared/modelReport";
import type { ModelView } from "../../shared/models";
import type { ConditionState } from "../../shared/watchedConditions";
import { call } from "../helpers/api";
import { type EstimationSetup, setupWorkshop } from "../helpers/estimation";
import { attach, createModel, fetchReport, signOff } from "../helpers/models";
import { serverPerTest } from "../helpers/serverPerTest";
import { takeSnapshot } from "../helpers/snapshots";
import { storedMeta } from "../helpers/storedMeta";

type ErrorBody = { error: { code: string; fields?: Record<string, string[]> } };
type Conditions = { risks: Array<{ riskId: string; noLongerHolds: boolean; conditions: ConditionState[] }> };

const live = serverPerTest();
const ladder = defaultFramework().ladders.cbrn!;

const watched = [
  {
    kind: "evaluation",
    description: "Novices succeed in the uplift study more than half the time",
    metric: "uplift study",
    direction: "above",
    value: 50,
  },
  { kind: "affordance", description: "The model gets wet-lab automation access" },
  { kind: "date", description: "Re-assessment due", date: "2999-01-01" },
];

const determination = (s: EstimationSetup, extra: Record<string, unknown> = {}) => ({
  tierId: ladder[0]!.id,
  safetyMargin: "One tier",
  marginReasons: "Elicitation may be incomplete",
  conditions: "See the watched conditions",
  verdict: "acceptable",
  evidenceScenarioIds: s.scenarioIds,
  watched,
  ...extra,
});

async function conditions(s: EstimationSetup, token: string) {
  const res = await call<Conditions>(live.server.url, "GET", `${s.route}/conditions`, { token });
  expect(res.status).toBe(200);
  return res.body.risks.find((r) => r.riskId === "cbrn")!;
}

/** Adds an evidence item through a real client and waits until the server's document holds it. */
async function addEvidence(s: EstimationSetup, title: string, result: string) {
  const author = live.peer(s.workshopId, s.facilitator);
  await author.synced();
  evidenceOf(author.doc, s.scenarioIds[0]!).add({ title, result });
  const check = live.peer(s.workshopId, s.facilitator);
  await check.synced();
  await vi.waitFor(() =>
    expect(
      evidenceOf(check.doc, s.scenarioIds[0]!)
        .list()
        .map((e) => e.title),
    ).toContain(title),
  );
}

describe("watched conditions", () => {
  it("marks an evaluation condition as no longer holding when evidence records a result past its value, and the report says so", async () => {
    const s = await setupWorkshop(live.server.url, live.server.wsUrl, ["expert"], 1);
    const expert = s.people[0]!.token;
    await call(live.server.url, "POST", `${s.route}/framework/lock`, { token: s.facilitator });

    const before = await storedMeta(live.server);
    const bad = await call<ErrorBody>(live.server.url, "PUT", `${s.route}/determinations/cbrn`, {
      token: s.facilitator,
      body: determination(s, {
        watched: [{ kind: "evaluation", description: "x", direction: "above", value: 1 }],
      }),
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields ?? {})).toEqual(["watched.0.metric"]);
    expect(await storedMeta(live.server)).toBe(before);

    const put = await call(live.server.url, "PUT", `${s.route}/determinations/cbrn`, {
      token: s.facilitator,
      body: determination(s),
    });
    expect(put.status).toBe(200);
    // A model report issued while every condition holds.
    const { model, token } = await createModel(live.server.url);
    await attach(live.server.url, model.id, s.workshopId, s.facilitator, token);
    const first = await takeSnapshot(live.server.url, s.route, s.facilitator, "determined");
    await signOff(live.server.url, model.id, s.workshopId, s.facilitator, first.id);
    expect((await call(live.server.url, "POST", `/models/${model.id}/reports`, { token })).status).toBe(201);
    expect((await fetchReport(live.server.url, model.id, token, "format=md")).text).not.toContain(
      "No longer holds",
    );

    const start = await conditions(s, expert);
    expect(start.noLongerHolds).toBe(false);
    expect(start.conditions.map((c) => [c.id, c.kind, c.met])).toEqual([
      ["c1", "evaluation", false],
      ["c2", "affordance", false],
      ["c3", "date", false],
    ]);

    // A result short of the value, and one on another evaluation: the condition still holds.
    await addEvidence(s, "Uplift study, round 1", "40% of novices completed the protocol");
    await addEvidence(s, "Red-team report", "93 findings");
    expect((await conditions(s, expert)).noLongerHolds).toBe(false);

    await addEvidence(s, "Uplift study, round 2", "63% of novices completed the protocol");
    const after = await conditions(s, expert);
    expect(after.noLongerHolds).toBe(true);
    expect(after.conditions[0]).toMatchObject({
      id: "c1",
      met: true,
      reason: "evidence “Uplift study, round 2” on “Scenario 1” records 63, above 50",
    });
    expect(after.conditions.slice(1).map((c) => c.met)).toEqual([false, false]);

    // Marking: facilitators only, known conditions only.
    const mark = (token: string, id: string) =>
      call<ErrorBody>(live.server.url, "POST", `${s.route}/determinations/cbrn/conditions/${id}/met`, {
        token,
        body: { note: "Lab automation API enabled in the March release" },
      });
    expect((await mark(expert, "c2")).status).toBe(403);
    expect((await mark(s.facilitator, "c9")).status).toBe(404);
    expect((await mark(s.facilitator, "c2")).status).toBe(200);
    expect((await conditions(s, expert)).conditions[1]).toMatchObject({
      met: true,
      reason: expect.stringContaining("Lab automation API enabled"),
    });

    // A revision that does not restate them (as the room's form sends it) keeps them, marks and all.
    const { watched: _w, ...restated } = determination(s, { safetyMargin: "Half a tier" });
    expect(
      (
        await call(live.server.url, "PUT", `${s.route}/determinations/cbrn`, {
          token: s.facilitator,
          body: restated,
        })
      ).status,
    ).toBe(200);
    expect((await conditions(s, expert)).conditions.map((c) => [c.id, c.met])).toEqual([
      ["c1", true],
      ["c2", true],
      ["c3", false],
    ]);

    // The model page lists it, and the report issued next says so.
    const page = (await call<{ model: ModelView }>(live.server.url, "GET", `/models/${model.id}`, { token }))
      .body.model;
    expect(page.conditionsNoLongerHold.map((c) => [c.riskId, c.conditionId, c.description])).toEqual([
      ["cbrn", "c1", watched[0]!.description],
      ["cbrn", "c2", watched[1]!.description],
    ]);
    const snap = await takeSnapshot(live.server.url, s.route, s.facilitator, "after the uplift study");
    await signOff(live.server.url, model.id, s.workshopId, s.facilitator, snap.id);
    expect((await call(live.server.url, "POST", `/models/${model.id}/reports`, { token })).status).toBe(201);
    const body = JSON.parse(
      (await fetchReport(live.server.url, model.id, token, "format=json")).text,
    ) as ModelReportBody;
    const cbrn = body.workshops[0]!.risks.find((r) => r.riskId === "cbrn")!;
    expect(cbrn.determination!.watched.map((c) => c.met)).toEqual([true, true, false]);
    expect(body.changelog).toContain(
      `“Model X pre-deployment”, risk “${cbrn.title}”: conditions no longer hold: “${watched[0]!.description}” (evidence “Uplift study, round 2” on “Scenario 1” records 63, above 50).`,
    );
    const md = (await fetchReport(live.server.url, model.id, token, "format=md")).text;
    expect(md).toContain("**Conditions no longer hold** for:");
    expect(md).toContain(`**No longer holds:** ${watched[0]!.description}`);
    expect(md).toContain(`Holds: ${watched[2]!.description}`);
  });
});
