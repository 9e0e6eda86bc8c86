/**
 * Serious incidents in the browser: a facilitator records one linked to a scenario (by keyboard
 * where it matters), sees its deadline in local time with a countdown, sees the scenario flagged
 * "re-estimate" in the register and on the scenario, and records the initial report as sent.
 * The view is checked with axe-core and for horizontal overflow at 1280×800.
 */
import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { formatLocal } from "../../shared/incidents";
import { seriousViolations } from "./axe";
import {
  addScenario,
  CHROMIUM,
  harnessForSuite,
  readmeScreenshot,
  startWorkshop,
  VIEWPORT,
  waitConnected,
} from "./harness";

const poll = { timeout: 15_000, interval: 100 };
const SCENARIO = "Agent exfiltrates its own weights to a rented server";
const TITLE = "Weights copied to an unknown bucket by a compromised CI token";

describe.skipIf(!existsSync(CHROMIUM))("serious incidents in the room", () => {
  const h = harnessForSuite();

  it("records an incident linked to a scenario, shows its deadline and the re-estimate flag, and records the initial report", async () => {
    // The browser in Berlin: deadlines computed in UTC instants are shown in the reader's zone.
    const context = await h.browser.newContext({ viewport: VIEWPORT, timezoneId: "Europe/Berlin" });
    await context.addInitScript(() => localStorage.setItem("riskroom.e2e", "1"));
    const csp: string[] = [];
    context.on("console", (msg) => {
      if (/Content Security Policy/i.test(msg.text())) csp.push(msg.text());
    });
    const fran = await context.newPage();
    try {
      await steps(fran);
    } finally {
      await context.close();
    }
    expect(csp).toEqual([]);
  });

  async function steps(fran: Page) {
    await startWorkshop(fran, h.server, "Model X post-market monitoring", "Fran Facilitator");
    await waitConnected(fran);
    await addScenario(fran, "Loss of control", SCENARIO);

    await fran.getByRole("link", { name: "Serious incidents" }).click();
    await fran.getByRole("heading", { name: "Serious incidents", level: 2 }).waitFor();
    // The form opens from the keyboard.
    await fran.getByRole("button", { name: "Record an incident" }).focus();
    await fran.keyboard.press("Enter");
    const form = fran.getByRole("form", { name: "Record an incident" });
    await form.waitFor();

    // Aware a day ago, to the minute, in the browser's own time zone.
    const aware = await fran.evaluate(() => {
      const d = new Date(Date.now() - 24 * 3600_000);
      d.setSeconds(0, 0);
      const pad = (n: number) => String(n).padStart(2, "0");
      const local = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
      return { local, iso: d.toISOString(), zone: Intl.DateTimeFormat().resolvedOptions().timeZone };
    });
    expect(aware.zone).toBe("Europe/Berlin");
    await form.getByLabel("Title").fill(TITLE);
    await form.getByLabel("Category").selectOption("cybersecurity");
    await form.getByLabel("Provider became aware (your local time)").fill(aware.local);
    await form.getByRole("checkbox", { name: SCENARIO }).check();
    await form.getByRole("checkbox", { name: "Missing (Harm and affected group)" }).uncheck();
    await form
      .getByLabel("Harm and affected group", { exact: true })
      .fill("Model weights of the release candidate");
    expect(await seriousViolations(fran)).toEqual([]);
    await form.getByRole("button", { name: "Record incident" }).click();

    const card = fran.getByRole("article", { name: TITLE });
    await card.waitFor();
    const due = new Date(Date.parse(aware.iso) + 5 * 24 * 3600_000).toISOString();
    await expect
      .poll(() => card.textContent(), poll)
      .toContain(`Initial report due ${formatLocal(due, aware.zone)}`);
    expect(await card.locator(".countdown").textContent()).toMatch(/^\((3 d 23 h|4 d 0 h)\)$/);
    // The field filled is no longer among those missing.
    expect(await card.textContent()).toMatch(/MissingStart date, End date, Chain of events/);
    expect(await seriousViolations(fran)).toEqual([]);
    const overflow = await fran.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Shown in Berlin time, named so.
    expect(formatLocal(due, "Europe/Berlin")).toMatch(/ CES?T$/);

    // The scenario is flagged in the register and on its own page.
    await fran.getByRole("link", { name: "Risk register" }).click();
    const row = fran.getByRole("row", { name: new RegExp(SCENARIO) });
    await row.getByRole("link", { name: "Re-estimate" }).waitFor();
    await fran
      .getByRole("navigation", { name: "Workshop contents" })
      .getByRole("link", { name: SCENARIO })
      .click();
    await fran.locator(".scenario-header").getByRole("link", { name: "Re-estimate" }).waitFor();
    expect(await fran.locator(".scenario-header .reestimate-why").textContent()).toContain(TITLE);

    // Back to the incident: the initial report is recorded as sent, and the next deadline follows.
    await fran.locator(".scenario-header").getByRole("link", { name: "Re-estimate" }).click();
    await card.getByRole("button", { name: "Record report sent" }).click();
    const report = card.getByRole("form", { name: `Record a report sent for ${TITLE}` });
    expect(await report.getByLabel("Report").inputValue()).toBe("initial");
    await readmeScreenshot(fran, "incidents.png");
    await report.getByRole("button", { name: "Record as sent" }).click();
    await expect.poll(() => card.textContent(), poll).toMatch(/Intermediate report due/);
    expect(await card.textContent()).toMatch(/Reports sentInitial report .* by Fran Facilitator/);
    expect(await seriousViolations(fran)).toEqual([]);

    // The record: both acts are in the audit trail, in the facilitator's name, and the chain holds.
    await fran.getByRole("link", { name: "Audit", exact: true }).click();
    const trail = fran.getByRole("region", { name: "Audit trail" });
    for (const act of ["Recorded a serious incident", "Recorded an incident report as sent"]) {
      await expect
        .poll(() => trail.getByRole("row", { name: new RegExp(`Fran Facilitator.*${act}`) }).count(), poll)
        .toBe(1);
    }
    await trail.getByRole("button", { name: "Verify the chain" }).click();
    await expect.poll(() => trail.getByRole("status").textContent(), poll).toMatch(/^The chain holds/);
  }
});
