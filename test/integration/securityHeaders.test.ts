/**
 * Security headers: every page carries a CSP without inline scripts, refuses framing, sniffing and
 * referrers; API answers are nosniff too; the HTML export keeps its own stricter policy.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workshopWith } from "../helpers/api";
import { startTestServer, type TestServer } from "../helpers/testServer";

let server: TestServer;
let clientDir: string;

beforeAll(async () => {
  clientDir = mkdtempSync(path.join(tmpdir(), "riskroom-client-"));
  writeFileSync(
    path.join(clientDir, "index.html"),
    '<!doctype html><html><head><script type="module" src="/app.js"></script></head><body></body></html>',
  );
  writeFileSync(path.join(clientDir, "app.js"), "console.log('app');");
  server = await startTestServer({ CLIENT_DIR: clientDir });
});
afterAll(async () => {
  await server.close();
  rmSync(clientDir, { recursive: true, force: true });
});

function directives(csp: string | null): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of (csp ?? "").split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name, values);
  }
  return out;
}

describe("security headers", () => {
  it("puts a CSP without inline scripts, no framing, nosniff and no-referrer on every page", async () => {
    // An attacker page framing the room, or an injected inline script, is what these forbid.
    for (const route of ["/", "/join", "/w/some-workshop", "/app.js"]) {
      const res = await fetch(`${server.url}${route}`);
      expect(res.status, route).toBe(200);
      const csp = directives(res.headers.get("content-security-policy"));
      expect(csp.get("script-src"), route).toEqual(["'self'"]);
      expect(csp.get("default-src"), route).toEqual(["'self'"]);
      expect(csp.get("frame-ancestors"), route).toEqual(["'none'"]);
      expect(csp.get("object-src"), route).toEqual(["'none'"]);
      expect(res.headers.get("x-content-type-options"), route).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), route).toBe("no-referrer");
      expect(res.headers.get("x-frame-options"), route).toBe("DENY");
      await res.arrayBuffer();
    }
  });

  it("marks API answers nosniff, errors included, and keeps the HTML export's own policy", async () => {
    const unauth = await fetch(`${server.url}/api/me`);
    expect(unauth.status).toBe(401);
    expect(unauth.headers.get("x-content-type-options")).toBe("nosniff");
    await unauth.json();
    const { workshopId, facilitator } = await workshopWith(server.url, []);
    const me = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${facilitator}` } });
    expect(me.headers.get("x-content-type-options")).toBe("nosniff");
    await me.json();
    const report = await fetch(`${server.url}/api/workshops/${workshopId}/export?format=html`, {
      headers: { authorization: `Bearer ${facilitator}` },
    });
    expect(report.status).toBe(200);
    expect(report.headers.get("content-security-policy")).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    );
    await report.text();
  });
});
