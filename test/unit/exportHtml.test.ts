import { describe, expect, it } from "vitest";
import { esc, escLink, escParagraphs } from "../../server/export/htmlText";
import { narrativeToHtml } from "../../server/export/narrativeHtml";
import type { RichTextNode } from "../../shared/content/schema";

const decode = (html: string) =>
  html
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

describe("HTML escaping", () => {
  it("escapes text and attribute values so nothing becomes markup, and decodes back to the text", () => {
    for (const text of [
      "<script>alert(1)</script>",
      `" onmouseover="alert(1)`,
      "' onfocus='alert(1)",
      "=cmd|' /C calc'!A0",
      "Tom & Jerry &amp; co",
      "Risk 🚀 ☢️ 👩🏽‍🔬",
    ]) {
      const html = esc(text);
      expect(html).not.toMatch(/[<>"']/);
      expect(decode(html)).toBe(text);
    }
  });

  it("keeps paragraphs and line breaks of long text, escaped", () => {
    expect(escParagraphs("a <b>\nc\n\n\nd")).toBe("<p>a &lt;b&gt;<br>c</p><p>d</p>");
  });

  it("makes links of http(s) addresses only", () => {
    expect(escLink("docs", 'https://example.org/?q=<x>&y="z"')).toBe(
      '<a href="https://example.org/?q=%3Cx%3E&amp;y=%22z%22" rel="noopener noreferrer">docs</a>',
    );
    for (const href of [
      "javascript:alert(1)",
      " JavaScript:alert(1)",
      "data:text/html,x",
      "vbscript:x",
      "/relative",
    ])
      expect(escLink("<b>x</b>", href)).toBe("&lt;b&gt;x&lt;/b&gt;");
  });
});

describe("narratives as HTML", () => {
  it("renders structure with a fixed set of tags, escaped text and http(s) links", () => {
    const doc: RichTextNode = {
      type: "doc",
      content: [
        {
          type: "heading",
          attrs: { level: 1, onclick: "alert(1)" },
          content: [{ type: "text", text: "Title" }],
        },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "<script>alert(1)</script> " },
            { type: "text", text: "bad", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] },
            {
              type: "text",
              text: " good",
              marks: [{ type: "link", attrs: { href: "https://example.org" } }, { type: "bold" }],
            },
          ],
        },
        {
          type: "iframe",
          attrs: { src: "https://evil.example" },
          content: [{ type: "text", text: "inner" }],
        },
        { type: "codeBlock", content: [{ type: "text", text: "<b>raw</b>" }] },
      ],
    };
    expect(narrativeToHtml(doc, 3)).toBe(
      '<h4>Title</h4><p>&lt;script&gt;alert(1)&lt;/script&gt; bad<strong><a href="https://example.org/" rel="noopener noreferrer"> good</a></strong></p><div>inner</div><pre><code>&lt;b&gt;raw&lt;/b&gt;</code></pre>',
    );
  });
});
