/**
 * The report as Markdown: the document of reportDocument.ts, node by node. Everything a participant
 * wrote goes through the escapes in markdownText.ts; narratives through their own converter.
 */
import type { WorkshopExport } from "../../shared/workshopExport";
import type { Block, Cell, Inline, ListItem, ReportDocument, Section } from "./document";
import { mdCode, mdLink, mdParagraphs, mdTable, mdText } from "./markdownText";
import { narrativeToMarkdown } from "./narrativeMarkdown";
import { reportDocument } from "./reportDocument";

export function renderMarkdown(exp: WorkshopExport): string {
  return markdownDocument(reportDocument(exp));
}

export function markdownDocument(doc: ReportDocument): string {
  const head = [`# ${inline(doc.title)}`, `> ${inline(doc.note)}`];
  return `${[...head, ...doc.sections.map((s) => section(s, 2))].join("\n\n")}\n`;
}

function section(s: Section, level: number): string {
  const heading = `${"#".repeat(Math.min(6, level))} ${s.number ? `${s.number} ` : ""}${inline(s.heading)}`;
  return blocks([heading, ...s.content.map((b) => block(b, level))]);
}

/** Blocks one blank line apart; a block that renders to nothing leaves no gap. */
function blocks(parts: string[]): string {
  return parts.filter((p) => p !== "").join("\n\n");
}

function block(b: Block, level: number): string {
  switch (b.type) {
    case "section":
      return section(b, level + 1);
    case "paragraph":
      return inline(b.content);
    case "prose":
      return [b.lead ? inline(b.lead) : "", mdParagraphs(b.text)].filter((p) => p !== "").join(" ");
    case "list":
      return b.items.map((item, i) => listItem(item, b.ordered ? `${i + 1}. ` : "- ", level)).join("\n");
    case "table":
      return mdTable(
        b.head.map(cell),
        b.rows.map((r) => r.map(cell)),
      );
    case "fields":
      return mdTable(
        [...b.head],
        b.rows.map(([label, value]) => [label, cell(value)]),
      );
    case "quote":
      return blocks(b.content.map((c) => block(c, level)))
        .split("\n")
        .map((line) => (line === "" ? ">" : `> ${line}`))
        .join("\n");
    case "figure":
      // Markdown shows no SVG: the figure's text alternative stands in its place.
      return blocks(b.fallback.map((c) => block(c, level)));
    case "narrative":
      return (
        narrativeToMarkdown(b.doc, { headingOffset: b.headingOffset }) ||
        blocks(b.fallback.map((c) => block(c, level)))
      );
  }
}

/** An item's nested blocks are indented to its text, so they stay inside the item. */
function listItem(item: ListItem, marker: string, level: number): string {
  const indent = " ".repeat(marker.length);
  const children = (item.children ?? []).map((c) =>
    block(c, level)
      .split("\n")
      .map((line) => (line === "" ? "" : indent + line))
      .join("\n"),
  );
  return [`${marker}${inline(item.content)}`, ...children].join("\n");
}

/** A table cell is one line, and never empty, so its row keeps its columns. */
function cell(c: Cell): string {
  return (Array.isArray(c) ? inline(c) : mdText(c.text)) || " ";
}

function inline(runs: readonly Inline[]): string {
  return runs.map(run).join("");
}

function run(r: Inline): string {
  switch (r.type) {
    case "text":
      return mdText(r.text);
    case "plain":
      return r.text;
    case "strong":
      return `**${inline(r.content)}**`;
    case "emphasis":
      return `_${inline(r.content)}_`;
    case "code":
      return mdCode(r.text);
    case "link":
      return mdLink(r.text, r.href);
    case "flag":
      return `**[${mdText(r.text)}]**`;
    case "swatch":
      return "";
  }
}
