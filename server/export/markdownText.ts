/**
 * Putting user-written text into Markdown so that it renders as exactly that text: no raw HTML,
 * no links or images, no headings or lists it did not ask for, no table cell it breaks out of.
 * Escapes use backslashes (CommonMark: any ASCII punctuation may be escaped), so the raw file stays
 * readable: `\<script>` rather than entity soup.
 */
import { safeHttpUrl } from "./urls";

/**
 * Inline syntax: emphasis, code, links and images (brackets), raw HTML and autolinks (angle brackets),
 * entities (&), tables (|), strikethrough (~), headings (#) and GitHub's math ($).
 */
const INLINE_SPECIAL = /[\\`*_[\]<>&|~#$]/g;
/** What would start a block at the beginning of a line: a list, a setext underline, a numbered list. */
const LINE_START = /^([-+=])|^(\d{1,9})([.)])/;

function escapeLine(line: string): string {
  // Leading spaces would make an indented code block; they carry no meaning in a field.
  const text = line.trimStart().replace(INLINE_SPECIAL, "\\$&");
  return text.replace(LINE_START, (_m, marker: string | undefined, digits: string, dot: string) =>
    marker ? `\\${marker}` : `${digits}\\${dot}`,
  );
}

/** One line of text (a title, a name, a table cell): newlines become spaces. */
export function mdText(text: string): string {
  return escapeLine(text.replace(/\s*[\r\n]+\s*/g, " ").trim());
}

/** A table cell: like `mdText`, and never empty so the row keeps its columns. */
export function mdCell(text: string): string {
  return mdText(text) || " ";
}

/** Text that may span lines: blank lines separate paragraphs, single newlines become hard breaks. */
export function mdParagraphs(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((para) =>
      para
        .split("\n")
        .map(escapeLine)
        .filter((line) => line !== "")
        // A backslash at the end of a line is a hard line break.
        .join("\\\n"),
    )
    .filter((para) => para !== "")
    .join("\n\n");
}

/** A code span, with a fence of backticks longer than any run inside it. */
export function mdCode(text: string): string {
  const flat = text.replace(/[\r\n]+/g, " ");
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A link when the address is http(s); otherwise the label alone, so no other scheme becomes clickable. */
export function mdLink(label: string, href: string): string {
  const url = safeHttpUrl(href);
  const text = mdText(label) || mdText(href);
  return url ? `[${text}](${markdownDestination(url)})` : text;
}

/** Parentheses and spaces would end a link destination early. */
export function markdownDestination(url: string): string {
  return url.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/**
 * A GitHub-flavoured table with its columns padded to one width, so the raw file reads as a table
 * too; every cell is escaped by the caller with `mdCell`.
 */
export function mdTable(head: string[], rows: string[][]): string {
  const width = (cell: string) => [...cell].length;
  const widths = head.map((h, i) => Math.max(3, width(h), ...rows.map((r) => width(r[i] ?? ""))));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c + " ".repeat(Math.max(0, widths[i]! - width(c)))).join(" | ")} |`;
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
