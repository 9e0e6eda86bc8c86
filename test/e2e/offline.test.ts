/**
 * An expert loses the network, keeps working, and comes back: the edits made offline reach the
 * other person, the other person's edits made meanwhile reach the expert, and nothing is lost on
 * either side. A reload shows the room from this device's IndexedDB before the server answers.
 */
import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  addScenario,
  CHROMIUM,
  caretAt,
  harnessForSuite,
  invite,
  join,
  narrativeText,
  startWorkshop,
  waitConnected,
} from "./harness";

const poll = { timeout: 15_000, interval: 100 };
const TITLE = "Agent chains known exploits against a water utility";
const contentState = (page: Page) => page.locator(".conn-status").first().getAttribute("data-state");
const stepTexts = (page: Page) =>
  page
    .getByRole("textbox", { name: /^Step \d+$/ })
    .evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value).sort());

async function addStep(page: Page, text: string): Promise<void> {
  await page.getByRole("button", { name: "+ Add step" }).click();
  await page.keyboard.type(text);
}

// Browser tests need Debian's Chromium (CI installs it); without it they are skipped, not failed.
describe.skipIf(!existsSync(CHROMIUM))("working offline", () => {
  const h = harnessForSuite();

  it("keeps an expert's offline edits and merges them with everyone's on reconnect", async () => {
    const fran = await h.newPage();
    await startWorkshop(fran, h.server, "Model X pre-deployment review", "Fran Facilitator");
    await addScenario(fran, "Cyber offence", TITLE);
    const scenarioUrl = fran.url();
    await caretAt(fran, "start");
    await fran.keyboard.type("The agent scans for exposed control systems.");
    const link = await invite(fran, "expert", "Cyber panel");

    const eliContext = await h.newContext();
    const eli = await h.newPage(eliContext);
    await join(eli, link, "Eli Expert");
    await waitConnected(eli);
    await eli.goto(scenarioUrl);
    await expect.poll(() => narrativeText(eli), poll).toBe("The agent scans for exposed control systems.");

    // The network goes: the room says so at once, and that edits stay on this device.
    const workshopId = new URL(scenarioUrl).pathname.split("/")[2];
    const connects = () =>
      h.server.events.filter((e) => e.type === "onConnect" && e.room === `${workshopId}/content`).length;
    const connectsBefore = connects();
    await eliContext.setOffline(true);
    await expect.poll(() => contentState(eli), poll).toBe("offline");
    await eli.getByText("Your edits are kept on this device").waitFor();

    // Both keep working: Eli offline at the end of the narrative, Fran online at its start.
    await caretAt(eli, "end");
    await eli.keyboard.type(" Eli, offline: it then pivots to the SCADA network.");
    await addStep(eli, "Pivot from IT to OT (written offline)");
    await caretAt(fran, "start");
    await fran.keyboard.type("Fran, online: ");
    await addStep(fran, "Initial access via a phishing email (written online)");
    // Nothing of Eli's has reached Fran while Eli is offline.
    await expect
      .poll(() => stepTexts(fran), poll)
      .toEqual(["Initial access via a phishing email (written online)"]);
    expect(await narrativeText(fran)).not.toContain("offline");

    // The network comes back: both sides end with everything, the same everywhere.
    await eliContext.setOffline(false);
    await expect.poll(() => contentState(eli), poll).toBe("synced");
    // On a new socket: the one from before the outage was closed, nothing went through it meanwhile.
    expect(connects()).toBe(connectsBefore + 1);
    const narrative =
      "Fran, online: The agent scans for exposed control systems. Eli, offline: it then pivots to the SCADA network.";
    const steps = [
      "Initial access via a phishing email (written online)",
      "Pivot from IT to OT (written offline)",
    ];
    for (const page of [fran, eli]) {
      await expect.poll(() => narrativeText(page), poll).toBe(narrative);
      await expect.poll(() => stepTexts(page), poll).toEqual(steps);
    }

    // A reload shows this device's copy before the server answers (here it never does).
    await eli.routeWebSocket(/\/ws\//, () => {
      // Accept the socket and say nothing: the room must not wait for the server to show the content.
    });
    await eli.reload();
    await eli.getByLabel("Scenario title").waitFor();
    expect(await eli.getByLabel("Scenario title").inputValue()).toBe(TITLE);
    await expect.poll(() => narrativeText(eli), poll).toBe(narrative);
    expect(await stepTexts(eli)).toEqual(steps);
    expect(await contentState(eli)).not.toBe("synced");
  }, 90_000);
});
