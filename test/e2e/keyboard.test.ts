/**
 * The room with the keyboard alone: every action is reached with Tab, done with Enter, Space or
 * typing, shows where focus is, and Ctrl+Z / Ctrl+Shift+Z undo and redo one's own edits.
 */
import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { CHROMIUM, harnessForSuite, narrativeText, startWorkshop, waitConnected } from "./harness";

const poll = { timeout: 10_000, interval: 100 };

/** What a screen reader would call the focused element, near enough: its label, labelled-by, or text. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return "";
    const labelledBy = el
      .getAttribute("aria-labelledby")
      ?.split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ");
    const labels = "labels" in el ? (el as HTMLInputElement).labels : null;
    return (
      el.getAttribute("aria-label") ||
      labelledBy ||
      labels?.[0]?.textContent ||
      el.textContent ||
      ""
    ).trim();
  });

/** Presses Tab until the focused element's name matches: proof it is reachable without a mouse. */
async function tabTo(page: Page, name: RegExp, { backwards = false } = {}): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    const current = await focusedName(page);
    if (name.test(current)) return;
    seen.push(current);
  }
  throw new Error(`${name} is not reachable with Tab; focus went through: ${seen.join(" → ")}`);
}

/** A keyboard user sees where they are: the focused control draws an outline. */
const focusOutline = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? getComputedStyle(el).outlineStyle : "none";
  });

const stepTexts = (page: Page) =>
  page
    .getByRole("textbox", { name: /^Step \d+$/ })
    .evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));

// Browser tests need Debian's Chromium (CI installs it); without it they are skipped, not failed.
describe.skipIf(!existsSync(CHROMIUM))("the room with the keyboard alone", () => {
  const h = harnessForSuite();

  it("adds and fills a scenario, reorders, undoes and redoes, and opens People, without a mouse", async () => {
    const page = await h.newPage();
    await startWorkshop(page, h.server, "Keyboard workshop", "Kim Keys");
    await waitConnected(page);

    // A scenario under a risk: its title takes the keyboard, selected, ready to be typed over.
    await tabTo(page, /^\+ Add scenario under Cyber offence$/);
    expect(await focusOutline(page)).toBe("solid");
    await page.keyboard.press("Enter");
    await expect.poll(() => focusedName(page), poll).toBe("Scenario title");
    await page.keyboard.type("Agent exploits a zero-day in a water utility");
    expect(await page.getByLabel("Scenario title").inputValue()).toBe(
      "Agent exploits a zero-day in a water utility",
    );

    // The narrative: typed into, then left with Escape, and Tab goes on to the next control.
    await tabTo(page, /^Narrative$/);
    await page.keyboard.type("Written with the keyboard only.");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    expect(await focusedName(page)).toBe("Irreversible");
    await page.keyboard.press("Space");
    expect(await page.getByLabel("Irreversible").isChecked()).toBe(true);
    expect(await narrativeText(page)).toBe("Written with the keyboard only.");

    // Two steps; the second moved above the first, the keyboard staying on the moved step.
    await tabTo(page, /^\+ Add step$/);
    await page.keyboard.press("Enter");
    expect(await focusedName(page)).toBe("Step 1");
    await page.keyboard.type("Scan for exposed services");
    await tabTo(page, /^\+ Add step$/, { backwards: true });
    await page.keyboard.press("Enter");
    expect(await focusedName(page)).toBe("Step 2");
    await page.keyboard.type("Gain initial access");
    await tabTo(page, /^Move step 2 up$/);
    await page.keyboard.press("Enter");
    await expect
      .poll(() => stepTexts(page), poll)
      .toEqual(["Gain initial access", "Scan for exposed services"]);
    await expect.poll(() => focusedName(page), poll).toBe("Move step 1 down");

    // Ctrl+Z takes back the move, then the typing; Ctrl+Shift+Z puts them back.
    await page.keyboard.press("Control+z");
    await expect
      .poll(() => stepTexts(page), poll)
      .toEqual(["Scan for exposed services", "Gain initial access"]);
    await page.keyboard.press("Control+z");
    await expect.poll(() => stepTexts(page), poll).toEqual(["Scan for exposed services", ""]);
    await page.keyboard.press("Control+Shift+z");
    await page.keyboard.press("Control+Shift+z");
    await expect
      .poll(() => stepTexts(page), poll)
      .toEqual(["Gain initial access", "Scan for exposed services"]);

    // Evidence from its one-line form: the title, then Enter.
    await tabTo(page, /^Title of new evidence$/);
    await page.keyboard.type("CTF results, critical-infrastructure track");
    await page.keyboard.press("Enter");
    await page.getByRole("textbox", { name: "Evidence title" }).waitFor();

    // The People drawer opens on Enter, keeps the keyboard inside, and Escape gives it back.
    await tabTo(page, /^People/, { backwards: true });
    await page.keyboard.press("Enter");
    await page.getByRole("dialog", { name: "People" }).waitFor();
    await expect
      .poll(() => page.evaluate(() => !!document.activeElement?.closest("dialog")), poll)
      .toBe(true);
    await page.keyboard.press("Escape");
    await expect.poll(() => focusedName(page), poll).toMatch(/^People/);

    // The phase, which a facilitator moves for everyone.
    await tabTo(page, /Analyse/, { backwards: true });
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.locator(".phase[aria-current='step']").textContent(), poll)
      .toContain("Analyse");
  }, 90_000);
});
