/**
 * Accessibility and layout checks of every kind of page, in Chromium: axe-core finds no serious or
 * critical violation on the start, join, overview, scenario, rounds, register, acceptance,
 * snapshots and compare views, and the room's header keeps everything inside the window at
 * 1280×800 and 1024×768, online and offline.
 */
import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
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

/** Elements of the room's header (and the header itself) that reach past its right edge or the window's. */
const headerOverflow = (page: Page) =>
  page.evaluate(() => {
    const header = document.querySelector(".room-header");
    if (!header) return ["no header"];
    const limit = Math.min(window.innerWidth, document.documentElement.clientWidth);
    const out: string[] = [];
    if (header.scrollWidth > header.clientWidth + 1) out.push(`header scrolls: ${header.scrollWidth}`);
    for (const el of [header, ...header.querySelectorAll("*")]) {
      const box = el.getBoundingClientRect();
      // Nothing to see: empty, or visually hidden text for screen readers (a 1 px clipped box).
      if (box.width <= 1 || box.height <= 1) continue;
      if (box.right > limit + 0.5 || box.left < -0.5)
        out.push(
          `${el.tagName.toLowerCase()}.${el.className}: ${Math.round(box.left)}–${Math.round(box.right)}`,
        );
      // A heading cut by an ellipsis still fits; one whose text is clipped without one does not.
      if (el instanceof HTMLElement && el.scrollWidth > el.clientWidth + 1) {
        const style = getComputedStyle(el);
        if (style.overflow !== "visible" && style.textOverflow !== "ellipsis")
          out.push(`${el.tagName.toLowerCase()}.${el.className} clips its content`);
      }
    }
    return out;
  });

// Browser tests need Debian's Chromium (CI installs it); without it they are skipped, not failed.
describe.skipIf(!existsSync(CHROMIUM))("accessibility and layout", () => {
  const h = harnessForSuite();

  it("has no serious or critical axe-core violation on any kind of page", async () => {
    const fran = await h.newPage();
    const found: Record<string, string[]> = {};
    const check = async (name: string) => {
      found[name] = await seriousViolations(fran);
    };

    await fran.goto(`${h.server.url}/`);
    await fran.getByLabel("Workshop title").waitFor();
    await check("start");
    await startWorkshop(fran, h.server, "Model X pre-deployment review", "Fran Facilitator");
    await waitConnected(fran);
    const link = await invite(fran, "expert", "Panel");
    const eli = await h.newPage();
    await eli.goto(link);
    await eli.getByLabel("Your name").waitFor();
    found.join = await seriousViolations(eli);
    await join(eli, link, "Eli Expert");
    await waitConnected(eli);

    await fran.getByRole("link", { name: "Overview" }).click();
    await fran.getByRole("heading", { name: "Overview" }).waitFor();
    await check("overview");
    await addScenario(fran, "CBRN", "Novice completes a synthesis route");
    await check("scenario");

    await fran.getByRole("link", { name: "Framework", exact: true }).click();
    await fran.getByRole("button", { name: "Lock framework" }).click();
    await fran.getByRole("button", { name: "Confirm lock" }).click();
    await expect
      .poll(() => fran.getByRole("region", { name: "Lock status" }).textContent(), poll)
      .toMatch(/Locked/);
    await fran.getByRole("link", { name: "Estimation rounds" }).click();
    await fran.getByRole("checkbox", { name: "Novice completes a synthesis route" }).check();
    await fran.getByRole("button", { name: "Open round" }).click();
    await fran.getByRole("button", { name: "Reveal round 1" }).waitFor();
    await check("rounds");

    await fran.getByRole("link", { name: "Risk register" }).click();
    await fran.getByRole("heading", { name: "Risk register" }).waitFor();
    await check("register");
    await fran.getByRole("link", { name: "Acceptance" }).click();
    await fran.getByRole("heading", { name: "Acceptance", level: 2 }).waitFor();
    await check("acceptance");

    await fran.getByRole("link", { name: "Snapshots & history" }).click();
    await fran.getByLabel("Label").fill("Before the first reveal");
    await fran.getByRole("button", { name: "Take snapshot" }).click();
    await fran.getByRole("link", { name: "Compare with now: “Before the first reveal”" }).waitFor();
    await check("snapshots");
    await fran.getByRole("link", { name: "Compare with now: “Before the first reveal”" }).click();
    await fran.getByRole("heading", { name: "Compare with now" }).waitFor();
    await fran.getByText(/added · .* removed · .* changed/).waitFor();
    await check("compare");

    expect(found).toEqual({
      start: [],
      join: [],
      overview: [],
      scenario: [],
      rounds: [],
      register: [],
      acceptance: [],
      snapshots: [],
      compare: [],
    });
  }, 180_000);

  it("keeps everything in the room's header inside the window at 1280 and 1024 px, online and offline", async () => {
    const context = await h.newContext();
    const fran = await h.newPage(context);
    await startWorkshop(
      fran,
      h.server,
      "A long workshop title that names the model, the release and the panel",
      "Fran",
    );
    await waitConnected(fran);
    const found: Record<string, string[]> = {};
    for (const size of [
      { width: 1280, height: 800 },
      { width: 1024, height: 768 },
    ]) {
      await fran.setViewportSize(size);
      found[`${size.width} online`] = await headerOverflow(fran);
      await context.setOffline(true);
      await fran.getByText("Your edits are kept on this device").waitFor();
      found[`${size.width} offline`] = await headerOverflow(fran);
      await context.setOffline(false);
      await waitConnected(fran);
    }
    expect(found).toEqual({
      "1280 online": [],
      "1280 offline": [],
      "1024 online": [],
      "1024 offline": [],
    });
  }, 90_000);
});
