/** An export as a download: the rendered body, its media type, and a filename that is safe in a header. */
import type { ExportFormat, WorkshopExport } from "../../shared/workshopExport";
import { renderCsv } from "./csv";
import { renderHtml } from "./htmlReport";
import { renderMarkdown } from "./markdownReport";

export interface ExportFile {
  body: string;
  contentType: string;
  filename: string;
}

const FORMATS: Record<ExportFormat, { type: string; render: (exp: WorkshopExport) => string }> = {
  json: { type: "application/json; charset=utf-8", render: (exp) => `${JSON.stringify(exp, null, 2)}\n` },
  md: { type: "text/markdown; charset=utf-8", render: renderMarkdown },
  csv: { type: "text/csv; charset=utf-8; header=present", render: renderCsv },
  html: { type: "text/html; charset=utf-8", render: renderHtml },
};

export function exportFile(exp: WorkshopExport, format: ExportFormat): ExportFile {
  const { type, render } = FORMATS[format];
  return { body: render(exp), contentType: type, filename: exportFilename(exp, format) };
}

/** e.g. `riskroom-model-x-pre-deployment-2026-11-22-snapshot-after-round-2.md`: ASCII only, so no header escaping is needed. */
export function exportFilename(exp: WorkshopExport, format: ExportFormat): string {
  const when = (exp.source.kind === "snapshot" ? exp.source.takenAt : exp.exportedAt).slice(0, 10);
  const snapshot = exp.source.kind === "snapshot" ? `-snapshot-${slug(exp.source.label, "snapshot")}` : "";
  return `riskroom-${slug(exp.workshop.title, "workshop")}-${when}${snapshot}.${format}`;
}

export function slug(text: string, fallback: string, max = 40): string {
  const s = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (s.length <= max) return s || fallback;
  // Cut at a word boundary when there is one, so the name does not end in half a word.
  const cut = s.slice(0, max + 1);
  const end = cut.lastIndexOf("-");
  return end > max / 4 ? cut.slice(0, end) : s.slice(0, max).replace(/-+$/, "");
}
