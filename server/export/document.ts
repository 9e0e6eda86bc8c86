/**
 * The report as a renderer-neutral document: sections with numbered headings, paragraphs of inline
 * runs, lists, tables, quotes and figures. `reportDocument.ts` builds it once from a `WorkshopExport`;
 * the Markdown and HTML renderers only turn its nodes into their syntax, so the report's wording,
 * numbering and order live in one place.
 */
import type { RichTextNode } from "../../shared/content/schema";

export type Inline =
  /** Text a participant wrote (a title, a name, a field): escaped as one field, newlines read as spaces. */
  | { type: "text"; text: string }
  /** The report's own wording and formatted values (numbers, times, enum words): no markup of its own. */
  | { type: "plain"; text: string }
  | { type: "strong"; content: Inline[] }
  | { type: "emphasis"; content: Inline[] }
  | { type: "code"; text: string }
  /** Shown as a link only when the address is http(s). */
  | { type: "link"; text: string; href: string }
  /** A flag that stands out from its line ("model uplift"). */
  | { type: "flag"; text: string }
  /** A tier's colour, where the medium can show one. */
  | { type: "swatch"; colour: string };

/** Text a participant wrote that may span lines: paragraphs on blank lines, breaks on single newlines. */
export interface Prose {
  type: "prose";
  text: string;
  /** Put before the first paragraph ("Safety margin."). */
  lead?: Inline[];
}

/** A table cell: one line of runs, or prose (which a medium without block cells puts on one line). */
export type Cell = Inline[] | Prose;

export interface ListItem {
  content: Inline[];
  children?: Block[];
}

export interface Section {
  type: "section";
  /** "1.", "3.1", "S1.": the numbering, written once, where the section is built. */
  number?: string;
  heading: Inline[];
  /** What kind of section, for media that lay some out apart (a new page in print). */
  role?: "criteria" | "risk" | "summary";
  content: Block[];
}

export type Block =
  | Section
  | Prose
  | { type: "paragraph"; content: Inline[]; role?: "note" | "warn" }
  | { type: "list"; ordered: boolean; items: ListItem[] }
  | { type: "table"; head: Cell[]; rows: Cell[][] }
  /** Label–value pairs: a definition list, or a two-column table under `head`. */
  | { type: "fields"; head: [string, string]; rows: Array<[string, Inline[]]> }
  | { type: "quote"; content: Block[] }
  /** A chart as SVG (already safe markup), with `fallback` for media that do not show images. */
  | { type: "figure"; svg: string; caption: Inline[]; fallback: Block[] }
  /** A narrative as written (ProseMirror JSON), converted by each medium's own converter. */
  | { type: "narrative"; doc: RichTextNode; headingOffset: number; fallback: Block[] };

export interface ReportDocument {
  title: Inline[];
  /** Where the report comes from, shown under the title. */
  note: Inline[];
  sections: Section[];
}

export const text = (value: string): Inline => ({ type: "text", text: value });
export const plain = (value: string): Inline => ({ type: "plain", text: value });
export const code = (value: string): Inline => ({ type: "code", text: value });
export const strong = (...content: Inline[]): Inline => ({ type: "strong", content });
export const emphasis = (...content: Inline[]): Inline => ({ type: "emphasis", content });

/** A paragraph of runs; a bare string is the report's own wording. */
export function paragraph(...content: Array<Inline | string>): Block {
  return { type: "paragraph", content: content.map((c) => (typeof c === "string" ? plain(c) : c)) };
}

export const prose = (value: string, lead?: Inline[]): Prose =>
  lead ? { type: "prose", text: value, lead } : { type: "prose", text: value };

export function section(
  number: string | undefined,
  heading: Array<Inline | string>,
  content: Array<Block | null | undefined | false>,
  role?: Section["role"],
): Section {
  return {
    type: "section",
    ...(number ? { number } : {}),
    heading: heading.map((h) => (typeof h === "string" ? plain(h) : h)),
    ...(role ? { role } : {}),
    content: content.filter((b): b is Block => Boolean(b)),
  };
}

export const list = (ordered: boolean, items: ListItem[]): Block => ({ type: "list", ordered, items });
export const table = (head: Cell[], rows: Cell[][]): Block => ({ type: "table", head, rows });
/** Header cells of the report's own wording. */
export const heads = (...names: string[]): Cell[] => names.map((n) => [plain(n)]);

/** Runs with a separator between them ("a, b, c"). */
export function joined(parts: Inline[], separator = ", "): Inline[] {
  return parts.flatMap((p, i) => (i > 0 ? [plain(separator), p] : [p]));
}

/** A line saying that a section the Code expects has nothing in it. */
export function missing(what: string): Block {
  return { type: "paragraph", role: "warn", content: [strong(plain("Missing:")), plain(` ${what}`)] };
}
