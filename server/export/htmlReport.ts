/**
 * The report as one printable HTML page: the document of reportDocument.ts, node by node, the charts
 * inline as SVG, a print stylesheet that starts each risk on a new page. Nothing runs in it: every
 * text is escaped (htmlText.ts), links are http(s) only, and a Content-Security-Policy meta tag
 * forbids scripts even when the file is opened from disk.
 */
import type { WorkshopExport } from "../../shared/workshopExport";
import type { Block, Cell, Inline, ListItem, Prose, ReportDocument, Section } from "./document";
import { esc, escLink, escParagraphList, tag } from "./htmlText";
import { narrativeToHtml } from "./narrativeHtml";
import { REPORT_CSS } from "./printStyle";
import { reportDocument } from "./reportDocument";

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function renderHtml(exp: WorkshopExport): string {
  return htmlDocument(reportDocument(exp));
}

export function htmlDocument(doc: ReportDocument): string {
  const title = plainText(doc.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header><h1>${inline(doc.title)}</h1><p class="note">${inline(doc.note)}</p></header>
${doc.sections.map((s) => section(s, 2)).join("\n")}
</body>
</html>
`;
}

function section(s: Section, level: number): string {
  const h = `h${Math.min(6, level)}`;
  const heading = tag(h, `${s.number ? `${esc(s.number)} ` : ""}${inline(s.heading)}`);
  const body = s.content.map((b) => block(b, level)).join("");
  return `<section${s.role ? ` class="${s.role}"` : ""}>${heading}${body}</section>`;
}

function block(b: Block, level: number): string {
  switch (b.type) {
    case "section":
      return section(b, level + 1);
    case "paragraph":
      return `<p${b.role ? ` class="${b.role}"` : ""}>${inline(b.content)}</p>`;
    case "prose":
      return prose(b);
    case "list":
      return tag(b.ordered ? "ol" : "ul", b.items.map((item) => listItem(item, level)).join(""));
    case "table":
      return table(b.head, b.rows);
    case "fields":
      return `<dl class="meta">${b.rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${inline(v)}</dd>`).join("")}</dl>`;
    case "quote":
      return tag("blockquote", b.content.map((c) => block(c, level)).join(""));
    case "figure":
      return `<figure>${b.svg}<figcaption>${inline(b.caption)}</figcaption></figure>`;
    case "narrative": {
      const html = narrativeToHtml(b.doc, b.headingOffset);
      return html ? `<div class="narrative">${html}</div>` : b.fallback.map((c) => block(c, level)).join("");
    }
  }
}

function listItem(item: ListItem, level: number): string {
  return tag("li", `${inline(item.content)}${(item.children ?? []).map((c) => block(c, level)).join("")}`);
}

/** Paragraphs on blank lines, <br> on single newlines; the lead starts the first paragraph. */
function prose(p: Prose): string {
  const paras = escParagraphList(p.text);
  if (!p.lead) return paras.map((x) => `<p>${x}</p>`).join("");
  const [first, ...rest] = paras;
  return [`${inline(p.lead)}${first === undefined ? "" : ` ${first}`}`, ...rest]
    .map((x) => `<p>${x}</p>`)
    .join("");
}

function table(head: Cell[], rows: Cell[][]): string {
  const tr = (cells: Cell[], t: "th" | "td") => `<tr>${cells.map((c) => tag(t, cell(c))).join("")}</tr>`;
  return `<table><thead>${tr(head, "th")}</thead><tbody>${rows.map((r) => tr(r, "td")).join("")}</tbody></table>`;
}

function cell(c: Cell): string {
  return Array.isArray(c) ? inline(c) : prose(c);
}

function inline(runs: readonly Inline[]): string {
  return runs.map(run).join("");
}

function run(r: Inline): string {
  switch (r.type) {
    case "text":
    case "plain":
      return esc(r.text);
    case "strong":
      return tag("strong", inline(r.content));
    case "emphasis":
      return tag("em", inline(r.content));
    case "code":
      return tag("code", esc(r.text));
    case "link":
      return escLink(r.text, r.href);
    case "flag":
      return `<span class="flag">${esc(r.text)}</span>`;
    case "swatch":
      return `<span class="tier" style="background:${esc(r.colour)}"></span>`;
  }
}

/** The runs' text alone, for the page's <title>. */
function plainText(runs: readonly Inline[]): string {
  return runs.map((r) => ("text" in r ? r.text : "content" in r ? plainText(r.content) : "")).join("");
}
