import { describe, expect, it } from "vitest";
import {
  code,
  emphasis,
  heads,
  list,
  paragraph,
  plain,
  prose,
  type ReportDocument,
  section,
  strong,
  table,
  text,
} from "../../server/export/document";
import { htmlDocument } from "../../server/export/htmlReport";
import { markdownDocument } from "../../server/export/markdownReport";

const HOSTILE = "<b>bold</b> *star* # 1. x";

/** One document using every node type, as the report builder would make it. */
function sample(): ReportDocument {
  return {
    title: [plain("Report: "), text(HOSTILE)],
    note: [plain("From "), code("abc")],
    sections: [
      section(
        "1.",
        ["First"],
        [
          paragraph("Plain ", strong(text(HOSTILE)), " and ", emphasis(plain("stress")), "."),
          { type: "fields", head: ["Record", "Value"], rows: [["Model", [text("M")]]] },
          section(
            "1.1",
            ["Nested ", text(HOSTILE)],
            [
              list(true, [
                {
                  content: [{ type: "flag", text: "model uplift" }, plain(" step")],
                  children: [list(false, [{ content: [text("child")] }])],
                },
              ]),
              table(heads("Tier", "Note"), [
                [[{ type: "swatch", colour: "#ff0000" }, text("High")], prose("one\n\ntwo")],
              ]),
            ],
          ),
        ],
      ),
      section(
        "2.",
        ["Second"],
        [
          { type: "quote", content: [paragraph(strong(plain("Dissent")), " by X:"), prose("a\nb")] },
          prose("The margin.", [strong(plain("Safety margin."))]),
          {
            type: "figure",
            svg: "<svg></svg>",
            caption: [plain("A chart")],
            fallback: [paragraph("As text.")],
          },
          {
            type: "narrative",
            doc: { type: "doc", content: [] },
            headingOffset: 5,
            fallback: [paragraph("No narrative yet.")],
          },
          {
            type: "narrative",
            doc: {
              type: "doc",
              content: [{ type: "paragraph", content: [{ type: "text", text: "Told." }] }],
            },
            headingOffset: 5,
            fallback: [],
          },
        ],
        "risk",
      ),
    ],
  };
}

const unescapeMd = (md: string) => md.replace(/\\([!-/:-@[-`{-~])/g, "$1");
const unescapeHtml = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

describe("the report document, rendered twice", () => {
  const md = markdownDocument(sample());
  const html = htmlDocument(sample());

  it("gives both media the same numbered headings, at the depth of their sections", () => {
    const mdHeadings = [...md.matchAll(/^(#+) (.*)$/gm)].map((m) => `${m[1]!.length} ${unescapeMd(m[2]!)}`);
    const htmlHeadings = [...html.matchAll(/<h([1-6])>(.*?)<\/h\1>/g)].map(
      (m) => `${m[1]} ${unescapeHtml(m[2]!)}`,
    );
    expect(mdHeadings).toEqual([
      `1 Report: ${HOSTILE}`,
      "2 1. First",
      `3 1.1 Nested ${HOSTILE}`,
      "2 2. Second",
    ]);
    expect(htmlHeadings).toEqual(mdHeadings);
  });

  it("escapes participants' text in each medium and leaves the report's own markup alone", () => {
    expect(md).toContain("**\\<b\\>bold\\</b\\> \\*star\\* \\# 1. x**");
    expect(html).toContain("<strong>&lt;b&gt;bold&lt;/b&gt; *star* # 1. x</strong>");
    expect(html).not.toContain("<b>");
  });

  it("shows a figure's SVG in HTML and its text alternative in Markdown", () => {
    expect(html).toContain("<figure><svg></svg><figcaption>A chart</figcaption></figure>");
    expect(html).not.toContain("As text.");
    expect(md).toContain("As text.");
    expect(md).not.toContain("<svg");
  });

  it("hands narratives to each medium's converter, with the fallback when one is empty", () => {
    expect(md).toContain("No narrative yet.");
    expect(md).toContain("Told.");
    expect(html).toContain("<p>No narrative yet.</p>");
    expect(html).toContain('<div class="narrative"><p>Told.</p></div>');
  });

  it("renders lists, quotes, lead-ins, flags, swatches and sections of a role", () => {
    expect(md).toContain("1. **[model uplift]** step\n   - child");
    expect(md).toContain("> **Dissent** by X:\n>\n> a\\\n> b");
    expect(md).toContain("**Safety margin.** The margin.");
    expect(md).toContain("| High | one two |");
    expect(html).toContain(
      '<ol><li><span class="flag">model uplift</span> step<ul><li>child</li></ul></li></ol>',
    );
    expect(html).toContain("<blockquote><p><strong>Dissent</strong> by X:</p><p>a<br>b</p></blockquote>");
    expect(html).toContain("<p><strong>Safety margin.</strong> The margin.</p>");
    expect(html).toContain('<span class="tier" style="background:#ff0000"></span>High');
    expect(html).toContain("<td><p>one</p><p>two</p></td>");
    expect(html).toContain('<section class="risk"><h2>2. Second</h2>');
  });
});
