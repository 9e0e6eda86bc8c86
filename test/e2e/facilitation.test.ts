/**
 * The facilitator runs the room: moves the phase, starts and stops a shared timer, and brings
 * everyone to a scenario. Everyone sees the phase and the countdown; each can step away again.
 */
import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  addScenario,
  CHROMIUM,
  harnessForSuite,
  invite,
  join,
  startWorkshop,
  waitConnected,
} from "./harness";

const poll = { timeout: 10_000, interval: 100 };
const currentPhase = (page: Page) => page.locator(".phase[aria-current='step']").textContent();
const focusNote = (page: Page) => page.locator(".focus-note");

// Browser tests need Debian's Chromium (CI installs it); without it they are skipped, not failed.
describe.skipIf(!existsSync(CHROMIUM))("facilitator tools", () => {
  const h = harnessForSuite();

  it("moves everyone's phase, runs a shared timer, and brings everyone to a scenario", async () => {
    const fran = await h.newPage();
    await startWorkshop(fran, h.server, "Model X pre-deployment review", "Fran Facilitator");
    const scenarioId = await addScenario(fran, "Loss of control", "Model disables its own monitoring");
    const link = await invite(fran, "expert", "Alignment panel");
    const eli = await h.newPage();
    await join(eli, link, "Eli Expert");
    await Promise.all([waitConnected(fran), waitConnected(eli)]);

    // Phase: the facilitator chooses, everyone follows; an expert has nothing to press.
    expect(await currentPhase(eli)).toContain("Identify");
    await fran.getByRole("button", { name: /Analyse/ }).click();
    for (const page of [fran, eli]) await expect.poll(() => currentPhase(page), poll).toContain("Analyse");
    expect(await eli.locator(".phases button").count()).toBe(0);

    // Timer: started with minutes and a label, counted down on every screen, stopped for all.
    await fran.getByRole("button", { name: "Timer", exact: true }).click();
    await fran.getByLabel("Minutes").fill("5");
    await fran.getByLabel("Label").fill("Draft pathways");
    await fran.getByRole("button", { name: "Start timer" }).click();
    for (const page of [fran, eli]) {
      const timer = page.getByRole("timer", { name: "Time left for Draft pathways" });
      await expect.poll(() => timer.textContent(), poll).toMatch(/^[45]:\d\d$/);
    }
    await fran.getByRole("button", { name: "Stop timer" }).click();
    await expect.poll(() => eli.getByRole("timer").count(), poll).toBe(0);

    // "Bring everyone here": the expert's room opens the scenario and says who asked.
    await fran.getByRole("button", { name: "Bring everyone here" }).click();
    await eli.waitForURL(new RegExp(`/scenarios/${scenarioId}$`));
    await expect
      .poll(() => focusNote(eli).textContent(), poll)
      .toContain("Fran Facilitator brought everyone here.");
    await expect.poll(() => focusNote(fran).textContent(), poll).toContain("You brought everyone here.");
    await eli.getByRole("button", { name: "Dismiss" }).click();
    expect(await focusNote(eli).count()).toBe(0);

    // Each can step away again: nothing pulls them back until the facilitator asks anew.
    await eli.getByRole("link", { name: "Overview" }).click();
    await eli.getByRole("heading", { name: "Overview" }).waitFor();
    await fran.getByRole("button", { name: "Bring everyone here" }).click();
    await eli.waitForURL(new RegExp(`/scenarios/${scenarioId}$`));
    await focusNote(eli).waitFor();
    // Stepping away takes the note with it.
    await eli.getByRole("link", { name: /^Threat model/ }).click();
    await eli.getByRole("heading", { name: "Threat model" }).first().waitFor();
    expect(await focusNote(eli).count()).toBe(0);
  }, 90_000);
});
