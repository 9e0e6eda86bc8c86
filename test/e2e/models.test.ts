/**
 * A model in the browser: the facilitator of two seeded workshops creates a model from the start
 * page, attaches both workshops, signs off a snapshot in each, sees the cross-workshop risk history
 * chart on the model page, issues the report and downloads it. Keyboard-reachable and axe-clean.
 */
import { existsSync, readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { auroraSpec } from "../../server/demo/aurora";
import { seedWorkshop } from "../../server/demo/seed";
import type { MeResponse } from "../../shared/api";
import { call } from "../helpers/api";
import { seriousViolations } from "./axe";
import { CHROMIUM, harnessForSuite, readmeScreenshot } from "./harness";

const poll = { timeout: 15_000, interval: 100 };
const TITLES = ["Aurora pre-deployment", "Aurora re-assessment after checkpoint 8"];

/** Puts a facilitator's session into the browser's storage, as creating the workshop there would have. */
async function keepSession(page: Page, baseUrl: string, token: string) {
  const me = (await call<MeResponse>(baseUrl, "GET", "/me", { token })).body;
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
    `riskroom.session.${me.workshop.id}`,
    JSON.stringify({ token, ...me }),
  ] as const);
}

describe.skipIf(!existsSync(CHROMIUM))("a model across workshops", () => {
  const h = harnessForSuite();

  it("creates a model, attaches two workshops, signs off a snapshot in each, draws the history and downloads the report", {
    timeout: 60_000,
  }, async () => {
    const seeded = [];
    for (const title of TITLES) seeded.push(await seedWorkshop(h.server.url, { ...auroraSpec, title }));
    // A watched condition already met (its date has passed) on the first workshop's CBRN determination.
    const first = `/workshops/${seeded[0]!.workshopId}`;
    const fac = { token: seeded[0]!.facilitator.token };
    const { body: fw } = await call<{ framework: { ladders: Record<string, Array<{ id: string }>> } }>(
      h.server.url,
      "GET",
      `${first}/framework`,
      fac,
    );
    const put = await call(h.server.url, "PUT", `${first}/determinations/cbrn`, {
      ...fac,
      body: {
        tierId: fw.framework.ladders.cbrn![0]!.id,
        safetyMargin: "One tier",
        marginReasons: "Elicitation may be incomplete",
        conditions: "Re-assess by the start of 2026",
        verdict: "acceptable",
        watched: [{ kind: "date", description: "Re-assessment due", date: "2026-01-01" }],
      },
    });
    expect(put.status).toBe(200);
    const snap = await call(h.server.url, "POST", `${first}/snapshots`, {
      ...fac,
      body: { label: "With the watched condition" },
    });
    expect(snap.status).toBe(201);
    const page = await h.newPage();
    await page.goto(h.server.url);
    for (const s of seeded) await keepSession(page, h.server.url, s.facilitator.token);
    await page.reload();

    const form = page.getByRole("form", { name: "New model" });
    await form.getByRole("textbox", { name: "Model name" }).fill("Aurora");
    await form.getByRole("textbox", { name: /Version or checkpoint/ }).fill("checkpoint 8");
    await form.getByRole("textbox", { name: /Description/ }).fill("A general-purpose model with tool use.");
    await form.getByRole("textbox", { name: "Creator" }).fill("Fran Facilitator");
    await form.getByRole("button", { name: "Create model" }).click();
    await page.getByRole("heading", { name: /Aurora/, level: 1 }).waitFor(poll);
    expect(page.url()).toMatch(/\/m\/[A-Za-z0-9_-]+$/);
    await page.getByText("No workshop is attached yet.").waitFor(poll);
    expect(await seriousViolations(page)).toEqual([]);

    // Attach both, by keyboard for the second.
    const attach = page.getByRole("form", { name: "Attach a workshop" });
    await attach.getByRole("combobox").selectOption({ label: TITLES[0]! });
    await attach.getByRole("button", { name: "Attach" }).click();
    await page.getByRole("form", { name: `Sign off ${TITLES[0]}` }).waitFor(poll);
    await attach.getByRole("combobox").focus();
    await attach.getByRole("combobox").selectOption({ label: TITLES[1]! });
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByRole("form", { name: `Sign off ${TITLES[1]}` }).waitFor(poll);

    for (const title of TITLES) {
      const signOff = page.getByRole("form", { name: `Sign off ${title}` });
      await expect.poll(() => signOff.getByRole("option").count(), poll).toBeGreaterThan(0);
      await signOff.getByRole("button", { name: "Sign off" }).click();
    }
    await expect.poll(() => page.getByText(/signed off \d{4}-\d{2}-\d{2} by /).count(), poll).toBe(2);

    // The cross-workshop history: every scenario of both workshops, over their snapshots, on one chart.
    const chart = page.getByRole("img", {
      name: /Risk history of \d+ scenarios across the model's workshops/,
    });
    await chart.waitFor(poll);
    const legend = page.locator(".model-history-legend li");
    await expect.poll(() => legend.count(), poll).toBeGreaterThan(1);
    const entries = await legend.allTextContents();
    for (const title of TITLES) expect(entries.some((e) => e.startsWith(`${title}:`))).toBe(true);
    expect(await page.locator(".model-history circle").count()).toBeGreaterThan(2);
    await expect.poll(() => page.getByRole("table").last().getByRole("row").count(), poll).toBeGreaterThan(1);

    // The met condition is listed on the model page, and in its workshop's acceptance view.
    await page.getByText(/Re-assessment due; the date 2026-01-01 has passed/).waitFor(poll);
    expect(await page.getByRole("row", { name: /CBRN/ }).getByText("no longer hold").count()).toBe(1);

    await page.getByRole("button", { name: "Issue a new version" }).click();
    const downloadMd = page.getByRole("button", { name: "Download version 1 as Markdown" });
    await downloadMd.waitFor(poll);
    expect(await seriousViolations(page)).toEqual([]);
    await page.evaluate(() => document.getElementById("model-history")?.scrollIntoView({ block: "start" }));
    await readmeScreenshot(page, "model.png");

    const [file] = await Promise.all([page.waitForEvent("download"), downloadMd.click()]);
    expect(file.suggestedFilename()).toBe("riskroom-model-aurora-report-v1.md");
    const text = readFileSync((await file.path())!, "utf8");
    expect(text).toContain("# Safety and Security Model Report: Aurora");
    for (const title of TITLES) expect(text).toContain(title);
    expect(text).toContain("A general-purpose model with tool use.");
    expect(text).toContain("**No longer holds:** Re-assessment due");

    await page.goto(`${h.server.url}/w/${seeded[0]!.workshopId}/risks/cbrn`);
    await page.getByText("Conditions no longer hold:").first().waitFor(poll);
    await page.getByText(/No longer holds:.*Re-assessment due/).waitFor(poll);

    // The facilitator adds a watched condition in the room's form; the one on record stays.
    await page.getByRole("button", { name: "Revise determination" }).click();
    const editor = page.getByRole("group", { name: "Watched conditions" });
    await editor.getByText("Re-assessment due").waitFor(poll);
    await editor.getByRole("combobox", { name: "Kind" }).selectOption("date");
    await editor.getByRole("textbox", { name: "Condition" }).fill("Checkpoint 9 ships");
    await editor.getByLabel("Date").fill("2026-05-01");
    await editor.getByRole("button", { name: "Add watched condition" }).click();
    await editor.getByRole("combobox", { name: "Kind" }).selectOption("affordance");
    await editor.getByRole("textbox", { name: "Condition" }).fill("Wet-lab automation access");
    await editor.getByRole("button", { name: "Add watched condition" }).click();
    await page.getByRole("button", { name: "Save determination" }).click();
    // Only a facilitator can say an affordance came: marked met with what happened.
    const mark = page.getByRole("form", { name: "Mark “Wet-lab automation access” met" });
    await mark.getByRole("textbox", { name: "What happened" }).fill("Lab API enabled in the March release");
    await mark.getByRole("button", { name: "Mark met" }).click();
    await page.getByText(/No longer holds:.*Wet-lab automation access.*Lab API enabled/).waitFor(poll);
    await page.getByText(/No longer holds:.*Checkpoint 9 ships/).waitFor(poll);
    expect(await seriousViolations(page)).toEqual([]);
    const { body: states } = await call<{
      risks: Array<{ riskId: string; conditions: Array<{ met: boolean }> }>;
    }>(h.server.url, "GET", `${first}/conditions`, fac);
    expect(states.risks.find((r) => r.riskId === "cbrn")!.conditions.map((c) => c.met)).toEqual([
      true,
      true,
      true,
    ]);
  });
});
