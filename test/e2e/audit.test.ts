/**
 * The audit view in Chromium: a facilitator opens it from the room's navigation, reads who did
 * what, verifies the chain and reaches every control by keyboard; an observer sees it too, an
 * expert has no entry for it; axe-core finds no serious or critical violation.
 */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { seriousViolations } from "./axe";
import {
  CHROMIUM,
  harnessForSuite,
  invite,
  join,
  readmeScreenshot,
  startWorkshop,
  waitConnected,
} from "./harness";

const poll = { timeout: 15_000, interval: 100 };

describe.skipIf(!existsSync(CHROMIUM))("the audit view", () => {
  const h = harnessForSuite();

  it("shows facilitators and observers the trail, verifies it, and is keyboard accessible and axe-clean", async () => {
    const fran = await h.newPage();
    await startWorkshop(fran, h.server, "Model X pre-deployment review", "Fran Facilitator");
    const observerLink = await invite(fran, "observer", "Auditors");
    const expertLink = await invite(fran, "expert", "Panel");
    const olga = await h.newPage();
    await join(olga, observerLink, "Olga Observer");
    const eli = await h.newPage();
    await join(eli, expertLink, "Eli Expert");
    await Promise.all([waitConnected(fran), waitConnected(olga), waitConnected(eli)]);

    // The expert's room has no entry for it (the server refuses them too); by its address, a notice.
    expect(await eli.getByRole("link", { name: "Audit", exact: true }).count()).toBe(0);
    await eli.goto(`${eli.url()}/audit`);
    const refused = eli.getByRole("region", { name: "Audit trail" });
    await expect
      .poll(() => refused.textContent(), poll)
      .toContain("Only facilitators and observers see the audit trail.");
    expect(await refused.getByRole("table").count()).toBe(0);

    await fran.getByRole("link", { name: "Audit", exact: true }).click();
    const region = fran.getByRole("region", { name: "Audit trail" });
    await region.waitFor();
    const rows = region.getByRole("row");
    // Header, the workshop, two invites and the two joins.
    await expect.poll(() => rows.count(), poll).toBeGreaterThanOrEqual(6);
    await expect
      .poll(() => region.getByRole("rowheader", { name: "Created the workshop" }).count(), poll)
      .toBe(1);
    const joined = region.getByRole("row", { name: /Olga Observer.*Joined/ });
    await expect.poll(() => joined.count(), poll).toBe(1);

    // Keyboard: Enter on "Verify the chain" runs it and the result is announced; Tab moves on.
    const verify = region.getByRole("button", { name: "Verify the chain" });
    await verify.focus();
    await fran.keyboard.press("Enter");
    await expect
      .poll(() => region.getByRole("status").textContent(), poll)
      .toMatch(/^The chain holds: \d+ entries/);
    await readmeScreenshot(fran, "audit.png");
    await fran.keyboard.press("Tab");
    expect(await fran.evaluate(() => document.activeElement?.textContent)).toBe("Refresh");

    expect(await seriousViolations(fran)).toEqual([]);

    // The observer opens it too.
    await olga.getByRole("link", { name: "Audit", exact: true }).click();
    const theirs = olga.getByRole("region", { name: "Audit trail" });
    await expect
      .poll(() => theirs.getByRole("rowheader", { name: "Created the workshop" }).count(), poll)
      .toBe(1);
    expect(await seriousViolations(olga)).toEqual([]);
  }, 120_000);
});
