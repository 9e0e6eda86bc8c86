/**
 * What a workshop survives: an expert whose access is revoked mid-sentence, a network blip, and
 * two people starting to type into the same empty narrative at once. Nothing typed is silently
 * lost, presence comes straight back, and each person's sentence arrives whole.
 */
import { existsSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  addScenario,
  CHROMIUM,
  caretAt,
  harnessForSuite,
  invite,
  join,
  narrative,
  startWorkshop,
  waitConnected,
} from "./harness";

const poll = { timeout: 15_000, interval: 50 };
const presenceText = (page: Page) => page.getByRole("list", { name: /Here now/ }).textContent();
/** The narrative's paragraphs as text, without the name labels of other people's carets. */
const paragraphs = (page: Page) =>
  narrative(page).evaluate((editor) => {
    const copy = editor.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
    return [...copy.children].map((block) => block.textContent ?? "").filter((text) => text !== "");
  });

// Browser tests need Debian's Chromium (CI installs it); without it they are skipped, not failed.
describe.skipIf(!existsSync(CHROMIUM))("what the room survives", () => {
  const h = harnessForSuite();

  async function facilitatorAndExpert(title: string) {
    const fran = await h.newPage();
    await startWorkshop(fran, h.server, title, "Fran Facilitator");
    const link = await invite(fran, "expert", "Panel");
    const eliContext = await h.newContext();
    const eli = await h.newPage(eliContext);
    await join(eli, link, "Eli Expert");
    await Promise.all([waitConnected(fran), waitConnected(eli)]);
    return { fran, eli, eliContext };
  }

  it("turns a revoked expert's room read-only at once, keeping what they wrote on screen", async () => {
    const { fran, eli } = await facilitatorAndExpert("Revocation mid-sentence");
    await addScenario(fran, "CBRN", "Novice follows a synthesis route");
    await eli.getByRole("link", { name: /Novice follows a synthesis route/ }).click();
    await caretAt(eli, "start");
    await eli.keyboard.type("Sent before the revocation.");
    await expect.poll(() => narrative(fran).textContent(), poll).toContain("Sent before the revocation.");

    await fran.getByRole("button", { name: /^People/ }).click();
    const drawer = fran.getByRole("dialog", { name: "People" });
    await drawer.getByRole("button", { name: /Revoke Expert: Panel invite/ }).click();
    await drawer.getByRole("button", { name: "Yes, revoke" }).click();

    const alert = eli.getByRole("alert").filter({ hasText: "Your access was revoked" });
    await alert.waitFor();
    await alert.getByText("The room is now read-only").waitFor();
    // Every field turns to text or stops taking input: the narrative, the title, the selects.
    await expect.poll(() => narrative(eli).getAttribute("contenteditable"), poll).toBe("false");
    expect(await eli.getByRole("textbox", { name: "Scenario title" }).count()).toBe(0);
    expect(await eli.getByRole("combobox").count()).toBe(0);
    const editable = await eli
      .locator("main")
      .evaluate(
        (main) =>
          [...main.querySelectorAll("input, textarea, select, [contenteditable='true']")].filter(
            (el) =>
              !(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) ||
              (!el.readOnly && !el.disabled && el.type !== "checkbox" && el.type !== "radio"),
          ).length,
      );
    expect(editable).toBe(0);
    // Typing goes nowhere, and what was there stays to copy.
    await narrative(eli).click();
    await eli.keyboard.type("Typed after the revocation.");
    expect(await narrative(eli).textContent()).toBe("Sent before the revocation.");
    expect(await eli.getByText("Novice follows a synthesis route").count()).toBeGreaterThan(0);
  }, 90_000);

  it("shows a person who drops offline and comes back to the others within a second, twenty times", async () => {
    const { fran, eli, eliContext } = await facilitatorAndExpert("Flaky hotel wifi");
    await expect.poll(() => presenceText(fran), poll).toContain("Eli Expert");
    await expect.poll(() => presenceText(eli), poll).toContain("Fran Facilitator");
    for (let round = 0; round < 20; round++) {
      // The network drops: Eli's sockets end (the server sees them go, as it would a dead one
      // after its ping) and the browser reports being offline, so Eli does not reconnect yet.
      await eli.evaluate(() => window.__riskroom?.dropSockets());
      await eliContext.setOffline(true);
      await expect.poll(() => presenceText(fran), poll).not.toContain("Eli Expert");
      // The outage the issue describes lasts two seconds: its length is the scenario, not a wait.
      await delay(2_000);
      await eliContext.setOffline(false);
      // The bound the issue sets: back in the others' "Here now" within one second of reconnecting.
      await expect.poll(() => presenceText(fran), { timeout: 1_000, interval: 25 }).toContain("Eli Expert");
      // And Eli sees the others again too.
      await expect.poll(() => presenceText(eli), { timeout: 1_000, interval: 25 }).toContain("Fran");
    }
  }, 240_000);

  it("keeps each person's sentence whole when two start typing into an empty narrative at once", async () => {
    const { fran, eli } = await facilitatorAndExpert("Two at once");
    for (let round = 0; round < 20; round++) {
      const title = `Race ${round}`;
      await addScenario(fran, "CBRN", title);
      await eli.getByRole("link", { name: new RegExp(`^${title}\\b`) }).click();
      await eli.waitForURL(fran.url());
      await Promise.all([caretAt(fran, "start"), caretAt(eli, "start")]);
      const franSays = `Fran writes sentence ${round} about the uplift.`;
      const eliSays = `Eli writes sentence ${round} about the safeguards.`;
      // Half the rounds start together; in the others Eli starts once Fran's first letters are on
      // Eli's screen (the moment the editor rebuilds around someone else's first paragraph).
      const eliStarts =
        round % 2 === 0
          ? Promise.resolve()
          : expect.poll(() => narrative(eli).textContent(), poll).toMatch(/^Fr/);
      await Promise.all([
        fran.keyboard.type(franSays, { delay: 15 }),
        eliStarts.then(() => eli.keyboard.type(eliSays, { delay: 15 })),
      ]);
      const expected = [franSays, eliSays].sort();
      for (const page of [fran, eli])
        await expect.poll(async () => (await paragraphs(page)).sort(), poll).toEqual(expected);
    }
  }, 300_000);
});
