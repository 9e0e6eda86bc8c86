/**
 * `npm run export` offline: the same export as the API from the data directory alone, with or
 * without the server running, and never a byte written into the data directory.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auroraSpec } from "../../server/demo/aurora";
import { type SeededWorkshop, seedWorkshop } from "../../server/demo/seed";
import type { WorkshopExport } from "../../shared/workshopExport";
import { startTestServer, type TestServer } from "../helpers/testServer";

const tsx = createRequire(import.meta.url).resolve("tsx/cli");
const script = path.resolve("server/scripts/export.ts");

let server: TestServer;
let demo: SeededWorkshop;
let outDir: string;

beforeAll(async () => {
  server = await startTestServer();
  demo = await seedWorkshop(server.url, auroraSpec);
  outDir = mkdtempSync(path.join(tmpdir(), "riskroom-export-out-"));
});
afterAll(async () => {
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
});

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [tsx, script, "--data", server.dataDir, ...args],
      // On PostgreSQL, the command reads the server's database, as an operator's would.
      {
        maxBuffer: 64 << 20,
        env: { ...process.env, ...(server.databaseUrl ? { DATABASE_URL: server.databaseUrl } : {}) },
      },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function api(format: string, query = "") {
  const res = await fetch(`${server.url}/api/workshops/${demo.workshopId}/export?format=${format}${query}`, {
    headers: { authorization: `Bearer ${demo.facilitator.token}` },
  });
  return res.text();
}

/** Every file under the directory with its size and modification time. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const file = path.join(e.parentPath, e.name);
      const s = statSync(file);
      return `${path.relative(dir, file)} ${s.size} ${s.mtimeMs}`;
    })
    .sort();
}

/** The export without its time and its audit trail, which grows with each download (checked apart). */
const withoutTime = (json: string) => {
  const { exportedAt: _t, audit: _a, ...rest } = JSON.parse(json) as WorkshopExport;
  return rest;
};

describe("npm run export", () => {
  it("gives what the API gives, while the server runs and after it stopped, and writes nothing into the data", async () => {
    const snapshotId = (JSON.parse(await api("json")) as WorkshopExport).snapshots[0]!.id;
    const fromApi = {
      json: await api("json"),
      csv: await api("csv"),
      snapshot: await api("json", `&snapshot=${snapshotId}`),
    };
    const running = await cli("--workshop", demo.workshopId, "--format", "json");
    expect(running.code, running.stderr).toBe(0);
    expect(withoutTime(running.stdout)).toEqual(withoutTime(fromApi.json));
    // The operator's export carries the whole audit trail, the API's downloads included.
    const trail = (JSON.parse(running.stdout) as WorkshopExport).audit ?? [];
    const apiTrail = (JSON.parse(fromApi.json) as WorkshopExport).audit ?? [];
    expect(trail.slice(0, apiTrail.length)).toEqual(apiTrail);
    expect(trail.slice(apiTrail.length).map((e) => e.action)).toEqual(Array(3).fill("export.download"));

    await server.stop();
    const before = listing(server.dataDir);
    const json = await cli("--workshop", demo.workshopId, "--format", "json");
    expect(withoutTime(json.stdout)).toEqual(withoutTime(fromApi.json));
    const csv = await cli("--workshop", demo.workshopId, "--format", "csv");
    expect(csv.stdout).toBe(fromApi.csv);
    const snapshot = await cli("--workshop", demo.workshopId, "--snapshot", snapshotId, "--format", "json");
    expect(withoutTime(snapshot.stdout)).toEqual(withoutTime(fromApi.snapshot));
    const out = path.join(outDir, "report.md");
    const md = await cli("--workshop", demo.workshopId, "--format", "md", "--out", out);
    expect(md.code, md.stderr).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^# Safety and Security Model Report: Aurora-2/);
    const html = await cli("--workshop", demo.workshopId, "--format", "html");
    expect(html.stdout).toMatch(/^<!doctype html>/);
    const list = await cli("--list");
    expect(list.stdout).toContain(`${demo.workshopId}  `);
    expect(list.stdout).toContain("4 snapshot(s)  Aurora-2 pre-deployment systemic risk assessment");
    expect(listing(server.dataDir)).toEqual(before);
  }, 90_000);

  it("explains what is wrong, and refuses to write into the data directory", async () => {
    const unknown = await cli("--workshop", "AAAAAAAAAAAAAAAA", "--format", "md");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("error: workshop not found (not_found)");
    const snapshot = await cli("--workshop", demo.workshopId, "--snapshot", "AAAAAAAAAAAAAAAA");
    expect(snapshot.code).toBe(1);
    expect(snapshot.stderr).toContain("snapshot not found");
    const format = await cli("--workshop", demo.workshopId, "--format", "pdf");
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("usage:");
    const inside = path.join(server.dataDir, "report.md");
    const refused = await cli("--workshop", demo.workshopId, "--out", inside);
    expect(refused.code).toBe(2);
    expect(existsSync(inside)).toBe(false);
    const empty = mkdtempSync(path.join(tmpdir(), "riskroom-empty-"));
    try {
      const noData = await new Promise<{ code: number; stderr: string }>((resolve) =>
        execFile(process.execPath, [tsx, script, "--data", empty, "--list"], (err, _o, stderr) =>
          resolve({ code: err ? 1 : 0, stderr }),
        ),
      );
      expect(noData.code).toBe(1);
      expect(noData.stderr).toContain("holds no Riskroom data");
      expect(readdirSync(empty)).toEqual([]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  }, 90_000);
});
