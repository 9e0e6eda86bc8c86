/**
 * Escaping for the HTML report and its inline SVG: every user-written string goes through `esc`
 * (text and quoted attribute values alike), and only http(s) addresses become links.
 */
import { safeHttpUrl } from "./urls";

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Safe in element content and in double- or single-quoted attribute values, in HTML and in SVG. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Text that may span lines: paragraphs on blank lines, <br> on single newlines. */
export function escParagraphs(text: string): string {
  return escParagraphList(text)
    .map((p) => `<p>${p}</p>`)
    .join("");
}

/** The escaped content of each paragraph, for a caller that puts something before the first. */
export function escParagraphList(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => p.split("\n").map(esc).join("<br>"));
}

/** A link for http(s) addresses only; anything else is shown as text and goes nowhere. */
export function escLink(label: string, href: string): string {
  const url = safeHttpUrl(href);
  const text = esc(label || href);
  return url ? `<a href="${esc(url)}" rel="noopener noreferrer">${text}</a>` : text;
}

/** A tag with already-escaped content, for compact renderers. */
export function tag(name: string, content: string, attrs: Record<string, string> = {}): string {
  const list = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${esc(v)}"`)
    .join("");
  return `<${name}${list}>${content}</${name}>`;
}
