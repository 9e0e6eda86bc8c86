/**
 * Converts a narrative between its collaborative form (a Y.XmlFragment as y-prosemirror writes it:
 * elements named by node type, text with marks as attributes) and ProseMirror JSON.
 */
import * as Y from "yjs";
import type { RichTextNode } from "./schema";

type Mark = NonNullable<RichTextNode["marks"]>[number];

export function fragmentToJson(fragment: Y.XmlFragment): RichTextNode {
  return { type: "doc", content: fragment.toArray().flatMap(nodeToJson) };
}

function nodeToJson(node: Y.XmlElement | Y.XmlText | Y.XmlHook): RichTextNode[] {
  if (node instanceof Y.XmlText) {
    const delta = node.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>;
    return delta
      .filter(
        (op): op is { insert: string; attributes?: Record<string, unknown> } => typeof op.insert === "string",
      )
      .map((op) => {
        const marks: Mark[] = Object.entries(op.attributes ?? {}).map(([type, attrs]) =>
          attrs && typeof attrs === "object" && Object.keys(attrs).length > 0
            ? { type, attrs: attrs as Record<string, unknown> }
            : { type },
        );
        return marks.length > 0
          ? { type: "text", text: op.insert, marks }
          : { type: "text", text: op.insert };
      });
  }
  if (node instanceof Y.XmlElement) {
    const attrs = node.getAttributes() as Record<string, unknown>;
    const content = node.toArray().flatMap(nodeToJson);
    return [
      {
        type: node.nodeName,
        ...(Object.keys(attrs).length > 0 ? { attrs } : {}),
        ...(content.length > 0 ? { content } : {}),
      },
    ];
  }
  return [];
}

/** Fills an empty fragment from ProseMirror JSON (for imports and new workshops from a snapshot). */
export function jsonToFragment(json: RichTextNode, fragment: Y.XmlFragment): void {
  const children = (json.content ?? []).flatMap(jsonToNode);
  fragment.insert(fragment.length, children);
}

function jsonToNode(node: RichTextNode): Array<Y.XmlElement | Y.XmlText> {
  if (node.type === "text") {
    const text = new Y.XmlText();
    const attributes = Object.fromEntries((node.marks ?? []).map((m) => [m.type, m.attrs ?? {}]));
    text.insert(0, node.text ?? "", Object.keys(attributes).length > 0 ? attributes : undefined);
    return [text];
  }
  const element = new Y.XmlElement(node.type);
  for (const [key, value] of Object.entries(node.attrs ?? {})) element.setAttribute(key, value as string);
  // Adjacent text nodes share one Y.XmlText, as y-prosemirror keeps them.
  const parts: Array<Y.XmlElement | Y.XmlText> = [];
  let pending: RichTextNode[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const text = new Y.XmlText();
    let at = 0;
    for (const t of pending) {
      const attributes = Object.fromEntries((t.marks ?? []).map((m) => [m.type, m.attrs ?? {}]));
      text.insert(at, t.text ?? "", attributes);
      at += (t.text ?? "").length;
    }
    parts.push(text);
    pending = [];
  };
  for (const child of node.content ?? []) {
    if (child.type === "text") pending.push(child);
    else {
      flush();
      parts.push(...jsonToNode(child));
    }
  }
  flush();
  element.insert(0, parts);
  return [element];
}
