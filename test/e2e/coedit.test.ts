/**
 * Two people co-edit one risk scenario in two browser profiles: a facilitator who starts the
 * workshop and an expert who joins by the invite link. Each sees the other's typing, named caret,
 * steps and evidence without a reload; each undoes only their own edits. The README's screenshot
 * of the room is taken here.
 */
import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  addScenario,
  CHROMIUM,
  caretAt,
  type Harness,
  harnessForSuite,
  invite,
  join,
  narrativeText,
  readmeScreenshot,
  startWorkshop,
  waitConnected,
} from "./harness";

const stepTexts = (page: Page) =>
  page
    .getByRole("textbox", { name: /^Step \d+$/ })
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
const evidenceTitles = (page: Page) =>
  page
    .getByRole("textbox", { name: "Evidence title" })
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
const poll = { timeout: 10_000, interval: 100 };

/** Adds records to one list of the threat model through its "New …" field. */
async function addThreats(page: Page, noun: string, names: string[]): Promise<void> {
  for (const name of names) {
    await page.getByLabel(`Name of new ${noun}`).fill(name);
    await page.getByLabel(`Name of new ${noun}`).press("Enter");
    await page
      .getByRole("textbox", { name: new RegExp(`^${noun} name$`, "i") })
      .last()
      .waitFor();
  }
}

/** A facilitator's workshop with one expert in it, both on a new CBRN scenario. */
async function twoPeopleOnAScenario(h: Harness, withThreatModel: boolean) {
  const fran = await h.newPage();
  await startWorkshop(fran, h.server, "Model X pre-deployment review", "Fran Facilitator");
  const link = await invite(fran, "expert", "Bio panel");
  const eli = await h.newPage();
  await join(eli, link, "Eli Expert");
  await Promise.all([waitConnected(fran), waitConnected(eli)]);

  if (withThreatModel) {
    await fran.getByRole("link", { name: /^Threat model/ }).click();
    await addThreats(fran, "actor", ["Lone novice", "Organised group"]);
    await addThreats(fran, "source", ["Protocol troubleshooting", "Web browsing tool"]);
    await addThreats(fran, "safeguard", ["Bio misuse classifier", "Know-your-customer checks"]);
  }
  const scenarioId = await addScenario(fran, "CBRN", "Novice synthesises a pathogen with step-by-step help");
  // The expert finds it in the navigation, live, and opens it.
  await eli.getByRole("link", { name: /Novice synthesises a pathogen/ }).click();
  await eli.waitForURL(new RegExp(`/scenarios/${scenarioId}$`));
  // Each sees the other on the scenario, in its header.
  await expect
    .poll(() => fran.locator(".scenario-header .viewer-list").textContent(), poll)
    .toContain("Eli Expert");
  await expect
    .poll(() => eli.locator(".scenario-header .viewer-list").textContent(), poll)
    .toContain("Fran Facilitator");
  return { fran, eli, scenarioId };
}

// Browser tests need Debian's Chromium (CI installs it); without it they are skipped, not failed.
describe.skipIf(!existsSync(CHROMIUM))("co-editing a scenario in two browsers", () => {
  const h = harnessForSuite();

  it("shows each person's typing, named caret, steps and evidence to the other without a reload", async () => {
    const { fran, eli } = await twoPeopleOnAScenario(h, true);

    await caretAt(fran, "start");
    await fran.keyboard.type("a lone actor with basic lab training asks the model for a synthesis protocol.");
    await expect.poll(() => narrativeText(eli), poll).toContain("synthesis protocol.");

    // Both type at once, one at each end of the text.
    await caretAt(eli, "end");
    await caretAt(fran, "start");
    await Promise.all([
      fran.keyboard.type("Over a few weeks, ", { delay: 25 }),
      eli.keyboard.type(" The model then troubleshoots each failed step.", { delay: 25 }),
    ]);
    const merged =
      "Over a few weeks, a lone actor with basic lab training asks the model for a synthesis protocol. " +
      "The model then troubleshoots each failed step.";
    for (const page of [fran, eli]) await expect.poll(() => narrativeText(page), poll).toBe(merged);

    // Each editor shows the other's caret with their name.
    await expect
      .poll(() => fran.locator(".collaboration-carets__label").allInnerTexts(), poll)
      .toEqual(["Eli Expert"]);
    await expect
      .poll(() => eli.locator(".collaboration-carets__label").allInnerTexts(), poll)
      .toEqual(["Fran Facilitator"]);

    // Steps from both, each filled in by its author.
    await fran.getByRole("button", { name: "+ Add step" }).click();
    await fran.keyboard.type("Asks the model to plan the synthesis route");
    await eli.getByRole("button", { name: "+ Add step" }).click();
    await eli.keyboard.type("Orders precursors through a front company");
    const steps = ["Asks the model to plan the synthesis route", "Orders precursors through a front company"];
    for (const page of [fran, eli])
      await expect.poll(async () => (await stepTexts(page)).sort(), poll).toEqual(steps);

    // Eli details the first step; Fran sees the uplift flag, actor, source and safeguard.
    const first = eli.locator(".step").first();
    await first.getByLabel("Actor").selectOption({ label: "Lone novice" });
    await first.getByLabel("Source used").selectOption({ label: "Protocol troubleshooting" });
    await first.getByLabel("AI uplift here").check();
    await first.getByLabel("Bio misuse classifier").check();
    const franFirst = fran.locator(".step").first();
    await expect.poll(() => franFirst.getAttribute("class"), poll).toContain("uplift");
    await expect.poll(() => franFirst.getByLabel("Bio misuse classifier").isChecked(), poll).toBe(true);
    expect(await franFirst.getByLabel("Actor").inputValue()).not.toBe("");

    // Evidence from both.
    await eli.getByLabel("Kind of new evidence").selectOption("benchmark");
    await eli.getByLabel("Title of new evidence").fill("WMDP-Bio, wet-lab subset");
    await eli.getByRole("button", { name: "Add evidence" }).click();
    await fran.getByLabel("Kind of new evidence").selectOption("red-team");
    await fran.getByLabel("Title of new evidence").fill("Red-team exercise with virologists");
    await fran.getByLabel("Title of new evidence").press("Enter");
    const titles = ["Red-team exercise with virologists", "WMDP-Bio, wet-lab subset"];
    for (const page of [fran, eli])
      await expect.poll(async () => (await evidenceTitles(page)).sort(), poll).toEqual(titles);
    const wmdp = eli
      .locator(".evidence")
      .nth((await evidenceTitles(eli)).indexOf("WMDP-Bio, wet-lab subset"));
    await wmdp.getByLabel("Link").fill("https://www.wmdp.ai/");
    await wmdp.getByLabel("Result").fill("71% accuracy, above the expert baseline");
    await expect
      .poll(
        () => fran.getByLabel("Result").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
        poll,
      )
      .toContain("71% accuracy, above the expert baseline");

    // Eli classifies the scenario and links its actor and source; Fran sees it.
    await eli.getByLabel("Status").selectOption("in-review");
    await eli.getByRole("group", { name: "Nature of the risk" }).getByLabel("Irreversible").check();
    await eli.getByRole("group", { name: "Threat actors" }).getByLabel("Lone novice").check();
    await eli.getByRole("group", { name: "Sources of risk" }).getByLabel("Protocol troubleshooting").check();
    await expect.poll(() => fran.getByLabel("Status").inputValue(), poll).toBe("in-review");
    await expect
      .poll(
        () => fran.getByRole("group", { name: "Threat actors" }).getByLabel("Lone novice").isChecked(),
        poll,
      )
      .toBe(true);

    // The README's picture: both present, the scenario open, Eli's caret in Fran's narrative.
    await caretAt(fran, "end");
    await fran.keyboard.press("Enter");
    await fran.keyboard.type("Uplift is largest where experts are scarce: troubleshooting failed steps.");
    const final = `${merged}\nUplift is largest where experts are scarce: troubleshooting failed steps.`;
    for (const page of [fran, eli]) await expect.poll(() => narrativeText(page), poll).toBe(final);
    await caretAt(eli, "end");
    await fran.locator(".collaboration-carets__label", { hasText: "Eli Expert" }).waitFor();
    await fran.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      document.getElementById("main")?.scrollTo(0, 0);
    });
    await fran.mouse.move(640, 790);
    await readmeScreenshot(fran, "room.png");
  }, 90_000);

  it("undoes and redoes only one's own edits, in the fields and in the narrative", async () => {
    const { fran, eli } = await twoPeopleOnAScenario(h, false);

    await eli.getByRole("button", { name: "+ Add step" }).click();
    await eli.keyboard.type("Eli's step");
    await fran.getByRole("button", { name: "+ Add step" }).click();
    await fran.keyboard.type("Fran's step");
    for (const page of [fran, eli])
      await expect
        .poll(async () => (await stepTexts(page)).sort(), poll)
        .toEqual(["Eli's step", "Fran's step"]);

    // Ctrl+Z outside the narrative: first Fran's typing, then her added step; Eli's step stays.
    await fran.keyboard.press("Control+z");
    await fran.keyboard.press("Control+z");
    for (const page of [fran, eli]) await expect.poll(() => stepTexts(page), poll).toEqual(["Eli's step"]);
    await fran.getByRole("button", { name: "↷ Redo" }).click();
    for (const page of [fran, eli])
      await expect.poll(async () => (await stepTexts(page)).length, poll).toBe(2);

    // In the narrative, Tiptap's collaboration undo takes back Fran's words, not Eli's.
    await caretAt(eli, "start");
    await eli.keyboard.type("Eli writes this.");
    await expect.poll(() => narrativeText(fran), poll).toBe("Eli writes this.");
    await caretAt(fran, "end");
    await fran.keyboard.type(" Fran adds this.");
    await expect.poll(() => narrativeText(eli), poll).toBe("Eli writes this. Fran adds this.");
    await fran.keyboard.press("Control+z");
    for (const page of [fran, eli])
      await expect.poll(() => narrativeText(page), poll).toBe("Eli writes this.");
    // The structured history was not touched by that: both steps are still there.
    expect((await stepTexts(eli)).length).toBe(2);
  }, 90_000);

  it("merges two people typing in the same title, and keeps each caret beside its words", async () => {
    const { fran, eli } = await twoPeopleOnAScenario(h, false);
    const title = (page: typeof fran) => page.getByLabel("Scenario title");
    const full = "Novice synthesises a pathogen with step-by-step help";
    // Eli's caret sits just after "pathogen", put there with the keyboard; Fran then types at the very start.
    await title(eli).click();
    await title(eli).press("End");
    for (const _ of " with step-by-step help") await title(eli).press("ArrowLeft");
    await title(fran).click();
    await title(fran).press("Home");
    await title(fran).pressSequentially("Lone ");
    await expect.poll(() => title(eli).inputValue(), poll).toBe(`Lone ${full}`);
    // Eli's next keys land where Eli was, not where the merge left the browser's caret.
    await title(eli).pressSequentially(" culture");
    const merged = "Lone Novice synthesises a pathogen culture with step-by-step help";
    for (const page of [fran, eli]) await expect.poll(() => title(page).inputValue(), poll).toBe(merged);
  }, 90_000);
});
