import { describe, expect, it } from "vitest";
import { mdCell, mdCode, mdLink, mdParagraphs, mdTable, mdText } from "../../server/export/markdownText";
import { narrativeToMarkdown } from "../../server/export/narrativeMarkdown";
import type { RichTextNode } from "../../shared/content/schema";

const HOSTILE = [
  "<script>alert(1)</script>",
  "=cmd|' /C calc'!A0",
  `He said "no", then 'yes'`,
  "[link](javascript:alert(1))",
  "![img](http://evil.example/x.png)",
  "Risk 🚀 ☢️ 👩🏽‍🔬",
  "# not a heading",
  "- not a list",
  "1. not a list either",
  "> not a quote",
  "`code` and *stars* and _under_ and ~~strike~~ and &amp; and $x$ and a | pipe",
  "back\\slash at the end\\",
];

/** CommonMark's reading of backslash escapes: a backslash before ASCII punctuation is dropped. */
const unescapeMd = (md: string) => md.replace(/\\([!-/:-@[-`{-~])/g, "$1");

describe("Markdown text", () => {
  it("escapes hostile text so it renders as itself, and stays readable", () => {
    for (const text of HOSTILE) {
      const md = mdText(text);
      expect(unescapeMd(md), text).toBe(text);
      expect(md).not.toMatch(/(^|[^\\])<[a-z/]/i);
      expect(md).not.toMatch(/(^|[^\\])\]\(/);
      expect(md).not.toMatch(/^(#|-|\d+\.|>)/);
    }
    expect(mdText("<script>alert(1)</script>")).toBe("\\<script\\>alert(1)\\</script\\>");
    expect(mdText("=cmd|' /C calc'!A0")).toBe("\\=cmd\\|' /C calc'!A0");
    expect(mdText("Risk 🚀")).toBe("Risk 🚀");
  });

  it("turns newlines into spaces on one line, and into hard breaks and paragraphs in long text", () => {
    expect(mdText("one\ntwo\r\n  three")).toBe("one two three");
    expect(mdParagraphs("first\n# second\n\n\n- third")).toBe("first\\\n\\# second\n\n\\- third");
    expect(mdCell("")).toBe(" ");
  });

  it("keeps a table's columns whatever the cells hold", () => {
    const table = mdTable(["a", "b"], [[mdCell("x | y"), mdCell("line\nbreak")]]);
    const row = table.split("\n")[2]!;
    expect(row.split(/(?<!\\)\|/)).toHaveLength(4);
  });

  it("fences code spans past any backticks inside", () => {
    expect(mdCode("a`b")).toBe("``a`b``");
    expect(mdCode("`x`")).toBe("`` `x` ``");
  });

  it("links only http(s) addresses", () => {
    expect(mdLink("docs", "https://example.org/a b(c)")).toBe("[docs](https://example.org/a%20b%28c%29)");
    expect(mdLink("click", "javascript:alert(1)")).toBe("click");
    expect(mdLink("data", "data:text/html,<script>")).toBe("data");
  });
});

describe("narratives as Markdown", () => {
  const text = (t: string, marks: RichTextNode["marks"] = undefined): RichTextNode =>
    marks ? { type: "text", text: t, marks } : { type: "text", text: t };
  const p = (...content: RichTextNode[]): RichTextNode => ({ type: "paragraph", content });

  it("writes the document's structure and marks", () => {
    const doc: RichTextNode = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [text("Pathway")] },
        p(
          text("A "),
          text("bold ", [{ type: "bold" }]),
          text("and italic", [{ type: "bold" }, { type: "italic" }]),
          text(" word, "),
          text("a link", [{ type: "link", attrs: { href: "https://example.org/x" } }]),
          text(" and "),
          text("x = `y`", [{ type: "code" }]),
        ),
        {
          type: "bulletList",
          content: [
            { type: "listItem", content: [p(text("one"))] },
            { type: "listItem", content: [p(text("two"))] },
          ],
        },
        {
          type: "orderedList",
          attrs: { start: 3 },
          content: [{ type: "listItem", content: [p(text("three"))] }],
        },
        { type: "blockquote", content: [p(text("quoted"))] },
        { type: "codeBlock", attrs: { language: "python" }, content: [text("print('```')")] },
        p(text("line one"), { type: "hardBreak" }, text("line two")),
      ],
    };
    expect(narrativeToMarkdown(doc)).toBe(
      [
        "## Pathway",
        "A **bold *and italic*** word, [a link](https://example.org/x) and `` x = `y` ``",
        "- one\n- two",
        "3. three",
        "> quoted",
        "````python\nprint('```')\n````",
        "line one\\\nline two",
      ].join("\n\n"),
    );
    expect(narrativeToMarkdown(doc, { headingOffset: 5 })).toMatch(/^###### Pathway/);
  });

  it("escapes hostile text and drops links that are not http(s)", () => {
    const doc: RichTextNode = {
      type: "doc",
      content: [
        p(
          text("<script>alert(1)</script> "),
          text("click me", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]),
          text(" [link](javascript:alert(1)) 🚀"),
        ),
        p(text("# not a heading")),
      ],
    };
    const md = narrativeToMarkdown(doc);
    expect(md).toBe(
      "\\<script\\>alert(1)\\</script\\> click me \\[link\\](javascript:alert(1)) 🚀\n\n\\# not a heading",
    );
    expect(md).not.toMatch(/(^|[^\\])\]\(javascript:/);
  });
});
