/**
 * Exports over the real server, of the demo workshop (seeded once through the REST API and the
 * y-websocket client; these tests only read it).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auroraSpec } from "../../server/demo/aurora";
import { type SeededWorkshop, seedWorkshop } from "../../server/demo/seed";
import { REGISTER_COLUMNS } from "../../server/export/csv";
import type { SnapshotEntry } from "../../shared/snapshot";
import { type WorkshopExport, workshopExportSchema } from "../../shared/workshopExport";
import { call, workshopWith } from "../helpers/api";
import { startTestServer, type TestServer } from "../helpers/testServer";
import { parseCsv } from "../unit/exportCsvReader";

let server: TestServer;
let demo: SeededWorkshop;
let snapshots: SnapshotEntry[];

beforeAll(async () => {
  server = await startTestServer();
  demo = await seedWorkshop(server.url, auroraSpec);
  const listed = await call<{ snapshots: SnapshotEntry[] }>(
    server.url,
    "GET",
    `/workshops/${demo.workshopId}/snapshots`,
    { token: demo.facilitator.token },
  );
  snapshots = listed.body.snapshots;
});
afterAll(async () => {
  await server.close();
});

async function download(query: string, token = demo.facilitator.token, workshopId = demo.workshopId) {
  const res = await fetch(`${server.url}/api/workshops/${workshopId}/export${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const TYPES = {
  json: "application/json; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8; header=present",
  html: "text/html; charset=utf-8",
} as const;

describe("exports of a workshop", () => {
  it("downloads each format of the current state with its media type and a filename", async () => {
    for (const [format, type] of Object.entries(TYPES)) {
      const res = await download(`?format=${format}`);
      expect(res.status, format).toBe(200);
      expect(res.headers.get("content-type")).toBe(type);
      expect(res.headers.get("content-disposition")).toMatch(
        new RegExp(
          `^attachment; filename="riskroom-aurora-2-pre-deployment-systemic-risk-\\d{4}-\\d{2}-\\d{2}\\.${format}"$`,
        ),
      );
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    }
    expect((await download("")).headers.get("content-type")).toBe(TYPES.json);
    const html = await download("?format=html");
    expect(html.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(html.text).toMatch(/^<!doctype html>/);
    expect(html.text.match(/<section class="risk">/g)).toHaveLength(4);
    expect(html.text.match(/<svg /g)!.length).toBe(1 + auroraSpec.scenarios.length);
    const md = await download("?format=md");
    expect(md.text).toMatch(/^# Safety and Security Model Report: Aurora-2/);
    for (const heading of [
      "## 2. Participants",
      "### 3.1 Lock and changes",
      "### 3.6 Tier ladders",
      "### 5.2 Determinations",
    ])
      expect(md.text).toContain(heading);
    const csv = parseCsv((await download("?format=csv")).text);
    expect(csv[0]).toEqual([...REGISTER_COLUMNS]);
    expect(csv).toHaveLength(1 + auroraSpec.scenarios.length);
  });

  it("holds the whole record in JSON: framework and lock history, rounds, determinations, verdict, history", async () => {
    const res = await download("?format=json");
    const exp = workshopExportSchema.parse(JSON.parse(res.text)) as WorkshopExport;
    const framework = await call<{ lock: { hash: string } }>(
      server.url,
      "GET",
      `/workshops/${demo.workshopId}/framework`,
      { token: demo.facilitator.token },
    );
    expect(exp.source).toEqual({ kind: "live" });
    expect(exp.lock?.hash).toBe(framework.body.lock.hash);
    expect(exp.unlocks).toHaveLength(1);
    expect(exp.unlocks[0]).toMatchObject({
      justification: auroraSpec.relock!.justification,
      hashAfter: exp.lock!.hash,
    });
    expect(exp.participants.map((p) => p.role).sort()).toEqual([
      "expert",
      "expert",
      "expert",
      "facilitator",
      "observer",
    ]);
    expect(exp.rounds.map((r) => [r.number, r.kind, r.anonymous, r.revealed !== null])).toEqual([
      [1, "pre", false, true],
      [2, "pre", true, true],
      [3, "residual", false, true],
    ]);
    expect(exp.rounds[1]!.revealed!.estimates["sc-bio-novice"]!.map((e) => e.who)).toEqual([
      "Expert A",
      "Expert B",
      "Expert C",
    ]);
    expect(exp.determinations.map((d) => d.riskId).sort()).toEqual(
      auroraSpec.determinations.map((d) => d.riskId).sort(),
    );
    expect(exp.verdict?.verdict).toBe("acceptable");
    expect(exp.content.scenarios.map((s) => s.id)).toEqual(auroraSpec.scenarios.map((s) => s.id));
    expect(exp.content.scenarios[0]!.narrativeMarkdown).toContain("**troubleshooting, not design**");
    expect(exp.snapshots.map((s) => [s.label, s.verified])).toEqual([
      ["Round 1 revealed", true],
      ["Round 2 revealed", true],
      ["Round 3 revealed", true],
      ["Model report sign-off", true],
    ]);
    // The history moves: the pooled estimate changed between the snapshots, and the residual appears in the third.
    const bio = exp.history.find((h) => h.scenarioId === "sc-bio-novice")!.points;
    expect(bio.map((p) => p.label)).toEqual(exp.snapshots.map((s) => s.label));
    expect(bio[0]!.pre!.best).not.toBeCloseTo(bio[1]!.pre!.best, 6);
    expect(bio.map((p) => p.residual === null)).toEqual([true, true, false, false]);
    expect(bio[2]!.residual!.best).toBeLessThan(bio[2]!.pre!.best);
  });

  it("exports a snapshot as it was, in every format, though the workshop moved on", async () => {
    const first = snapshots.find((s) => s.label === "Round 1 revealed")!;
    for (const [format, type] of Object.entries(TYPES)) {
      const res = await download(`?format=${format}&snapshot=${first.id}`);
      expect(res.status, format).toBe(200);
      expect(res.headers.get("content-type")).toBe(type);
      expect(res.headers.get("content-disposition")).toMatch(/-snapshot-round-1-revealed\.\w+"$/);
    }
    const exp = workshopExportSchema.parse(JSON.parse((await download(`?snapshot=${first.id}`)).text));
    expect(exp.source).toMatchObject({
      kind: "snapshot",
      snapshotId: first.id,
      label: first.label,
      sha256: first.sha256,
    });
    expect(exp.rounds).toHaveLength(1);
    expect(exp.content.mitigations).toEqual([]);
    expect(exp.determinations).toEqual([]);
    expect(exp.verdict).toBeNull();
    expect(exp.snapshots.map((s) => s.id)).toEqual([first.id]);
    expect(exp.history.every((h) => h.points.length === 1)).toBe(true);
    const md = await download(`?format=md&snapshot=${first.id}`);
    expect(md.text).toContain("snapshot “Round 1 revealed”");
    expect(md.text).toContain("Not yet recorded.");
  });

  it("lets observers export, and refuses sessions of other workshops", async () => {
    expect((await download("?format=md", demo.observers[0]!.token)).status).toBe(200);
    expect((await download("?format=csv", demo.experts[1]!.token)).status).toBe(200);
    const other = await workshopWith(server.url, ["observer"]);
    const foreign = await download("?format=json", other.people[0]!.token);
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.text)).toMatchObject({ error: { code: "forbidden" } });
    expect((await download("?format=json", other.facilitator)).status).toBe(403);
    expect((await download("?format=json", "not-a-token")).status).toBe(401);
    const missing = await download("", demo.facilitator.token, "AAAAAAAAAAAAAAAA");
    expect(missing.status).toBe(404);
  });

  it("answers a bad format, an unknown snapshot or an unknown parameter with the error shape", async () => {
    const bad = await download("?format=pdf");
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toMatchObject({
      error: { code: "invalid_input", fields: { format: [expect.any(String)] } },
    });
    const unknown = await download("?format=md&snapshot=AAAAAAAAAAAAAAAA");
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text)).toMatchObject({
      error: { code: "not_found", message: "snapshot not found" },
    });
    const typo = await download("?fromat=md");
    expect(typo.status).toBe(400);
    expect(Object.keys(JSON.parse(typo.text).error.fields)).toEqual(["(query)"]);
    const res = await call(server.url, "POST", `/workshops/${demo.workshopId}/export`, {
      token: demo.facilitator.token,
    });
    expect(res.status).toBe(404);
  });
});
