/**
 * The document size bound (MAX_DOC_BYTES) and exportability, for what enters a workshop other than
 * by live edits: an import's content must fit the bound once written, and a snapshot is taken only
 * if its content fits and reads and renders as an export would read and render it.
 */
import * as Y from "yjs";
import { readContent } from "../../shared/content";
import type { ExportContent } from "../../shared/workshopExport";
import { DomainError } from "../domainErrors";
import { writeContent } from "../services/contentWriter";
import { narrativeToHtml } from "./narrativeHtml";
import { narrativeToMarkdown } from "./narrativeMarkdown";

const tooLarge = (what: string, bytes: number, max: number) =>
  new DomainError(
    "document_too_large",
    `${what} would be ${bytes} bytes, over this server's document bound of ${max} bytes (MAX_DOC_BYTES)`,
  );

/** Writes the content into a scratch document first: nothing is created when it would not fit. */
export function assertImportFits(content: ExportContent, maxDocBytes: number): void {
  const doc = new Y.Doc();
  try {
    writeContent(doc, content);
    const bytes = Y.encodeStateAsUpdate(doc).length;
    if (bytes > maxDocBytes) throw tooLarge("the imported content", bytes, maxDocBytes);
  } finally {
    doc.destroy();
  }
}

/**
 * The snapshot's content state, checked once before its blob is written: within the bound, and read
 * and rendered (Markdown and HTML narratives) as its export will be. Refused with 413 or 422.
 */
export function assertSnapshotExportable(content: Uint8Array, maxDocBytes: number): void {
  if (content.length > maxDocBytes) throw tooLarge("the snapshot's content", content.length, maxDocBytes);
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, content);
    for (const s of readContent(doc).scenarios) {
      narrativeToMarkdown(s.narrative);
      narrativeToHtml(s.narrative);
    }
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new DomainError(
      "snapshot_not_exportable",
      `the workshop's content could not be exported: ${reason}`,
    );
  } finally {
    doc.destroy();
  }
}
