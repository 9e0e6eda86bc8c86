/**
 * A blind round end to end in the browser: the facilitator locks the framework and opens a round,
 * two experts estimate without seeing each other, the facilitator reveals, and the risk matrix and
 * the scenario's spread plot place the scenario in the tier its aggregate reaches.
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
  readmeScreenshot,
  startWorkshop,
  waitConnected,
} from "./harness";

const poll = { timeout: 15_000, interval: 100 };
const SCENARIO = "Novice completes synthesis with model troubleshooting";

/** An expert's estimate through the rounds view's form, probabilities in percent. */
async function estimate(
  page: Page,
  values: { low: string; best: string; high: string; severity: string; rationale: string },
) {
  const form = page.getByRole("form", { name: `Your estimate for ${SCENARIO}` });
  await form.getByLabel("Low", { exact: true }).fill(values.low);
  await form.getByLabel("Best", { exact: true }).fill(values.best);
  await form.getByLabel("High", { exact: true }).fill(values.high);
  await form.getByLabel("Severity", { exact: true }).selectOption(values.severity);
  await form.getByRole("radio", { name: "Medium confidence" }).check();
  await form.getByLabel("Rationale (optional)").fill(values.rationale);
  await form.getByRole("button", { name: "Submit estimate" }).click();
  await form.getByText("Submitted — you can revise until the round is revealed.").waitFor();
}

describe.skipIf(!existsSync(CHROMIUM))("estimation in the room", () => {
  const h = harnessForSuite();

  it("locks, runs a blind round with two experts, reveals, places the scenario in its tier, records the determination and verdict, and shows the last round when revising", async () => {
    const fran = await h.newPage();
    await startWorkshop(fran, h.server, "Model X pre-deployment review", "Fran Facilitator");
    const scenarioId = await addScenario(fran, "CBRN", SCENARIO);
    const link = await invite(fran, "expert", "Biosecurity panel");
    const [ada, ben] = [await h.newPage(), await h.newPage()];
    await join(ada, link, "Ada Expert");
    await join(ben, link, "Ben Expert");
    await Promise.all([fran, ada, ben].map(waitConnected));

    // The facilitator locks the default framework; a round cannot open before that.
    await fran.getByRole("link", { name: "Estimation rounds" }).click();
    await fran
      .getByText(/framework/i)
      .first()
      .waitFor();
    expect(await fran.getByRole("button", { name: "Open round" }).count()).toBe(0);
    await fran.getByRole("link", { name: "Framework", exact: true }).click();
    await fran.getByRole("button", { name: "Lock framework" }).click();
    await fran.getByRole("button", { name: "Confirm lock" }).click();
    const banner = fran.getByRole("region", { name: "Lock status" });
    await expect.poll(() => banner.textContent(), poll).toMatch(/Locked/);

    await fran.getByRole("link", { name: "Estimation rounds" }).click();
    await fran.getByRole("checkbox", { name: SCENARIO }).check();
    await fran.getByRole("radio", { name: "Pre-mitigation" }).check();
    await fran.getByRole("button", { name: "Open round" }).click();
    await fran.getByRole("button", { name: "Reveal round 1" }).waitFor();

    // Each expert estimates blind: the other's submission shows as a name, never a value.
    for (const page of [ada, ben]) await page.getByRole("link", { name: "Estimation rounds" }).click();
    await estimate(ada, {
      low: "1",
      best: "2",
      high: "5",
      severity: "severe",
      rationale: "Protocol gaps remain",
    });
    await expect.poll(() => fran.getByText("1 of 2 experts").count(), poll).toBeGreaterThan(0);
    expect(await ben.locator("main").textContent()).not.toMatch(/Protocol gaps remain/);
    await estimate(ben, {
      low: "1",
      best: "3",
      high: "10",
      severity: "severe",
      rationale: "Uplift study pending",
    });
    await expect.poll(() => fran.getByText("2 of 2 experts").count(), poll).toBeGreaterThan(0);
    expect(await fran.locator("main").textContent()).not.toMatch(/Protocol gaps remain|Uplift study pending/);

    await fran.getByRole("button", { name: "Reveal round 1" }).click();
    await fran.getByRole("button", { name: "Yes, reveal round 1" }).click();
    // Revealed to everyone: both rationales, in the experts' rooms too.
    for (const page of [fran, ada, ben])
      await expect
        .poll(() => page.locator("main").textContent(), poll)
        .toMatch(
          /Protocol gaps remain[\s\S]*Uplift study pending|Uplift study pending[\s\S]*Protocol gaps remain/,
        );
    // The reveal took away the form Ada had just used: her keyboard is on the round, not lost.
    const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? "");
    await expect.poll(() => focused(ada), poll).toMatch(/^Round 1/);

    // The geometric mean of the odds of 2% and 3% is 2.45% (shown as 2.5%): the "Possible" band;
    // with "Severe", the default matrix says "Unacceptable".
    await fran.getByRole("link", { name: "Risk register" }).click();
    const matrix = fran.getByRole("img", { name: /^Risk matrix/ });
    await expect.poll(() => matrix.getAttribute("aria-label"), poll).toContain(SCENARIO);
    // Lows pool to 1%, highs (5% and 10%) to 7.1%.
    expect(await matrix.getAttribute("aria-label")).toContain(
      `${SCENARIO}: before mitigation 2.5% (1%–7.1%), Severe, tier Unacceptable`,
    );
    const row = fran.getByRole("row", { name: new RegExp(SCENARIO) });
    await expect.poll(() => row.textContent(), poll).toContain("Unacceptable");
    await readmeScreenshot(fran, "register.png");

    await fran.getByRole("link", { name: SCENARIO }).first().click();
    await fran.waitForURL(new RegExp(`/scenarios/${scenarioId}$`));
    const spread = fran.getByRole("img", { name: /^Estimates by round/ });
    await expect
      .poll(() => spread.getAttribute("aria-label"), poll)
      .toMatch(/Round 1 .*2 estimates .*tier Unacceptable/);

    // The facilitator records the determination for CBRN with this scenario as evidence, an expert
    // dissents, the facilitator records the overall verdict; an observer sees all of it.
    await fran.getByRole("link", { name: /^CBRN \d+ scenarios?$/ }).click();
    await fran.getByRole("button", { name: "Record determination" }).click();
    const form = fran.getByRole("form", { name: "Record determination for CBRN" });
    await form.getByLabel("Tier reached").selectOption({ index: 2 });
    await form.getByLabel("Safety margin").fill("One tier above the uplift study's point estimate");
    await form.getByLabel("Why this margin").fill("Elicitation of troubleshooting was incomplete");
    await form.getByLabel("Conditions under which this would no longer hold").fill("A new uplift study");
    await form.getByRole("radio", { name: "Not acceptable", exact: true }).check();
    await form.getByRole("checkbox", { name: new RegExp(SCENARIO) }).check();
    await form.getByRole("button", { name: "Save determination" }).click();
    await fran.getByRole("button", { name: "Revise determination" }).waitFor();

    await ada.getByRole("link", { name: /^CBRN \d+ scenarios?$/ }).click();
    await ada.getByLabel("Your dissent").fill("The margin is too thin for a novice pathway");
    await ada.getByRole("button", { name: "Add dissent" }).click();

    await fran.getByRole("link", { name: "Acceptance" }).click();
    await fran.getByRole("button", { name: "Record overall verdict" }).click();
    const verdict = fran.getByRole("form", { name: "Record overall verdict" });
    await verdict.getByRole("radio", { name: "Not acceptable", exact: true }).check();
    await verdict.getByLabel("Justification").fill("CBRN uplift is not acceptable at the tier reached");
    await verdict.getByRole("button", { name: "Save verdict" }).click();
    await fran.getByRole("button", { name: "Revise overall verdict" }).waitFor();

    const olive = await h.newPage();
    await join(olive, await invite(fran, "observer", "Auditor"), "Olive Observer");
    await waitConnected(olive);
    await olive.getByRole("link", { name: "Acceptance" }).click();
    const main = olive.locator("main");
    await expect
      .poll(() => main.textContent(), poll)
      .toContain("CBRN uplift is not acceptable at the tier reached");
    expect(await olive.getByRole("button", { name: /Record|Revise/ }).count()).toBe(0);
    await olive
      .getByRole("link", { name: /^CBRN \d+ scenarios?$/ })
      .first()
      .click();
    await expect
      .poll(() => main.textContent(), poll)
      .toContain("Elicitation of troubleshooting was incomplete");
    expect(await main.textContent()).toContain("The margin is too thin for a novice pathway");
    expect(await olive.getByLabel("Your dissent").count()).toBe(0);

    // Round 2: revising, an expert sees their own last answer and the group's spread beside the form.
    await fran.getByRole("link", { name: "Estimation rounds" }).click();
    await fran.getByRole("button", { name: "Close round 1" }).click();
    await expect.poll(() => focused(fran), poll).toMatch(/^Round 1/);
    await fran.getByRole("checkbox", { name: SCENARIO }).check();
    await fran.getByRole("button", { name: "Open round" }).click();
    await fran.getByRole("button", { name: "Reveal round 2" }).waitFor();
    await ada.getByRole("link", { name: "Estimation rounds" }).click();
    const last = ada.getByRole("complementary", { name: "Round 1, for comparison" });
    await expect.poll(() => last.textContent(), poll).toMatch(/Your answer[\s\S]*2%[\s\S]*The group/);
    expect(await last.textContent()).toMatch(/Spread of best estimates\s*2%–3%/);
    expect(await ada.getByRole("form", { name: `Your estimate for ${SCENARIO}` }).count()).toBe(1);
  }, 120_000);
});
