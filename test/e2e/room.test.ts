/**
 * The room in a real browser: a facilitator starts a workshop through the start page, invites an
 * expert through the People drawer, and the expert joins from the link in a second browser context.
 */
import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it, vi } from "vitest";
import { CHROMIUM, harnessForSuite, invite, join, startWorkshop } from "./harness";

// Browser tests need Debian's Chromium (CI installs it); without it they are skipped, not failed.
describe.skipIf(!existsSync(CHROMIUM))("workshop room in a browser", () => {
  const h = harnessForSuite();

  const presenceText = (page: Page) => page.getByRole("list", { name: /Here now/ }).textContent();
  const connectionTexts = (page: Page) => page.locator(".conn-status").allTextContents();
  const openPeople = async (page: Page) => {
    await page.getByRole("button", { name: /^People/ }).click();
    return page.getByRole("dialog", { name: "People" });
  };

  it("shows a facilitator and an invited expert to each other, both connected", async () => {
    const facilitator = await h.newPage();
    await startWorkshop(facilitator, h.server, "Model X pre-deployment review", "Fran Facilitator");
    const inviteUrl = await invite(facilitator, "expert", "Cyber panel");
    expect(inviteUrl).toMatch(new RegExp(`^${h.server.url}/join#[A-Za-z0-9_-]+$`));

    const expert = await h.newPage();
    await join(expert, inviteUrl, "Eli Expert");
    await expert.waitForURL(facilitator.url());

    for (const page of [facilitator, expert]) {
      await vi.waitFor(
        async () => {
          const here = await presenceText(page);
          expect(here).toContain("Fran Facilitator");
          expect(here).toContain("Eli Expert");
          expect(await connectionTexts(page)).toEqual(["Content: Connected", "Control: Connected"]);
        },
        { timeout: 10_000, interval: 100 },
      );
    }
    // Only facilitators manage invites; the facilitator's list counts the invite's one use.
    const expertDrawer = await openPeople(expert);
    await expertDrawer.getByRole("heading", { name: "Participants" }).waitFor();
    expect(await expertDrawer.getByRole("heading", { name: "Invite people" }).count()).toBe(0);
    const drawer = await openPeople(facilitator);
    await vi.waitFor(async () => {
      const row = drawer.getByRole("row", { name: /Cyber panel/ });
      expect(await row.getByRole("cell").nth(1).textContent()).toBe("1");
    });
    // Escape closes the drawer and gives the keyboard back to the button that opened it.
    await facilitator.keyboard.press("Escape");
    await vi.waitFor(async () => expect(await drawer.isVisible()).toBe(false));
    expect(await facilitator.evaluate(() => document.activeElement?.textContent)).toMatch(/^People/);
  }, 60_000);

  it("tells an expert whose invite is revoked, marks them revoked, and refuses the link after", async () => {
    const facilitator = await h.newPage();
    await startWorkshop(facilitator, h.server, "Revocation drill", "Rae Facilitator");
    const inviteUrl = await invite(facilitator, "expert", "Short-lived");
    const expert = await h.newPage();
    await join(expert, inviteUrl, "Sam Expert");
    await vi.waitFor(async () => expect(await presenceText(facilitator)).toContain("Sam Expert"), {
      timeout: 10_000,
    });

    const drawer = await openPeople(facilitator);
    await drawer.getByRole("button", { name: /Revoke Expert: Short-lived invite/ }).click();
    await drawer.getByRole("button", { name: "Yes, revoke" }).click();

    await expert.getByRole("alert").filter({ hasText: "Your access was revoked" }).waitFor();
    await vi.waitFor(async () => {
      expect(await connectionTexts(expert)).toEqual(["Content: Disconnected", "Control: Disconnected"]);
      expect(await presenceText(facilitator)).not.toContain("Sam Expert");
      const sam = drawer.getByRole("listitem").filter({ hasText: "Sam Expert" });
      expect(await sam.textContent()).toContain("Access revoked");
    });

    const latecomer = await h.newPage();
    await latecomer.goto(inviteUrl);
    // The join page says so before asking for a name, and names no workshop.
    await latecomer.getByRole("alert").filter({ hasText: "This invite link was revoked" }).waitFor();
    expect(await latecomer.getByLabel("Your name").count()).toBe(0);
    expect(await latecomer.getByText("Revocation drill").count()).toBe(0);
  }, 60_000);
});
