/**
 * A narrative (ProseMirror JSON) as HTML for the printable report. Only the tags listed here are
 * produced, every text is escaped, attributes come from a fixed list, and links are http(s) only.
 */
import { FLATTENED_MARKER, foldRichText, plainTextOf } from "../../shared/content/richTextWalk";
import type { RichTextNode } from "../../shared/content/schema";
import { esc } from "./htmlText";
import { safeHttpUrl } from "./urls";

const BLOCK_TAGS: Record<string, string> = {
  paragraph: "p",
  blockquote: "blockquote",
  bulletList: "ul",
  listItem: "li",
};
const MARK_TAGS: Record<string, string> = {
  bold: "strong",
  italic: "em",
  strike: "s",
  underline: "u",
  code: "code",
};

export function narrativeToHtml(doc: RichTextNode, headingOffset = 0): string {
  return foldRichText<string>(doc, {
    descend: (n) => n.type !== "text" && n.type !== "codeBlock",
    combine: (n, children) => (n === doc ? children.join("") : node(n, children.join(""), headingOffset)),
    flattened: (n) => `<p>${esc(`${FLATTENED_MARKER} ${plainTextOf(n)}`)}</p>`,
  });
}

/** One node, its children already rendered (folded without recursion: a narrative may nest deep). */
function node(n: RichTextNode, children: string, offset: number): string {
  switch (n.type) {
    case "text":
      return text(n);
    case "hardBreak":
      return "<br>";
    case "horizontalRule":
      return "<hr>";
    case "heading": {
      const level = Math.min(6, Math.max(1, Number(n.attrs?.level) || 1) + offset);
      return `<h${level}>${children}</h${level}>`;
    }
    case "orderedList": {
      const start = Math.max(0, Math.floor(Number(n.attrs?.start ?? 1)) || 1);
      return `<ol${start === 1 ? "" : ` start="${start}"`}>${children}</ol>`;
    }
    case "codeBlock":
      return `<pre><code>${esc(plainTextOf(n))}</code></pre>`;
    default: {
      const tag = BLOCK_TAGS[n.type];
      // An unknown node keeps its content, in a neutral container.
      return tag ? `<${tag}>${children}</${tag}>` : `<div>${children}</div>`;
    }
  }
}

function text(n: RichTextNode): string {
  let html = esc(n.text ?? "");
  for (const mark of n.marks ?? []) {
    if (mark.type === "link") {
      const href = safeHttpUrl(mark.attrs?.href);
      if (href) html = `<a href="${esc(href)}" rel="noopener noreferrer">${html}</a>`;
      continue;
    }
    const tag = MARK_TAGS[mark.type];
    if (tag) html = `<${tag}>${html}</${tag}>`;
  }
  return html;
}
