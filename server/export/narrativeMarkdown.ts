/**
 * A narrative (ProseMirror JSON, as Tiptap's StarterKit writes it) as Markdown. Text is escaped, so
 * only the document's own structure becomes syntax; links survive only when they are http(s).
 * Unknown node types keep their text; unknown marks are dropped.
 */
import { FLATTENED_MARKER, foldRichText, plainTextOf } from "../../shared/content/richTextWalk";
import type { RichTextNode } from "../../shared/content/schema";
import { markdownDestination, mdCode, mdText } from "./markdownText";
import { safeHttpUrl } from "./urls";

export interface NarrativeMarkdownOptions {
  /** Added to every heading level (a narrative's "# Heading" sits under the report's own headings); capped at 6. */
  headingOffset?: number;
}

export function narrativeToMarkdown(doc: RichTextNode, options: NarrativeMarkdownOptions = {}): string {
  const offset = options.headingOffset ?? 0;
  // Folded without recursion: a narrative may nest deep; each node sees its children's Markdown.
  return foldRichText<string>(doc, {
    descend: (n) => !INLINE_OWNERS.has(n.type),
    combine: (n, children) => (n === doc ? joinBlocks(children) : block(n, children, offset)),
    flattened: (n) => mdText(`${FLATTENED_MARKER} ${plainTextOf(n)}`),
  }).trim();
}

/** Nodes whose content is inline (rendered by `inline`) or raw text, never folded child by child. */
const INLINE_OWNERS = new Set(["paragraph", "heading", "codeBlock", "text", "hardBreak", "horizontalRule"]);

/** A node the exporter does not know that holds text directly: its content is rendered inline. */
function hasInlineContent(n: RichTextNode): boolean {
  return n.content?.some((c) => c.type === "text" || c.type === "hardBreak") ?? false;
}

function joinBlocks(blocks: readonly string[]): string {
  return blocks.filter((b) => b.trim() !== "").join("\n\n");
}

function block(node: RichTextNode, children: readonly string[], offset: number): string {
  switch (node.type) {
    case "paragraph":
      return inline(node.content ?? []);
    case "heading": {
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level) || 1) + offset);
      return `${"#".repeat(level)} ${inline(node.content ?? [])}`;
    }
    case "bulletList":
      return listItems(children, () => "- ");
    case "orderedList": {
      const start = Math.max(0, Math.floor(Number(node.attrs?.start ?? 1)) || 1);
      return listItems(children, (i) => `${start + i}. `);
    }
    case "blockquote":
      return prefixLines(joinBlocks(children), "> ");
    case "codeBlock":
      return codeBlock(plainTextOf(node), node.attrs?.language);
    case "horizontalRule":
      return "---";
    case "text":
    case "hardBreak":
      return inline([node]);
    default:
      // A node the exporter does not know (a list item among them): keep what it says.
      return hasInlineContent(node) ? inline(node.content ?? []) : joinBlocks(children);
  }
}

/** Each item's Markdown (already rendered) behind its marker, its further lines indented under it. */
function listItems(items: readonly string[], marker: (i: number) => string): string {
  return items
    .map((item, i) => {
      const m = marker(i);
      const body = item || " ";
      const indent = " ".repeat(m.length);
      return body
        .split("\n")
        .map((line, j) => (j === 0 ? m + line : line === "" ? "" : indent + line))
        .join("\n");
    })
    .join("\n");
}

function prefixLines(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((line) => (line === "" ? prefix.trimEnd() : prefix + line))
    .join("\n");
}

function codeBlock(code: string, language: unknown): string {
  const longest = Math.max(2, ...(code.match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const lang = typeof language === "string" ? language.replace(/[^\w+-]/g, "") : "";
  return `${fence}${lang}\n${code}\n${fence}`;
}

type MarkKind = "link" | "bold" | "italic" | "strike";
interface OpenMark {
  kind: MarkKind;
  key: string;
  href?: string;
}
/** Outermost first, so a link wraps its emphasis and never the reverse. */
const MARK_ORDER: Record<string, MarkKind> = {
  link: "link",
  bold: "bold",
  italic: "italic",
  strike: "strike",
};
const DELIMITERS: Record<Exclude<MarkKind, "link">, string> = { bold: "**", italic: "*", strike: "~~" };

function marksOf(node: RichTextNode): { marks: OpenMark[]; code: boolean } {
  const marks: OpenMark[] = [];
  let code = false;
  for (const mark of node.marks ?? []) {
    if (mark.type === "code") code = true;
    const kind = MARK_ORDER[mark.type];
    if (!kind) continue;
    if (kind === "link") {
      const href = safeHttpUrl(mark.attrs?.href);
      if (href) marks.push({ kind, key: `link:${href}`, href });
    } else marks.push({ kind, key: kind });
  }
  const rank = (m: OpenMark) => Object.values(MARK_ORDER).indexOf(m.kind);
  return { marks: marks.sort((a, b) => rank(a) - rank(b)), code };
}

const opener = (m: OpenMark) => (m.kind === "link" ? "[" : DELIMITERS[m.kind]);
const closer = (m: OpenMark) =>
  m.kind === "link" ? `](${markdownDestination(m.href ?? "")})` : DELIMITERS[m.kind];

/**
 * Inline content with marks opened and closed as they change between text runs; whitespace at the
 * edge of a run stays outside its delimiters, where CommonMark still sees them as emphasis.
 */
function inline(nodes: readonly RichTextNode[]): string {
  let out = "";
  const stack: OpenMark[] = [];
  let trailing = "";
  const closeTo = (depth: number) => {
    while (stack.length > depth) out += closer(stack.pop()!);
  };
  for (const node of nodes) {
    if (node.type === "hardBreak") {
      closeTo(0);
      out += `${trailing}\\\n`;
      trailing = "";
      continue;
    }
    const raw = node.type === "text" ? (node.text ?? "") : plainTextOf(node);
    const { marks, code } = marksOf(node);
    const lead = /^\s*/.exec(raw)![0];
    const core = raw.trim();
    let keep = 0;
    while (keep < stack.length && keep < marks.length && stack[keep]!.key === marks[keep]!.key) keep++;
    closeTo(keep);
    out += trailing + lead;
    trailing = raw.length > lead.length ? /\s*$/.exec(raw)![0] : "";
    if (core === "") continue;
    for (const m of marks.slice(keep)) {
      out += opener(m);
      stack.push(m);
    }
    out += code ? mdCode(core) : escapeInline(core);
  }
  closeTo(0);
  return out + trailing;
}

/** `mdText` without its trimming: inner spaces between runs matter. */
function escapeInline(text: string): string {
  return text.split(/\r?\n/).map(mdText).join("\\\n");
}
