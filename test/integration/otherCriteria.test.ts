/**
 * A risk the framework gives no tier ladder (a non-specified risk, judged under "other criteria")
 * gets a determination with a written criterion and justification; an "acceptable" overall verdict
 * over a risk judged "not acceptable" is refused without a justification of that, and kept with
 * its warning when given one. On both stores.
 */
import { describe, expect, it, vi } from "vitest";
import { risksOf } from "../../shared/content";
import { defaultFramework } from "../../shared/estimation/framework";
import {
  type Determination,
  type OverallVerdict,
  readDeterminations,
  readVerdict,
} from "../../shared/estimationView";
import type { WorkshopExport } from "../../shared/workshopExport";
import { call } from "../helpers/api";
import { setupWorkshop } from "../helpers/estimation";
import { serverPerTest } from "../helpers/serverPerTest";
import { storedMeta } from "../helpers/storedMeta";

const ctx = serverPerTest();
type ErrorBody = { error: { code: string; fields?: Record<string, string[]> } };

/** A locked workshop with one extra, non-specified risk (no ladder); returns its id. */
async function workshopWithOtherRisk() {
  const s = await setupWorkshop(ctx.server.url, ctx.server.wsUrl, ["expert", "observer"], 1);
  const editor = ctx.peer(s.workshopId, s.facilitator);
  await editor.synced();
  const riskId = risksOf(editor.doc).add({ title: "Mass surveillance enablement", specified: false });
  await vi.waitFor(async () => {
    const check = ctx.peer(s.workshopId, s.facilitator);
    await check.synced();
    expect(risksOf(check.doc).get(riskId)).toBeDefined();
  });
  const lock = await call(ctx.server.url, "POST", `${s.route}/framework/lock`, { token: s.facilitator });
  expect(lock.status).toBe(200);
  return { ...s, riskId };
}

const put = (token: string, route: string, riskId: string, body: unknown) =>
  call<{ determination: Determination } & Partial<ErrorBody>>(
    ctx.server.url,
    "PUT",
    `${route}/determinations/${riskId}`,
    { token, body },
  );

const criterionBody = {
  tierId: null,
  criterion: "Fewer than 1 in 10,000 deployments used for unlawful mass surveillance",
  justification: "Usage-policy enforcement data and the red-team study show no such use at scale",
  verdict: "not-acceptable",
};

describe("determinations under other criteria", () => {
  it("records a written criterion and justification for a risk without a ladder, projected and exported", async () => {
    const s = await workshopWithOtherRisk();
    const res = await put(s.facilitator, s.route, s.riskId, criterionBody);
    expect(res.status).toBe(200);
    expect(res.body.determination).toMatchObject({
      riskId: s.riskId,
      tierId: null,
      criterion: criterionBody.criterion,
      justification: criterionBody.justification,
      verdict: "not-acceptable",
      needsHigherTier: false,
      by: "Fran Facilitator",
    });
    const view = ctx.peer(`${s.workshopId}/control`, s.people[1]!.token);
    await view.synced();
    await vi.waitFor(() =>
      expect(readDeterminations(view.doc).find((d) => d.riskId === s.riskId)?.criterion).toBe(
        criterionBody.criterion,
      ),
    );
    for (const format of ["json", "md", "csv"]) {
      const res = await fetch(`${ctx.server.url}/api${s.route}/export?format=${format}`, {
        headers: { authorization: `Bearer ${s.facilitator}` },
      });
      expect(res.status, format).toBe(200);
      const text = await res.text();
      if (format === "json")
        expect((JSON.parse(text) as WorkshopExport).determinations).toEqual([
          expect.objectContaining({ riskId: s.riskId, tierId: null, criterion: criterionBody.criterion }),
        ]);
      if (format === "md") expect(text).toContain(criterionBody.justification);
    }
  });

  it("refuses a criterion or justification left out, a tier for a risk without a ladder, and no tier for one with a ladder", async () => {
    const s = await workshopWithOtherRisk();
    const before = await storedMeta(ctx.server);
    const bare = await put(s.facilitator, s.route, s.riskId, { tierId: null, verdict: "acceptable" });
    expect(bare.status).toBe(400);
    expect(Object.keys(bare.body.error?.fields ?? {}).sort()).toEqual(["criterion", "justification"]);
    const short = await put(s.facilitator, s.route, s.riskId, { ...criterionBody, justification: "ok" });
    expect(short.body.error?.fields).toEqual({ justification: ["write at least 10 characters"] });
    const tiered = await put(s.facilitator, s.route, s.riskId, { ...criterionBody, tierId: "cbrn-1" });
    expect(tiered.status).toBe(400);
    expect(tiered.body.error?.fields?.tierId).toBeDefined();
    const noTier = await put(s.facilitator, s.route, "cbrn", criterionBody);
    expect(noTier.status).toBe(400);
    expect(noTier.body.error?.fields?.tierId).toEqual(["not on this risk's ladder"]);
    const expert = await put(s.people[0]!.token, s.route, s.riskId, criterionBody);
    expect(expert.status).toBe(403);
    expect(await storedMeta(ctx.server)).toBe(before);
  });
});

describe("the overall verdict over a risk judged not acceptable", () => {
  it("refuses 'acceptable' without a justification of the conflict, and keeps the warning with one", async () => {
    const s = await workshopWithOtherRisk();
    expect((await put(s.facilitator, s.route, s.riskId, criterionBody)).status).toBe(200);
    const cbrn = {
      tierId: defaultFramework().ladders.cbrn![0]!.id,
      safetyMargin: "One tier",
      marginReasons: "Uplift study",
      conditions: "A new uplift study",
      verdict: "acceptable",
    };
    expect((await put(s.facilitator, s.route, "cbrn", cbrn)).status).toBe(200);
    const verdict = (body: unknown) =>
      call<{ verdict: OverallVerdict } & Partial<ErrorBody>>(ctx.server.url, "PUT", `${s.route}/verdict`, {
        token: s.facilitator,
        body,
      });
    const before = await storedMeta(ctx.server);
    const refused = await verdict({ verdict: "acceptable", justification: "On balance it is fine" });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.code).toBe("invalid_input");
    expect(Object.keys(refused.body.error?.fields ?? {})).toEqual(["conflictJustification"]);
    expect(await storedMeta(ctx.server)).toBe(before);

    const why = "Surveillance use is contractually excluded for this deployment and monitored weekly";
    const kept = await verdict({
      verdict: "acceptable",
      justification: "On balance",
      conflictJustification: why,
    });
    expect(kept.status).toBe(200);
    expect(kept.body.verdict).toMatchObject({
      verdict: "acceptable",
      conflicts: [s.riskId],
      conflictJustification: why,
    });
    const view = ctx.peer(`${s.workshopId}/control`, s.facilitator);
    await view.synced();
    await vi.waitFor(() => expect(readVerdict(view.doc)?.conflicts).toEqual([s.riskId]));
    const exp = await call<WorkshopExport>(ctx.server.url, "GET", `${s.route}/export?format=json`, {
      token: s.facilitator,
    });
    expect(exp.body.verdict).toMatchObject({ conflicts: [s.riskId], conflictJustification: why });

    // "Not acceptable" needs no such reason, and keeps no warning.
    const plain = await verdict({ verdict: "not-acceptable", justification: "Surveillance risk" });
    expect(plain.status).toBe(200);
    expect(plain.body.verdict.conflicts).toBeUndefined();
  });
});
