/**
 * What every browser test needs: the client built once (several test files run at the same time,
 * so building is serialised with a lock directory), the real server in-process on a random port,
 * Debian's Chromium, and the pages a workshop is started, joined and opened with.
 */
import { mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { clientDist, ensureClientBuilt, projectRoot } from "../../server/scripts/clientBuild";
import { startTestServer, type TestServer } from "../helpers/testServer";

export const CHROMIUM = "/usr/bin/chromium";
export const VIEWPORT = { width: 1280, height: 800 };
const SCREENSHOTS = path.join(import.meta.dirname, "screenshots");

/**
 * Saves one of the README's pictures, only under `npm run screenshots` (RISKROOM_SCREENSHOTS=1):
 * an ordinary test run never rewrites tracked files, so a fresh clone stays clean after `npm test`.
 */
export async function readmeScreenshot(
  target: { screenshot(options: { path: string }): Promise<unknown> },
  name: string,
): Promise<void> {
  if (process.env.RISKROOM_SCREENSHOTS !== "1") return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await target.screenshot({ path: path.join(SCREENSHOTS, name) });
}

const LOCK = path.join(projectRoot, "dist", ".client-build.lock");

/** Builds the client unless another test file is doing it; then finds it fresh and skips. */
async function buildClientOnce(): Promise<void> {
  mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than two minutes belongs to a run that died mid-build.
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) rmSync(LOCK, { recursive: true, force: true });
      // Waiting on another process's build: polling a lock, not pacing the test.
      else await delay(200);
    }
  }
  try {
    await ensureClientBuilt();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface Harness {
  server: TestServer;
  browser: Browser;
  /** A fresh browser profile (its own localStorage and IndexedDB, so its own session), with the test flag set. */
  newContext(): Promise<BrowserContext>;
  newPage(context?: BrowserContext): Promise<Page>;
  /** Closes the contexts opened since the last call. */
  closeContexts(): Promise<void>;
  /** Console messages of Content-Security-Policy violations since the last call (they should be none). */
  takeCspViolations(): string[];
  close(): Promise<void>;
}

/** `env`: more of the server's configuration, e.g. a create token. */
export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  await buildClientOnce();
  const server = await startTestServer({ ...env, CLIENT_DIR: clientDist });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
  const contexts: BrowserContext[] = [];
  const cspViolations: string[] = [];
  const newContext = async () => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    // Chromium reports every blocked script, style, image or connection on the console.
    context.on("console", (msg) => {
      if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
    });
    // Exposes the live documents on window.__riskroom (see client/sync/testHandle.ts).
    await context.addInitScript(() => localStorage.setItem("riskroom.e2e", "1"));
    contexts.push(context);
    return context;
  };
  return {
    server,
    browser,
    newContext,
    newPage: async (context) => (context ?? (await newContext())).newPage(),
    async closeContexts() {
      for (const context of contexts.splice(0)) await context.close();
    },
    takeCspViolations: () => cspViolations.splice(0),
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * One harness for the enclosing describe block: started before its tests, each test's browser
 * contexts closed after it, everything closed at the end. Used before it starts, it throws.
 */
export function harnessForSuite(env: Record<string, string> = {}): Harness {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness(env);
  }, 180_000);
  afterEach(async () => {
    await h?.closeContexts();
    // The app must work under its own CSP: a violation is a failure of the test that caused it.
    expect(h?.takeCspViolations() ?? []).toEqual([]);
  });
  afterAll(async () => h?.close());
  const get = (): Harness => {
    if (!h) throw new Error("the browser harness has not started");
    return h;
  };
  return {
    get server() {
      return get().server;
    },
    get browser() {
      return get().browser;
    },
    newContext: () => get().newContext(),
    newPage: (context) => get().newPage(context),
    closeContexts: () => get().closeContexts(),
    takeCspViolations: () => get().takeCspViolations(),
    close: () => get().close(),
  };
}

/** Starts a workshop from the start page; the page lands in its room as the facilitator. */
export async function startWorkshop(
  page: Page,
  server: TestServer,
  title: string,
  name: string,
): Promise<void> {
  await page.goto(`${server.url}/`);
  await page.getByLabel("Workshop title").fill(title);
  await page.getByLabel("Model / subject").fill("Model X, agentic coding release");
  await page.getByLabel("Your name").fill(name);
  await page.getByRole("button", { name: "Create workshop" }).click();
  await page.waitForURL(/\/w\/[A-Za-z0-9_-]{16}$/);
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
}

/** Makes an invite in the facilitator's People drawer and returns its link; the drawer is closed after. */
export async function invite(page: Page, role: "expert" | "observer" | "facilitator", label: string) {
  await page.getByRole("button", { name: /^People/ }).click();
  const drawer = page.getByRole("dialog", { name: "People" });
  await drawer.getByLabel("Role").selectOption(role);
  await drawer.getByLabel("Label").fill(label);
  await drawer.getByRole("button", { name: "Create invite link" }).click();
  const link = drawer.getByLabel(new RegExp(`New ${role} invite link`));
  await link.waitFor();
  const url = await link.inputValue();
  await drawer.getByRole("button", { name: "Close" }).click();
  return url;
}

/** Joins by an invite link and waits for the room. */
export async function join(page: Page, inviteUrl: string, name: string): Promise<void> {
  await page.goto(inviteUrl);
  await page.getByLabel("Your name").fill(name);
  await page.getByRole("button", { name: "Join workshop" }).click();
  await page.waitForURL(/\/w\/[A-Za-z0-9_-]{16}/);
}

/** Both documents connected and synced, as the header's badges say. */
export async function waitConnected(page: Page): Promise<void> {
  await page.locator(".conn-status[data-state=synced]").nth(1).waitFor();
}

/** Adds a scenario under a risk from the navigation and names it; returns its id. */
export async function addScenario(page: Page, riskTitle: string, title: string): Promise<string> {
  await page.getByRole("button", { name: `+ Add scenario under ${riskTitle}` }).click();
  const titleField = page.getByLabel("Scenario title");
  await titleField.waitFor();
  await titleField.fill(title);
  const match = /\/scenarios\/([^/]+)$/.exec(page.url());
  if (!match?.[1]) throw new Error(`not on a scenario: ${page.url()}`);
  return decodeURIComponent(match[1]);
}

export const narrative = (page: Page) => page.getByRole("textbox", { name: "Narrative" });
/** The narrative's text, paragraph by paragraph, without the name labels of other people's carets. */
export const narrativeText = (page: Page) =>
  narrative(page).evaluate((editor) => {
    const copy = editor.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
    return [...copy.children].map((block) => block.textContent).join("\n");
  });

/** The editor's own selection, read from the Tiptap editor its element carries. */
const editorCaret = (page: Page) =>
  narrative(page).evaluate((element) => {
    type Carrier = {
      editor?: { state: { selection: { from: number }; doc: { content: { size: number } } } };
    };
    const state = (element as unknown as Carrier).editor?.state;
    return state ? { at: state.selection.from, end: state.doc.content.size - 1 } : null;
  });

/**
 * Puts the caret at the narrative's start or end with a click on that corner of its first or last
 * paragraph, then waits until the editor has taken the click in (a key pressed sooner would apply
 * at the old selection: ProseMirror reads a click's selection from the browser's next
 * selectionchange event, which input events can overtake).
 */
export async function caretAt(page: Page, where: "start" | "end"): Promise<void> {
  const blocks = narrative(page).locator(":scope > *");
  const block = where === "start" ? blocks.first() : blocks.last();
  await block.scrollIntoViewIfNeeded();
  const box = await block.boundingBox();
  if (!box) throw new Error("the narrative has no paragraph to click");
  if (where === "start") await page.mouse.click(box.x + 1, box.y + 2);
  else await page.mouse.click(box.x + box.width - 2, box.y + box.height - 2);
  await expect
    .poll(
      async () => {
        const caret = await editorCaret(page);
        return caret && (where === "start" ? caret.at === 1 : caret.at === caret.end);
      },
      { timeout: 10_000, interval: 50 },
    )
    .toBe(true);
}
