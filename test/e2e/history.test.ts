/**
 * What the workshop leaves behind, in the browser, on the seeded demo workshop: the facilitator
 * takes a snapshot, a residual round changes an estimate, a second snapshot follows; the comparison
 * shows the change, the risk history chart has both on its axis, and every export format downloads
 * from the room, of the current state and of a snapshot.
 */
import { existsSync, readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { auroraSpec } from "../../server/demo/aurora";
import { seedWorkshop } from "../../server/demo/seed";
import { call } from "../helpers/api";
import { CHROMIUM, harnessForSuite, join, readmeScreenshot, waitConnected } from "./harness";

const poll = { timeout: 15_000, interval: 100 };
const SCENARIO = "A ransomware crew automates exploit development against hospital software";
const BEFORE = "Before the exploit retest";
const AFTER = "After the exploit retest";

async function takeSnapshot(page: Page, label: string) {
  const form = page.getByRole("form", { name: "Take a snapshot" });
  await form.getByRole("textbox", { name: "Label" }).fill(label);
  await form.getByRole("button", { name: "Take snapshot" }).click();
  await page.getByRole("link", { name: `Open “${label}”` }).waitFor();
}

/** Clicks a download button in the named menu and returns the file's name and text. */
async function download(page: Page, menu: string, format: string) {
  const summary = page.getByLabel(menu, { exact: true });
  const details = page.locator("details", { has: summary });
  if ((await details.getAttribute("open")) === null) await summary.click();
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    details.getByRole("button", { name: `Download ${format}` }).click(),
  ]);
  const saved = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(saved, "utf8") };
}

describe.skipIf(!existsSync(CHROMIUM))("snapshots, history and exports in the room", () => {
  const h = harnessForSuite();

  it("compares two snapshots with changed estimates, draws the history, and downloads every format", async () => {
    const seeded = await seedWorkshop(h.server.url, auroraSpec);
    const route = `/workshops/${seeded.workshopId}`;
    const fac = { token: seeded.facilitator.token };
    const { body: link } = await call<{ url: string }>(h.server.url, "POST", `${route}/invites`, {
      ...fac,
      body: { role: "facilitator", label: "Second facilitator" },
    });
    const fran = await h.newPage();
    await join(fran, link.url, "Fran Facilitator");
    await waitConnected(fran);

    await fran.getByRole("link", { name: "Snapshots & history", exact: true }).click();
    await takeSnapshot(fran, BEFORE);

    // A residual round on the hospitals scenario: the facilitator opens and reveals it in the room,
    // the three experts estimate (through the API: the blind round in the browser has its own test).
    await fran.getByRole("link", { name: "Estimation rounds" }).click();
    await fran.getByRole("checkbox", { name: SCENARIO }).check();
    await fran.getByRole("radio", { name: "Residual" }).check();
    await fran.getByRole("button", { name: "Open round" }).click();
    // The demo ran three rounds; this is the fourth. Its id is in the control document.
    const roundNumber = 4;
    await fran.getByRole("button", { name: `Reveal round ${roundNumber}` }).waitFor();
    const roundId = await fran.evaluate(() => {
      const rounds = window.__riskroom?.control.getMap<{ id: string; state: string }>("rounds");
      return [...(rounds?.values() ?? [])].find((r) => r.state === "open")?.id ?? "";
    });
    expect(roundId).not.toBe("");
    for (const [i, expert] of seeded.experts.entries()) {
      const best = [0.03, 0.04, 0.05][i] ?? 0.04;
      const res = await call(h.server.url, "POST", `${route}/rounds/${roundId}/estimates`, {
        token: expert.token,
        body: {
          scenarioId: "sc-cyber-hospitals",
          probability: { low: best / 2, best, high: best * 2 },
          severity: { levelId: "severe" },
          confidence: "medium",
          rationale: "The retest found the patch pipeline slower than assumed.",
        },
      });
      expect(res.status).toBe(201);
    }
    await fran.getByRole("button", { name: `Reveal round ${roundNumber}` }).click();
    await fran.getByRole("button", { name: `Yes, reveal round ${roundNumber}` }).click();
    await fran.getByRole("button", { name: `Close round ${roundNumber}` }).waitFor();

    await fran.getByRole("link", { name: "Snapshots & history", exact: true }).click();
    await takeSnapshot(fran, AFTER);

    // The comparison: the hospitals scenario changed, its residual estimate went up.
    await fran.getByRole("checkbox", { name: `Choose “${BEFORE}” for comparison` }).check();
    await fran.getByRole("checkbox", { name: `Choose “${AFTER}” for comparison` }).check();
    await fran.getByRole("link", { name: "Compare", exact: true }).click();
    await fran.getByRole("heading", { name: "Compare snapshots" }).waitFor();
    const changed = fran.getByRole("region", { name: "Scenarios changed" });
    const hospitals = changed.getByRole("article", { name: SCENARIO });
    await expect.poll(() => hospitals.textContent(), poll).toMatch(/Residual[\s\S]*higher/);

    // The earlier snapshot, opened read-only: its rounds stop before the fourth, its framework and
    // acceptance are those of that moment, and nothing in it can be changed.
    await fran.getByRole("link", { name: "Snapshots & history", exact: true }).click();
    const undo = fran.getByRole("button", { name: "↶ Undo" });
    expect(await undo.count()).toBe(1);
    await fran.getByRole("link", { name: `Open “${BEFORE}”` }).click();
    const frame = fran.getByRole("region", { name: `Snapshot “${BEFORE}”` });
    await frame.waitFor();
    // The room's undo would change the live workshop, not the snapshot on the screen: not offered.
    expect(await undo.count()).toBe(0);
    const places = fran.getByRole("navigation", { name: "In this snapshot" });
    // A link inside the snapshot opens that place of the snapshot, not of the live room, and the
    // keyboard lands on the snapshot's frame; Back returns to the place before.
    await places.getByRole("button", { name: "Risk register" }).click();
    await frame.getByRole("link", { name: SCENARIO }).first().click();
    await frame.getByRole("article", { name: `Scenario: ${SCENARIO}` }).waitFor();
    expect(new URL(fran.url()).pathname).toMatch(/\/snapshots\/[^/]+\/scenarios\/[^/]+$/);
    await expect
      .poll(() => fran.evaluate(() => document.activeElement?.getAttribute("aria-label")), poll)
      .toBe(`Snapshot “${BEFORE}”`);
    await fran.goBack();
    await expect.poll(() => new URL(fran.url()).pathname, poll).toMatch(/\/snapshots\/[^/]+\/register$/);
    await frame.getByRole("heading", { name: "Risk history", exact: true }).waitFor();
    await places.getByRole("button", { name: "Rounds" }).click();
    await frame.getByRole("region", { name: /^Round 3/ }).waitFor();
    expect(await frame.getByRole("region", { name: /^Round 4/ }).count()).toBe(0);
    await places.getByRole("button", { name: "Framework" }).click();
    await expect.poll(() => frame.textContent(), poll).toMatch(/Locked/);
    await places.getByRole("button", { name: "Acceptance" }).click();
    await expect.poll(() => frame.textContent(), poll).toMatch(/Overall verdict/);
    for (const kind of ["textbox", "combobox", "checkbox", "radio"] as const)
      expect(await frame.getByRole(kind).count()).toBe(0);
    expect(
      await frame.getByRole("button", { name: /Record|Revise|Reveal|Close|Unlock|Open round/ }).count(),
    ).toBe(0);

    // The history: both snapshots on the axis of the register's chart.
    await fran.getByRole("link", { name: "Risk register" }).click();
    const chart = fran.getByRole("img", { name: /^Risk history/ });
    await expect.poll(() => chart.textContent(), poll).toContain(AFTER.slice(0, 12));
    expect(await chart.textContent()).toContain(BEFORE.slice(0, 12));
    const figure = fran.locator("figure", { has: chart });
    await figure.scrollIntoViewIfNeeded();
    await readmeScreenshot(figure, "history.png");

    // Every format, of the current state and of a snapshot, from the room.
    await fran.getByRole("link", { name: "Snapshots & history", exact: true }).click();
    const now = "Download the current state";
    const json = await download(fran, now, "JSON");
    expect(json.name).toMatch(/\.json$/);
    expect(JSON.parse(json.text)).toMatchObject({ schema: "riskroom.workshop/v1" });
    const md = await download(fran, now, "Markdown");
    expect(md.name).toMatch(/\.md$/);
    expect(md.text).toContain(SCENARIO);
    const csv = await download(fran, now, "CSV");
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.text.split("\r\n")[0]).toContain("scenario");
    const html = await download(fran, now, "HTML");
    expect(html.name).toMatch(/\.html$/);
    expect(html.text).toMatch(/^<!doctype html>/i);
    const old = await download(fran, `Download “${BEFORE}”`, "Markdown");
    expect(old.text).toContain(BEFORE);
  }, 180_000);
});
