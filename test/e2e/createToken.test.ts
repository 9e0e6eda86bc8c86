/** On a server with a create token, the start page asks for it once the server says so, and works with it. */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CHROMIUM, harnessForSuite } from "./harness";

const TOKEN = "s3cret-create-token";

describe.skipIf(!existsSync(CHROMIUM))("starting a workshop on a server with a create token", () => {
  const h = harnessForSuite({ RISKROOM_CREATE_TOKEN: TOKEN });

  it("asks for the token after the server refuses, refuses a wrong one, and starts the workshop with it", async () => {
    const page = await h.newPage();
    await page.goto(`${h.server.url}/`);
    await page.getByLabel("Workshop title").fill("Guarded review");
    await page.getByLabel("Your name").fill("Fran Facilitator");
    expect(await page.getByLabel("Create token").count()).toBe(0);
    await page.getByRole("button", { name: "Create workshop" }).click();
    await page.getByLabel("Create token").waitFor();
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/create token/);

    await page.getByLabel("Create token").fill("wrong");
    await page.getByRole("button", { name: "Create workshop" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/create token/);
    expect(page.url()).toBe(`${h.server.url}/`);

    await page.getByLabel("Create token").fill(TOKEN);
    await page.getByRole("button", { name: "Create workshop" }).click();
    await page.waitForURL(/\/w\/[A-Za-z0-9_-]{16}$/);
    await page.getByRole("heading", { level: 1, name: "Guarded review" }).waitFor();
    // The token was for that one request: the browser does not keep it.
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(TOKEN);
  }, 60_000);
});
