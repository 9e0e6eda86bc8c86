/**
 * The record's forms in Chromium: an expert records dissent on a scenario through the server (the
 * facilitator sees it with the expert's name); the facilitator judges a risk without a tier ladder
 * under a written criterion, and an "acceptable" overall verdict over it shows the warning and asks
 * why; axe-core finds nothing serious on either form.
 */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { seriousViolations } from "./axe";
import {
  addScenario,
  CHROMIUM,
  harnessForSuite,
  invite,
  join,
  startWorkshop,
  waitConnected,
} from "./harness";

const poll = { timeout: 15_000, interval: 100 };

describe.skipIf(!existsSync(CHROMIUM))("the record's forms", () => {
  const h = harnessForSuite();

  it("records scenario dissent through the server, a determination under other criteria, and a justified conflicting verdict", async () => {
    const fran = await h.newPage();
    await startWorkshop(fran, h.server, "Model X pre-deployment review", "Fran Facilitator");
    await addScenario(fran, "CBRN", "Novice synthesis uplift");
    const ada = await h.newPage();
    await join(ada, await invite(fran, "expert", "Panel"), "Ada Expert");
    await Promise.all([waitConnected(fran), waitConnected(ada)]);

    // Dissent on the scenario, by the expert; the facilitator sees it under the expert's name.
    await ada.getByRole("link", { name: "Novice synthesis uplift" }).click();
    await ada.getByLabel("Record your dissent").fill("The uplift step is understated");
    await ada.getByRole("button", { name: "Record dissent" }).click();
    await fran.getByRole("link", { name: "Novice synthesis uplift" }).click();
    const dissent = fran.getByRole("region", { name: /^Dissent/ });
    await expect
      .poll(() => dissent.textContent(), poll)
      .toMatch(/Ada Expert.*The uplift step is understated/);

    // A risk of its own, without a ladder, judged under other criteria once the framework is locked.
    await fran.getByRole("button", { name: "+ Add other risk" }).click();
    await fran.getByLabel("Risk title").fill("Mass surveillance enablement");
    await fran.getByRole("link", { name: "Framework", exact: true }).click();
    await fran.getByRole("button", { name: "Lock framework" }).click();
    await fran.getByRole("button", { name: "Confirm lock" }).click();
    await expect
      .poll(() => fran.getByRole("region", { name: "Lock status" }).textContent(), poll)
      .toMatch(/Locked/);
    await fran.getByRole("link", { name: /^Mass surveillance enablement/ }).click();
    await fran.getByRole("button", { name: "Record determination" }).click();
    const form = fran.getByRole("form", { name: "Record determination for Mass surveillance enablement" });
    await form.getByRole("button", { name: "Save determination" }).click();
    await expect.poll(() => form.getByText("Write at least 10 characters.").count(), poll).toBe(2);
    expect(await seriousViolations(fran)).toEqual([]);
    await form
      .getByLabel("Criterion")
      .fill("Under 1 in 10,000 deployments used for unlawful mass surveillance");
    await form
      .getByLabel("Justification")
      .fill("No enforcement mechanism covers on-premises deployments yet");
    await form.getByRole("radio", { name: "Not acceptable", exact: true }).check();
    await form.getByRole("button", { name: "Save determination" }).click();
    await fran.getByRole("button", { name: "Revise determination" }).waitFor();
    expect(await fran.locator("main").textContent()).toContain("Other criteria");

    // "Acceptable" overall over it: a warning and a reason asked for, kept with the verdict.
    await fran.getByRole("link", { name: "Acceptance" }).click();
    await fran.getByRole("button", { name: "Record overall verdict" }).click();
    const verdict = fran.getByRole("form", { name: "Record overall verdict" });
    await verdict.getByRole("radio", { name: "Acceptable", exact: true }).check();
    await verdict.getByLabel("Justification", { exact: true }).fill("The specified risks are all acceptable");
    const why = verdict.getByLabel("Why the model is acceptable overall despite this");
    await why.waitFor();
    expect(await verdict.textContent()).toContain("Mass surveillance enablement");
    expect(await seriousViolations(fran)).toEqual([]);
    await verdict.getByRole("button", { name: "Save verdict" }).click();
    await expect.poll(() => verdict.getByText(/Say why, in at least 10 characters/).count(), poll).toBe(1);
    await why.fill("Surveillance use is excluded by contract for this release and audited monthly");
    await verdict.getByRole("button", { name: "Save verdict" }).click();
    await fran.getByRole("button", { name: "Revise overall verdict" }).waitFor();
    expect(await fran.locator("main").textContent()).toContain("excluded by contract for this release");
  }, 120_000);
});
