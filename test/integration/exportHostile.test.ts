/**
 * Hostile content through the full path: written by participants over the API and the y-websocket
 * client, downloaded in every format, imported again. And a snapshot altered on disk.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auroraSpec } from "../../server/demo/aurora";
import { type SeededWorkshop, seedWorkshop } from "../../server/demo/seed";
import { doc, para, type SeedSpec } from "../../server/demo/spec";
import { REGISTER_COLUMNS } from "../../server/export/csv";
import type { ImportWorkshopResponse, WorkshopExport } from "../../shared/workshopExport";
import { call } from "../helpers/api";
import { tamperSnapshot } from "../helpers/snapshots";
import { startTestServer, type TestServer } from "../helpers/testServer";
import { parseCsv } from "../unit/exportCsvReader";

const H = {
  script: "<script>alert(1)</script>",
  formula: "=cmd|' /C calc'!A0",
  quotes: `He said "no", then 'yes'`,
  lines: "first line\nsecond, line\nthird",
  emoji: "Risk 🚀 ☢️ 👩🏽‍🔬",
  link: "[link](javascript:alert(1))",
};
const ALL = Object.values(H).join(" ");

function hostileSpec(): SeedSpec {
  const [first, second, ...rest] = auroraSpec.scenarios;
  return {
    ...auroraSpec,
    title: `${H.script} ${H.formula}`,
    subject: `${H.quotes} ${H.emoji}`,
    experts: ['=HYPERLINK("http://evil.example","x")', "<img src=x onerror=alert(1)>", `"Quote, Comma" 🚀`],
    scenarios: [
      {
        ...first!,
        title: H.formula,
        narrative: doc(
          { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: H.script }] },
          para(
            `${H.link} `,
            { text: "click", marks: ["link"], href: "javascript:alert(1)" },
            ` ${H.emoji} ${H.quotes}`,
          ),
          para("# not a heading"),
        ),
        steps: [{ text: H.lines, uplift: true }],
        evidence: [
          { kind: "red-team", title: H.link, link: 'https://example.org/?q=<x>&y="z"', result: ALL },
        ],
        dissent: [{ expert: 1, text: ALL }],
      },
      { ...second!, title: H.script },
      ...rest,
    ],
    relock: { ...auroraSpec.relock!, justification: ALL },
    rounds: auroraSpec.rounds.map((r) => ({
      ...r,
      estimates: Object.fromEntries(
        Object.entries(r.estimates).map(([id, list]) => [id, list.map((e) => ({ ...e, rationale: ALL }))]),
      ),
    })),
    determinations: auroraSpec.determinations.map((d) => ({ ...d, safetyMargin: ALL, conditions: H.lines })),
    verdict: { verdict: "not-acceptable", justification: ALL },
    finalSnapshot: H.script,
  };
}

let server: TestServer;
let seeded: SeededWorkshop;

beforeAll(async () => {
  server = await startTestServer();
  seeded = await seedWorkshop(server.url, hostileSpec());
});
afterAll(async () => {
  await server.close();
});

async function download(
  format: string,
  query = "",
  workshopId = seeded.workshopId,
  token = seeded.observers[0]!.token,
) {
  const res = await fetch(`${server.url}/api/workshops/${workshopId}/export?format=${format}${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.text();
}

const unescapeMd = (md: string) => md.replace(/\\([!-/:-@[-`{-~])/g, "$1");

describe("hostile content through the whole path", () => {
  it("comes back in JSON exactly as written", async () => {
    const exp = JSON.parse(await download("json")) as WorkshopExport;
    expect(exp.workshop.title).toBe(`${H.script} ${H.formula}`);
    expect(exp.content.scenarios[0]!.title).toBe(H.formula);
    expect(exp.content.scenarios[0]!.steps[0]!.text).toBe(H.lines);
    expect(exp.rounds[0]!.revealed!.estimates[exp.content.scenarios[0]!.id]![0]!.rationale).toBe(ALL);
    expect(exp.participants.map((p) => p.displayName)).toContain("<img src=x onerror=alert(1)>");
    expect(exp.content.scenarios[0]!.narrativeMarkdown).not.toMatch(/(^|[^\\])\]\(javascript:/);
  });

  it("is escaped in the HTML report: nothing runs, links are http(s), the text still reads", async () => {
    const html = await download("html");
    expect(html).not.toMatch(/<script|<img|<[a-z][^>]*\son\w+\s*=/i);
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^https?:\/\//);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("=cmd|&#39; /C calc&#39;!A0");
    expect(html).toContain(H.emoji);
    expect(html).toContain("He said &quot;no&quot;, then &#39;yes&#39;");
  });

  it("is escaped in the Markdown report: no markup, links or table breaks it did not make", async () => {
    const md = await download("md");
    expect(md).not.toMatch(/(^|[^\\])<[a-z/]/im);
    expect(md).not.toMatch(/(^|[^\\])\]\(javascript:/);
    for (const block of md.split(/\n\n/).filter((b) => b.startsWith("| "))) {
      const widths = block
        .trim()
        .split("\n")
        .map((row) => row.split(/(?<!\\)\|/).length);
      expect(new Set(widths).size, block).toBe(1);
    }
    const text = unescapeMd(md);
    for (const s of [H.formula, H.script, H.quotes, H.emoji, H.link, "<img src=x onerror=alert(1)>"])
      expect(text).toContain(s);
    expect(md).toContain("\\# not a heading");
  });

  it("is quoted and neutralised in the CSV register", async () => {
    const rows = parseCsv(await download("csv"));
    expect(rows[0]).toEqual([...REGISTER_COLUMNS]);
    for (const row of rows) expect(row).toHaveLength(REGISTER_COLUMNS.length);
    const col = (name: (typeof REGISTER_COLUMNS)[number]) => REGISTER_COLUMNS.indexOf(name);
    expect(rows[1]![col("scenario")]).toBe(`'${H.formula}`);
    expect(rows[2]![col("scenario")]).toBe(H.script);
    expect(Number(rows[1]![col("p_best")])).toBeGreaterThan(0);
  });

  it("survives an import and comes back the same", async () => {
    const exp = JSON.parse(await download("json")) as WorkshopExport;
    const res = await call<ImportWorkshopResponse>(server.url, "POST", "/workshops/import", {
      body: { export: exp },
    });
    expect(res.status).toBe(201);
    const again = JSON.parse(
      await download("json", "", res.body.workshop.id, res.body.session.token),
    ) as WorkshopExport;
    expect(again.content).toEqual(exp.content);
    expect(again.workshop.title).toBe(exp.workshop.title);
  });
});

describe("a snapshot altered on disk", () => {
  it("is refused on its own and left out of the history, while the rest still exports", async () => {
    const list = await call<{ snapshots: Array<{ id: string; label: string }> }>(
      server.url,
      "GET",
      `/workshops/${seeded.workshopId}/snapshots`,
      { token: seeded.facilitator.token },
    );
    const [, tampered] = list.body.snapshots;
    await tamperSnapshot(server, seeded.workshopId, tampered!.id, "Round 2 revealed", "Round 2 rewritten");

    const refused = await fetch(
      `${server.url}/api/workshops/${seeded.workshopId}/export?format=md&snapshot=${tampered!.id}`,
      {
        headers: { authorization: `Bearer ${seeded.facilitator.token}` },
      },
    );
    expect(refused.status).toBe(500);
    expect(await refused.json()).toMatchObject({ error: { code: "snapshot_corrupt" } });

    const exp = JSON.parse(await download("json")) as WorkshopExport;
    expect(exp.snapshots.map((s) => s.verified)).toEqual([true, false, true, true]);
    expect(exp.history[0]!.points.map((p) => p.snapshotId)).not.toContain(tampered!.id);
    expect(await download("md")).toContain("no: the stored blob does not match its hash");
    await download("html", `&snapshot=${list.body.snapshots[0]!.id}`);
  });
});
