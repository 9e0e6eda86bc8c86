import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { REGISTER_COLUMNS, renderCsv } from "../../server/export/csv";
import { exportFilename } from "../../server/export/files";
import { renderHtml } from "../../server/export/htmlReport";
import { renderMarkdown } from "../../server/export/markdownReport";
import { narrativeToMarkdown } from "../../server/export/narrativeMarkdown";
import { writeContent } from "../../server/services/contentWriter";
import { readContent, seedSpecifiedRisks } from "../../shared/content";
import { aggregateEstimates } from "../../shared/estimation/aggregate";
import { defaultFramework } from "../../shared/estimation/framework";
import { type WorkshopExport, workshopExportSchema } from "../../shared/workshopExport";
import { parseCsv } from "./exportCsvReader";

const H = {
  script: "<script>alert(1)</script>",
  formula: "=cmd|' /C calc'!A0",
  quotes: `He said "no", then 'yes'`,
  lines: "first line\nsecond, line\r\nthird",
  emoji: "Risk 🚀 ☢️ 👩🏽‍🔬",
  link: "[link](javascript:alert(1))",
};
const ALL = Object.values(H).join(" ");
const T = "2026-01-02T03:04:05.000Z";
const HASH = "a".repeat(64);

function hostileExport(): WorkshopExport {
  const framework = defaultFramework();
  const estimates = [0.002, 0.01, 0.04].map((best, i) => ({
    probability: { low: best / 2, best, high: best * 2 },
    severity: { levelId: "critical" },
    confidence: "medium" as const,
    rationale: ALL,
    who: i === 0 ? H.script : `Expert ${i}`,
  }));
  const aggregate = aggregateEstimates(estimates, framework)!;
  const narrative = {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: H.script }] },
      {
        type: "paragraph",
        content: [
          { type: "text", text: `${H.link} ` },
          { type: "text", text: "click", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] },
          { type: "text", text: ` ${H.emoji}`, marks: [{ type: "bold" }] },
        ],
      },
    ],
  };
  return workshopExportSchema.parse({
    schema: "riskroom.workshop/v1",
    exportedAt: T,
    source: { kind: "live" },
    workshop: { id: "W".repeat(16), title: `${H.script} ${H.formula}`, subject: H.quotes, createdAt: T },
    participants: [
      { id: "p1", displayName: H.script, role: "facilitator", joinedAt: T },
      { id: "p2", displayName: '=HYPERLINK("http://evil.example")', role: "expert", joinedAt: T },
    ],
    framework,
    lock: { lockedAt: T, lockedBy: H.formula, hash: HASH },
    unlocks: [{ at: T, by: H.script, justification: ALL, hashBefore: HASH, hashAfter: HASH }],
    content: {
      risks: [{ id: "cbrn", title: "CBRN", description: ALL, specified: true, order: 1 }],
      actors: [{ id: "a1", name: H.formula, resources: H.lines, intent: H.script, order: 1 }],
      sources: [{ id: "s1", name: H.quotes, order: 1 }],
      safeguards: [{ id: "g1", name: H.link, order: 1 }],
      scenarios: [
        {
          id: "sc1",
          riskId: "cbrn",
          title: H.formula,
          actorIds: ["a1"],
          sourceIds: ["s1"],
          steps: [{ id: "st1", text: H.lines, actorId: "a1", uplift: true, safeguardIds: ["g1"] }],
          evidence: [
            { id: "e1", title: H.link, link: 'https://example.org/?q=<x>&y="z"', result: ALL, note: H.lines },
          ],
          dissent: [{ id: "d1", participantId: "p2", name: H.quotes, at: T, text: ALL }],
          narrative,
          narrativeMarkdown: narrativeToMarkdown(narrative),
          order: 1,
        },
        { id: "sc2", riskId: "gone", title: H.script, order: 2 },
      ],
      mitigations: [
        { id: "m1", title: H.formula, owner: H.quotes, description: ALL, scenarioIds: ["sc1"], order: 1 },
      ],
    },
    rounds: [
      {
        id: "r1",
        number: 1,
        kind: "pre",
        anonymous: false,
        state: "revealed",
        openedAt: T,
        revealedAt: T,
        scenarioIds: ["sc1"],
        submissions: { sc1: 3 },
        revealed: { estimates: { sc1: estimates }, aggregates: { sc1: aggregate } },
      },
    ],
    determinations: [
      {
        riskId: "cbrn",
        tierId: "cbrn-2",
        safetyMargin: ALL,
        marginReasons: H.lines,
        conditions: H.formula,
        verdict: "acceptable",
        evidenceScenarioIds: ["sc1"],
        needsHigherTier: false,
        by: H.script,
        at: T,
        dissent: [{ participantId: "p2", name: H.formula, at: T, text: ALL }],
      },
    ],
    verdict: { verdict: "not-acceptable", justification: ALL, by: H.script, at: T },
    snapshots: [
      {
        id: "snap1",
        label: H.script,
        takenAt: T,
        takenBy: H.formula,
        auto: false,
        sha256: HASH,
        bytes: 10,
        verified: true,
      },
    ],
    history: [
      {
        scenarioId: "sc1",
        points: [
          {
            snapshotId: "snap1",
            label: H.script,
            takenAt: T,
            pre: {
              roundNumber: 1,
              n: 3,
              low: 0.001,
              best: 0.01,
              high: 0.1,
              levelId: "critical",
              tier: aggregate.tier,
            },
            residual: null,
          },
        ],
      },
    ],
  });
}

const unescapeMd = (md: string) => md.replace(/\\([!-/:-@[-`{-~])/g, "$1");

describe("the Markdown report with hostile content", () => {
  const md = renderMarkdown(hostileExport());

  it("contains no markup, link or block it did not make", () => {
    expect(md).not.toMatch(/(^|[^\\])<(script|img|a )/im);
    expect(md).not.toMatch(/(^|[^\\])\]\(javascript:/);
    // Hostile text at the start of a line never starts a heading, list or quote.
    for (const line of md.split("\n"))
      if (/^(#|[-+] |\d+\. |> )/.test(line)) expect(line, line).toMatch(/^(#{1,6} |[-+] |\d+\. |> |>$)/);
  });

  it("keeps every table's columns", () => {
    const blocks = md.split(/\n\n/).filter((b) => b.startsWith("| "));
    expect(blocks.length).toBeGreaterThan(5);
    for (const block of blocks) {
      const counts = block
        .trim()
        .split("\n")
        .map((row) => row.split(/(?<!\\)\|/).length);
      expect(new Set(counts).size, block).toBe(1);
    }
  });

  it("still reads as the text that was written", () => {
    expect(md).toContain(
      `# Safety and Security Model Report: ${"\\<script\\>alert(1)\\</script\\> =cmd\\|' /C calc'!A0"}`,
    );
    expect(unescapeMd(md)).toContain(H.emoji);
    expect(unescapeMd(md)).toContain(`#### S1. ${H.formula}`);
    expect(unescapeMd(md)).toContain(H.quotes);
    expect(md).toContain("Scenarios without a listed risk");
  });
});

describe("the HTML report with hostile content", () => {
  const html = renderHtml(hostileExport());

  it("runs nothing and links only to http(s)", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img|<iframe|<[a-z][^>]*\son\w+\s*=/i);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'`);
  });

  it("shows the text escaped and readable, with a page per risk and the charts inline", () => {
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("=cmd|&#39; /C calc&#39;!A0");
    expect(html).toContain(H.emoji);
    expect(html).toContain("[link](javascript:alert(1))");
    expect(html.match(/<section class="risk">/g)).toHaveLength(2);
    expect(html).toContain("break-before: page");
    expect(html.match(/<svg /g)).toHaveLength(2);
  });
});

describe("the CSV register with hostile content", () => {
  const csv = renderCsv(hostileExport());
  const rows = parseCsv(csv);

  it("has the stable header and one row per scenario, every row as wide as the header", () => {
    expect(rows[0]).toEqual([...REGISTER_COLUMNS]);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toHaveLength(REGISTER_COLUMNS.length);
  });

  it("neutralises formulas in text and keeps numbers numeric", () => {
    const row = Object.fromEntries(REGISTER_COLUMNS.map((c, i) => [c, rows[1]![i]!]));
    expect(row.scenario).toBe(`'${H.formula}`);
    expect(row.actors).toBe(`'${H.formula}`);
    expect(row.mitigations).toBe(`'${H.formula}`);
    expect(Number(row.p_best)).toBeCloseTo(0.0092, 3);
    expect(row.n_experts).toBe("3");
    expect(row.uplift_steps).toBe("1");
    expect(row.residual_p_best).toBe("");
    expect(rows[2]![3]).toBe(H.script);
  });
});

describe("exports on the way out and in", () => {
  it("names files in ASCII whatever the title", () => {
    expect(exportFilename(hostileExport(), "md")).toBe(
      "riskroom-script-alert-1-script-cmd-c-calc-a0-2026-01-02.md",
    );
  });

  it("writes content into a fresh document that reads back the same, ids and narrative included", () => {
    const { content } = hostileExport();
    const doc = new Y.Doc();
    seedSpecifiedRisks(doc);
    writeContent(doc, content);
    const back = readContent(doc);
    const exported = content.scenarios.map(({ narrativeMarkdown: _m, ...s }) => s);
    expect(back.scenarios).toEqual(exported);
    expect(back.mitigations).toEqual(content.mitigations);
    expect(back.risks.find((r) => r.id === "cbrn")).toEqual(content.risks[0]);
    expect(back.risks.map((r) => r.id).sort()).toEqual([
      "cbrn",
      "cyber-offence",
      "harmful-manipulation",
      "loss-of-control",
    ]);
  });

  it("lists every problem of an invalid document with its path", () => {
    const bad = JSON.parse(JSON.stringify(hostileExport())) as Record<string, unknown> & {
      content: { scenarios: Array<Record<string, unknown>> };
    };
    bad.schema = "riskroom.workshop/v2";
    delete bad.framework;
    bad.content.scenarios[1]!.id = "sc1";
    delete bad.content.scenarios[0]!.title;
    const result = workshopExportSchema.safeParse(bad);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["schema", "framework", "content.scenarios.0.title"]));
    const fixed = { ...bad, schema: "riskroom.workshop/v1", framework: defaultFramework() };
    (fixed.content.scenarios[0] as Record<string, unknown>).title = "ok";
    const dup = workshopExportSchema.safeParse(fixed);
    expect(dup.error?.issues.map((i) => i.path.join("."))).toEqual(["content.scenarios.1.id"]);
  });
});
