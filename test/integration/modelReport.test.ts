/**
 * Models and their versioned report over the real API, on whichever store the project runs: two
 * workshops signed off give version 1 with both determinations and "missing" lines; a new sign-off
 * gives version 2 with a changelog; version 1 stays as issued and verified; a tampered version is
 * refused. Then who may do what, and the bounds.
 */
import { describe, expect, it } from "vitest";
import { defaultFramework } from "../../shared/estimation/framework";
import type { ModelReportBody } from "../../shared/modelReport";
import type { ModelOverview, ModelView, ReportVersionView } from "../../shared/models";
import { call } from "../helpers/api";
import { type EstimationSetup, lockAndOpen, setupWorkshop } from "../helpers/estimation";
import { attach, createModel, fetchReport, signOff, storedModel, tamperReport } from "../helpers/models";
import { serverPerTest } from "../helpers/serverPerTest";
import { takeSnapshot } from "../helpers/snapshots";

type ErrorBody = { error: { code: string; message: string } };

const live = serverPerTest();
const framework = defaultFramework();
const ladder = framework.ladders.cbrn!;

const estimate = (scenarioId: string, best: number) => ({
  scenarioId,
  probability: { low: best / 2, best, high: Math.min(0.99, best * 2) },
  severity: { levelId: framework.severityLevels[2]!.id },
  confidence: "medium",
  rationale: "Based on the uplift study",
});

/** Opens a pre-mitigation round on every scenario, has the expert estimate `best` for each, reveals it. */
async function estimateRound(s: EstimationSetup, best: number, lock: boolean) {
  const roundId = lock
    ? await lockAndOpen(live.server.url, s)
    : (
        await call<{ round: { id: string } }>(live.server.url, "POST", `${s.route}/rounds`, {
          token: s.facilitator,
          body: { scenarioIds: s.scenarioIds },
        })
      ).body.round.id;
  for (const id of s.scenarioIds) {
    const res = await call(live.server.url, "POST", `${s.route}/rounds/${roundId}/estimates`, {
      token: s.people[0]!.token,
      body: estimate(id, best),
    });
    expect(res.status).toBe(201);
  }
  expect(
    (await call(live.server.url, "POST", `${s.route}/rounds/${roundId}/reveal`, { token: s.facilitator }))
      .status,
  ).toBe(200);
  expect(
    (await call(live.server.url, "POST", `${s.route}/rounds/${roundId}/close`, { token: s.facilitator }))
      .status,
  ).toBe(200);
}

async function determine(s: EstimationSetup, tier: number, conditions: string) {
  const res = await call(live.server.url, "PUT", `${s.route}/determinations/cbrn`, {
    token: s.facilitator,
    body: {
      tierId: ladder[tier]!.id,
      safetyMargin: "One tier",
      marginReasons: "Elicitation may be incomplete",
      conditions,
      verdict: "acceptable",
      evidenceScenarioIds: s.scenarioIds,
    },
  });
  expect(res.status).toBe(200);
}

async function issue(modelId: string, token: string) {
  return call<{ version: ReportVersionView } & ErrorBody>(
    live.server.url,
    "POST",
    `/models/${modelId}/reports`,
    { token },
  );
}

describe("the model report", () => {
  it("issues version 1 from two workshops' sign-offs, version 2 with a changelog, keeps version 1 verified, and refuses a tampered version", async () => {
    const { model, token } = await createModel(live.server.url);
    const a = await setupWorkshop(live.server.url, live.server.wsUrl, ["expert"], 2);
    const b = await setupWorkshop(live.server.url, live.server.wsUrl, ["expert"], 1);
    await estimateRound(a, 0.02, true);
    await determine(a, 0, "A new uplift study showing novices complete synthesis");
    await call(live.server.url, "POST", `${b.route}/framework/lock`, { token: b.facilitator });
    await determine(b, 1, "");
    const snapA = await takeSnapshot(live.server.url, a.route, a.facilitator, "A after round 1");
    const snapB = await takeSnapshot(live.server.url, b.route, b.facilitator, "B determined");
    await attach(live.server.url, model.id, a.workshopId, a.facilitator, token);
    await attach(live.server.url, model.id, b.workshopId, b.facilitator, token);
    await signOff(live.server.url, model.id, a.workshopId, a.facilitator, snapA.id);
    await signOff(live.server.url, model.id, b.workshopId, b.facilitator, snapB.id);

    const v1 = await issue(model.id, a.facilitator);
    expect(v1.status).toBe(201);
    expect(v1.body.version).toMatchObject({ version: 1, bytes: expect.any(Number) });
    expect(v1.body.version.signOffs.map((s) => s.snapshotId).sort()).toEqual([snapA.id, snapB.id].sort());

    const json1 = await fetchReport(live.server.url, model.id, token, "format=json&version=1");
    expect(json1.status).toBe(200);
    expect(json1.sha256).toBe(v1.body.version.sha256);
    const body1 = JSON.parse(json1.text) as ModelReportBody;
    expect(body1.version).toBe(1);
    expect(body1.previous).toBeNull();
    expect(
      body1.workshops.map((w) => [
        w.workshopId,
        w.risks.find((r) => r.riskId === "cbrn")?.determination?.tier,
      ]),
    ).toEqual([
      [a.workshopId, ladder[0]!.name],
      [b.workshopId, ladder[1]!.name],
    ]);
    expect(
      body1.workshops[0]!.risks.find((r) => r.riskId === "cbrn")!.scenarios[0]!.pre?.probability.best,
    ).toBeCloseTo(0.02, 6);

    const md1 = await fetchReport(live.server.url, model.id, a.facilitator, "format=md");
    expect(md1.status).toBe(200);
    expect(md1.type).toContain("text/markdown");
    for (const line of [
      "**Missing:** the model description.",
      "**Missing:** no residual (post-mitigation) estimate was revealed.",
      "**Missing:** no mitigation is recorded.",
      "**Missing:** no timeline forecast",
      "**Missing:** no external evaluator's report",
    ])
      expect(md1.text).toContain(line);
    expect(md1.text).toContain(ladder[0]!.name);
    expect(md1.text).toContain(ladder[1]!.name);
    expect(md1.text).toContain("A new uplift study showing novices complete synthesis");
    const html1 = await fetchReport(live.server.url, model.id, token, "format=html&version=1");
    expect(html1.text).toContain("<!doctype html>");
    expect(html1.text).toContain("Missing:");

    // Nothing new signed off: no new version.
    const same = await issue(model.id, token);
    expect(same.status).toBe(409);
    expect(same.body.error.code).toBe("report_unchanged");

    // A second round in A moves the pre-mitigation estimate; its snapshot is signed off.
    await estimateRound(a, 0.3, false);
    const snapA2 = await takeSnapshot(live.server.url, a.route, a.facilitator, "A after round 2");
    await signOff(live.server.url, model.id, a.workshopId, a.facilitator, snapA2.id);
    const v2 = await issue(model.id, token);
    expect(v2.status).toBe(201);
    expect(v2.body.version.version).toBe(2);
    const body2 = JSON.parse(
      (await fetchReport(live.server.url, model.id, token, "format=json")).text,
    ) as ModelReportBody;
    expect(body2.previous).toEqual({ version: 1, sha256: v1.body.version.sha256 });
    expect(body2.changelog).toEqual(
      expect.arrayContaining([
        "Workshop “Model X pre-deployment”: sign-off changed from “A after round 1” to “A after round 2”.",
        expect.stringMatching(
          /scenario S1 “Scenario 1”: pre-mitigation estimate changed from .*p 0\.0200.* to .*p 0\.300/,
        ),
        expect.stringMatching(
          /scenario S2 “Scenario 2”: pre-mitigation estimate changed from .*p 0\.0200.* to .*p 0\.300/,
        ),
      ]),
    );
    expect(body2.changelog.join("\n")).not.toContain("B determined");
    const md2 = await fetchReport(live.server.url, model.id, token, "format=md&version=2");
    expect(md2.text).toContain("pre-mitigation estimate changed from");

    // Version 1 is as issued, byte for byte, and still verified.
    const again1 = await fetchReport(live.server.url, model.id, token, "format=json&version=1");
    expect(again1.text).toBe(json1.text);
    const listed = (
      await call<{ model: ModelView }>(live.server.url, "GET", `/models/${model.id}`, { token })
    ).body.model;
    expect(listed.reports.map((r) => [r.version, r.sha256])).toEqual([
      [1, v1.body.version.sha256],
      [2, v2.body.version.sha256],
    ]);

    // The page's overview: each risk's latest determination across workshops, and every scenario's history.
    const overview = (
      await call<ModelOverview>(live.server.url, "GET", `/models/${model.id}/overview`, { token })
    ).body;
    expect(overview.risks.map((r) => [r.riskId, r.workshopId, r.tier])).toEqual([
      ["cbrn", b.workshopId, ladder[1]!.name],
    ]);
    expect(overview.history.map((h) => [h.workshopId, h.scenarioTitle])).toEqual([
      [a.workshopId, "Scenario 1"],
      [a.workshopId, "Scenario 2"],
    ]);
    expect(new Set(overview.history[0]!.points.map((p) => p.best))).toEqual(new Set([0.02, 0.3]));

    // Every write is on the model's audit chain.
    const stored = await storedModel(live.server, model.id);
    for (const action of ["model.create", "model.attach", "model.signoff", "model.report.issue"])
      expect(stored).toContain(`"${action}"`);

    // Altered behind the server's back: refused in every format, never served; version 2 still is.
    await tamperReport(live.server, model.id, 1, '"acceptable"', '"not-acceptable"');
    for (const format of ["json", "md", "html"]) {
      const refused = await fetchReport(live.server.url, model.id, token, `format=${format}&version=1`);
      expect(refused.status).toBe(500);
      expect(JSON.parse(refused.text).error.code).toBe("report_corrupt");
      expect(JSON.parse(refused.text).error.message).toContain("does not match its recorded SHA-256");
    }
    expect((await fetchReport(live.server.url, model.id, token, "format=md&version=2")).status).toBe(200);
  });
});
