/**
 * A narrative (ProseMirror JSON, as Tiptap's StarterKit writes it) as Markdown. Text is escaped, so
 * only the document's own structure becomes syntax; links survive only when they are http(s).
 * Unknown node types keep their text; unknown marks are dropped.
 */
import type { RichTextNode } from "../../shared/content/schema";
import { markdownDestination, mdCode, mdText } from "./markdownText";
import { safeHttpUrl } from "./urls";

export interface NarrativeMarkdownOptions {
  /** Added to every heading level (a narrative's "# Heading" sits under the report's own headings); capped at 6. */
  headingOffset?: number;
}

export function narrativeToMarkdown(doc: RichTextNode, options: NarrativeMarkdownOptions = {}): string {
  return blocks(doc.content ?? [], options.headingOffset ?? 0).trim();
}

function blocks(nodes: readonly RichTextNode[], offset: number): string {
  return nodes
    .map((n) => block(n, offset))
    .filter((b) => b.trim() !== "")
    .join("\n\n");
}

function block(node: RichTextNode, offset: number): string {
  switch (node.type) {
    case "paragraph":
      return inline(node.content ?? []);
    case "heading": {
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level) || 1) + offset);
      return `${"#".repeat(level)} ${inline(node.content ?? [])}`;
    }
    case "bulletList":
      return listItems(node, () => "- ", offset);
    case "orderedList": {
      const start = Math.max(0, Math.floor(Number(node.attrs?.start ?? 1)) || 1);
      return listItems(node, (i) => `${start + i}. `, offset);
    }
    case "blockquote":
      return prefixLines(blocks(node.content ?? [], offset), "> ");
    case "codeBlock":
      return codeBlock(plainText(node), node.attrs?.language);
    case "horizontalRule":
      return "---";
    case "text":
    case "hardBreak":
      return inline([node]);
    default:
      // A node the exporter does not know: keep what it says.
      return node.content?.some((c) => c.type === "text" || c.type === "hardBreak")
        ? inline(node.content)
        : blocks(node.content ?? [], offset);
  }
}

function listItems(list: RichTextNode, marker: (i: number) => string, offset: number): string {
  return (list.content ?? [])
    .map((item, i) => {
      const m = marker(i);
      const body = blocks(item.content ?? [], offset) || " ";
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

function plainText(node: RichTextNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  return (node.content ?? []).map(plainText).join("");
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
    const raw = node.type === "text" ? (node.text ?? "") : plainText(node);
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
