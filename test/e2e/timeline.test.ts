/**
 * Tier-timeline forecasts in the room: the facilitator opens a timeline round from the rounds view,
 * two experts forecast (through the API: the blind estimate form has its own browser test), the
 * facilitator reveals, and the pooled forecast is drawn as a chart. Axe-clean.
 */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { auroraSpec } from "../../server/demo/aurora";
import { seedWorkshop } from "../../server/demo/seed";
import type { TimelineRoundView } from "../../shared/timeline";
import { call } from "../helpers/api";
import { seriousViolations } from "./axe";
import { CHROMIUM, harnessForSuite, join, readmeScreenshot, waitConnected } from "./harness";

const poll = { timeout: 15_000, interval: 100 };

describe.skipIf(!existsSync(CHROMIUM))("tier-timeline forecasts in the room", () => {
  const h = harnessForSuite();

  it("opens a timeline round, reveals the experts' forecasts and draws the pooled forecast", async () => {
    const seeded = await seedWorkshop(h.server.url, auroraSpec);
    const route = `/workshops/${seeded.workshopId}`;
    const { body: link } = await call<{ url: string }>(h.server.url, "POST", `${route}/invites`, {
      token: seeded.facilitator.token,
      body: { role: "facilitator", label: "Second facilitator" },
    });
    const fran = await h.newPage();
    await join(fran, link.url, "Fran Facilitator");
    await waitConnected(fran);
    await fran.getByRole("link", { name: "Estimation rounds" }).click();

    const form = fran.getByRole("form", { name: "Open a timeline round" });
    await form.getByRole("button", { name: "Open timeline round" }).click();
    await fran.getByRole("button", { name: "Reveal forecasts" }).waitFor(poll);

    const { body } = await call<{ rounds: TimelineRoundView[] }>(h.server.url, "GET", `${route}/timelines`, {
      token: seeded.facilitator.token,
    });
    const round = body.rounds[0]!;
    const riskId = round.riskIds[0]!;
    for (const [i, expert] of seeded.experts.slice(0, 2).entries()) {
      const res = await call(h.server.url, "POST", `${route}/timelines/${round.id}/forecasts`, {
        token: expert.token,
        body: {
          riskId,
          p10: `203${i}-01-01`,
          p50: `203${i + 2}-01-01`,
          p90: `204${i}-01-01`,
          assumptions: "Compute keeps doubling",
        },
      });
      expect(res.status).toBe(201);
    }
    await expect.poll(() => fran.getByText(/Submitted: .+, .+/).count(), poll).toBeGreaterThan(0);
    await fran.getByRole("button", { name: "Reveal forecasts" }).click();
    const chart = fran.getByRole("img", { name: /^Timeline forecast for / }).first();
    await chart.waitFor(poll);
    await expect.poll(() => fran.getByText(/Pooled \(2 experts, quantile average\)/).count(), poll).toBe(1);
    // The round's other risks, which nobody forecast, say so rather than stand empty.
    await expect
      .poll(() => fran.getByText("No expert forecast this risk in this round.").count(), poll)
      .toBe(round.riskIds.length - 1);
    expect(await seriousViolations(fran)).toEqual([]);
    await chart.scrollIntoViewIfNeeded();
    await readmeScreenshot(fran, "timeline.png");
  });
});
