import { describe, expect, it, vi } from "vitest";
import { defaultFramework } from "../../shared/estimation/framework";
import { readDeterminations, readVerdict } from "../../shared/estimationView";
import { call } from "../helpers/api";
import { lockAndOpen, setupWorkshop } from "../helpers/estimation";
import { serverPerTest } from "../helpers/serverPerTest";
import { storedMeta } from "../helpers/storedMeta";

const live = serverPerTest();

const meta = () => storedMeta(live.server);
const level = defaultFramework().severityLevels[1]!.id;
const good = (scenarioId: string) => ({
  scenarioId,
  probability: { low: 0.01, best: 0.02, high: 0.05 },
  severity: { levelId: level },
  confidence: "high",
  rationale: "fine",
});

describe("bad estimates", () => {
  it("get 4xx with field errors and change nothing", async () => {
    const s = await setupWorkshop(live.server.url, live.server.wsUrl, ["expert", "observer", "expert"], 1);
    const [expert, observer, leaving] = s.people;
    const roundId = await lockAndOpen(live.server.url, s);
    const sid = s.scenarioIds[0]!;
    const route = `${s.route}/rounds/${roundId}/estimates`;
    await call(live.server.url, "DELETE", `${s.route}/invites/${leaving!.invite.id}`, {
      token: s.facilitator,
    });
    const before = await meta();

    const fieldCases: Array<[string, unknown, string]> = [
      [
        "NaN as text",
        { ...good(sid), probability: { low: 0.01, best: "NaN", high: 0.05 } },
        "probability.best",
      ],
      ["null", { ...good(sid), probability: { low: 0.01, best: null, high: 0.05 } }, "probability.best"],
      ["zero", { ...good(sid), probability: { low: 0, best: 0.02, high: 0.05 } }, "probability.low"],
      ["one", { ...good(sid), probability: { low: 0.01, best: 0.02, high: 1 } }, "probability.high"],
      ["above one", { ...good(sid), probability: { low: 0.01, best: 1.5, high: 2 } }, "probability.best"],
      [
        "low above best",
        { ...good(sid), probability: { low: 0.03, best: 0.02, high: 0.05 } },
        "probability.low",
      ],
      [
        "best above high",
        { ...good(sid), probability: { low: 0.01, best: 0.06, high: 0.05 } },
        "probability.high",
      ],
      ["negative severity", { ...good(sid), severity: { low: -1, best: 2, high: 3 } }, "severity"],
      ["unknown level", { ...good(sid), severity: { levelId: "apocalyptic" } }, "severity.levelId"],
      ["unknown confidence", { ...good(sid), confidence: "certain" }, "confidence"],
      ["unknown scenario", good("no-such-scenario"), "scenarioId"],
      [
        "missing probability",
        { scenarioId: sid, severity: { levelId: level }, confidence: "low" },
        "probability",
      ],
    ];
    for (const [name, body, field] of fieldCases) {
      const res = await call<{ error: { fields?: Record<string, string[]> } }>(
        live.server.url,
        "POST",
        route,
        {
          token: expert!.token,
          body,
        },
      );
      expect(res.status, name).toBe(400);
      expect(
        Object.keys(res.body.error.fields ?? {}).some((k) => k.startsWith(field)),
        `${name}: ${JSON.stringify(res.body)}`,
      ).toBe(true);
    }
    const nanLiteral = await call(live.server.url, "POST", route, {
      token: expert!.token,
      rawBody: `{"scenarioId":"${sid}","probability":{"low":0.01,"best":NaN,"high":0.05},"severity":{"levelId":"${level}"},"confidence":"low"}`,
    });
    expect(nanLiteral).toMatchObject({ status: 400, body: { error: { code: "invalid_json" } } });
    expect(
      (await call(live.server.url, "POST", route, { token: observer!.token, body: good(sid) })).status,
    ).toBe(403);
    expect(
      (await call(live.server.url, "POST", route, { token: s.facilitator, body: good(sid) })).status,
    ).toBe(403);
    expect(
      (await call(live.server.url, "POST", route, { token: leaving!.token, body: good(sid) })).status,
    ).toBe(403);
    expect(
      (
        await call(live.server.url, "POST", `${s.route}/rounds/nope/estimates`, {
          token: expert!.token,
          body: good(sid),
        })
      ).status,
    ).toBe(404);
    expect(await meta()).toBe(before);

    await call(live.server.url, "POST", `${s.route}/rounds/${roundId}/close`, { token: s.facilitator });
    const closedBefore = await meta();
    const late = await call<{ error: { code: string; fields: Record<string, string[]> } }>(
      live.server.url,
      "POST",
      route,
      { token: expert!.token, body: good(sid) },
    );
    expect(late.status).toBe(409);
    expect(late.body.error.fields).toHaveProperty("roundId");
    expect(await meta()).toBe(closedBefore);
  });
});

describe("determinations", () => {
  it("records a determination per risk and an overall verdict, shown to observers, with dissent and the top-tier flag", async () => {
    const s = await setupWorkshop(live.server.url, live.server.wsUrl, ["expert", "observer"], 1);
    const [expert, observer] = s.people;
    const ladder = defaultFramework().ladders.cbrn!;
    const body = {
      tierId: ladder[0]!.id,
      safetyMargin: "One tier",
      marginReasons: "Elicitation may be incomplete",
      conditions: "A new uplift study showing novices complete synthesis",
      verdict: "acceptable",
      evidenceScenarioIds: s.scenarioIds,
    };
    const early = await call(live.server.url, "PUT", `${s.route}/determinations/cbrn`, {
      token: s.facilitator,
      body,
    });
    expect(early.status).toBe(409);
    await call(live.server.url, "POST", `${s.route}/framework/lock`, { token: s.facilitator });
    expect(
      (await call(live.server.url, "PUT", `${s.route}/determinations/cbrn`, { token: expert!.token, body }))
        .status,
    ).toBe(403);
    expect(
      (await call(live.server.url, "PUT", `${s.route}/determinations/nope`, { token: s.facilitator, body }))
        .status,
    ).toBe(404);
    const badTier = await call(live.server.url, "PUT", `${s.route}/determinations/cbrn`, {
      token: s.facilitator,
      body: { ...body, tierId: "x" },
    });
    expect(badTier.status).toBe(400);
    expect(
      (await call(live.server.url, "PUT", `${s.route}/determinations/cbrn`, { token: s.facilitator, body }))
        .status,
    ).toBe(200);
    const top = {
      ...body,
      tierId: defaultFramework().ladders["cyber-offence"]!.at(-1)!.id,
      verdict: "not-acceptable",
    };
    expect(
      (
        await call(live.server.url, "PUT", `${s.route}/determinations/cyber-offence`, {
          token: s.facilitator,
          body: top,
        })
      ).status,
    ).toBe(200);
    const dissent = await call(live.server.url, "POST", `${s.route}/determinations/cbrn/dissent`, {
      token: expert!.token,
      body: { text: "Margin too thin" },
    });
    expect(dissent.status).toBe(201);
    expect(
      (
        await call(live.server.url, "POST", `${s.route}/determinations/cbrn/dissent`, {
          token: observer!.token,
          body: { text: "x" },
        })
      ).status,
    ).toBe(403);
    const verdict = await call(live.server.url, "PUT", `${s.route}/verdict`, {
      token: s.facilitator,
      body: { verdict: "not-acceptable", justification: "Cyber offence reaches the top tier" },
    });
    expect(verdict.status).toBe(200);

    const view = live.peer(`${s.workshopId}/control`, observer!.token);
    await view.synced();
    await vi.waitFor(() => expect(readVerdict(view.doc)?.verdict).toBe("not-acceptable"));
    const byRisk = Object.fromEntries(readDeterminations(view.doc).map((d) => [d.riskId, d]));
    expect(byRisk.cbrn).toMatchObject({
      verdict: "acceptable",
      needsHigherTier: false,
      dissent: [{ name: "expert 1", text: "Margin too thin" }],
    });
    expect(byRisk["cyber-offence"]).toMatchObject({ verdict: "not-acceptable", needsHigherTier: true });
  });
});
