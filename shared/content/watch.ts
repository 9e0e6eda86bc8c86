/**
 * Change notifications for the parts of the content document, so views re-read through the typed
 * accessors only when the part they show has changed. The root names stay in shared/content.
 */
import * as Y from "yjs";

export const CONTENT_PARTS = [
  "risks",
  "actors",
  "sources",
  "safeguards",
  "scenarios",
  "mitigations",
] as const;
export type ContentPart = (typeof CONTENT_PARTS)[number];

/** The root types that hold the content: the scope of an undo manager over every structured edit. */
export function contentRoots(doc: Y.Doc): Y.Map<unknown>[] {
  return CONTENT_PARTS.map((part) => doc.getMap<unknown>(part));
}

/** Narrative nodes: text and elements that Tiptap writes inside a scenario's Y.XmlFragment. */
function isRichText(type: Y.AbstractType<unknown>): boolean {
  return type instanceof Y.XmlFragment || type instanceof Y.XmlText;
}

/**
 * Calls `onChange` after each transaction that changed `part`. Keystrokes in a narrative change
 * only rich-text nodes: they are skipped unless `includeRichText` is set, so a list of scenarios
 * does not re-read on every letter typed in one of them.
 */
export function watchContent(
  doc: Y.Doc,
  part: ContentPart,
  onChange: () => void,
  { includeRichText = false }: { includeRichText?: boolean } = {},
): () => void {
  const root = doc.getMap<unknown>(part);
  const listener = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
    if (includeRichText || events.some((event) => !isRichText(event.target))) onChange();
  };
  root.observeDeep(listener);
  return () => root.unobserveDeep(listener);
}
