/**
 * Converts a narrative between its collaborative form (a Y.XmlFragment as y-prosemirror writes it:
 * elements named by node type, text with marks as attributes) and ProseMirror JSON. Both directions
 * walk with an explicit stack: a client may nest a narrative thousands deep. Reading keeps at most
 * MAX_RICH_TEXT_DEPTH levels (deeper content becomes marked plain text) and MAX_RICH_TEXT_NODES nodes.
 */
import * as Y from "yjs";
import { MAX_RICH_TEXT_DEPTH, MAX_RICH_TEXT_NODES } from "../limits";
import { FLATTENED_MARKER } from "./richTextWalk";
import type { RichTextNode } from "./schema";

type Mark = NonNullable<RichTextNode["marks"]>[number];

/** Put at the end of a narrative cut at the node bound. */
export const TRUNCATED_MARKER = `[narrative cut at ${MAX_RICH_TEXT_NODES} nodes]`;

export function fragmentToJson(fragment: Y.XmlFragment): RichTextNode {
  const root: RichTextNode = { type: "doc", content: [] };
  const elements: RichTextNode[] = [];
  const stack: Array<{ y: Y.XmlFragment | Y.XmlElement; out: RichTextNode[]; depth: number }> = [
    { y: fragment, out: root.content!, depth: 0 },
  ];
  let budget = MAX_RICH_TEXT_NODES;
  while (stack.length > 0 && budget > 0) {
    const { y, out, depth } = stack.pop()!;
    for (const child of y.toArray()) {
      if (budget <= 0) break;
      if (child instanceof Y.XmlText) {
        const runs = textRuns(child);
        budget -= runs.length;
        out.push(...runs);
      } else if (child instanceof Y.XmlElement) {
        budget--;
        // At the depth bound an element may not have children: one with any becomes its marked words.
        if (depth + 1 >= MAX_RICH_TEXT_DEPTH && child.length > 0) {
          const text = subtreeText(child);
          out.push({ type: "text", text: text ? `${FLATTENED_MARKER} ${text}` : FLATTENED_MARKER });
          continue;
        }
        const attrs = child.getAttributes() as Record<string, unknown>;
        const node: RichTextNode = {
          type: child.nodeName,
          ...(Object.keys(attrs).length > 0 ? { attrs } : {}),
        };
        node.content = [];
        stack.push({ y: child, out: node.content, depth: depth + 1 });
        elements.push(node);
        out.push(node);
      }
    }
  }
  if (budget <= 0)
    root.content!.push({ type: "paragraph", content: [{ type: "text", text: TRUNCATED_MARKER }] });
  // As y-prosemirror's JSON: no empty `content`.
  for (const node of elements) if (node.content?.length === 0) delete node.content;
  return root;
}

function textRuns(text: Y.XmlText): RichTextNode[] {
  const delta = text.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>;
  const runs: RichTextNode[] = [];
  for (const op of delta) {
    if (typeof op.insert !== "string") continue;
    const marks: Mark[] = Object.entries(op.attributes ?? {}).map(([type, attrs]) =>
      attrs && typeof attrs === "object" && Object.keys(attrs).length > 0
        ? { type, attrs: attrs as Record<string, unknown> }
        : { type },
    );
    runs.push(
      marks.length > 0 ? { type: "text", text: op.insert, marks } : { type: "text", text: op.insert },
    );
  }
  return runs;
}

/** The words of a subtree past the depth bound, in order, bounded by the node budget too. */
function subtreeText(element: Y.XmlElement): string {
  let out = "";
  let visited = 0;
  const stack: Array<Y.XmlElement | Y.XmlText | Y.XmlHook> = [element];
  while (stack.length > 0 && visited++ < MAX_RICH_TEXT_NODES) {
    const node = stack.pop()!;
    if (node instanceof Y.XmlText) {
      for (const run of textRuns(node)) out += run.text ?? "";
    } else if (node instanceof Y.XmlElement) {
      if (node.nodeName === "hardBreak") out += "\n";
      else if (out !== "" && !out.endsWith(" ")) out += " ";
      const children = node.toArray();
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return out.trim();
}

/**
 * Fills an empty fragment from ProseMirror JSON (for imports and new workshops from a snapshot), top
 * down: each element is inserted into the document before its children, so Yjs never integrates a
 * nested preliminary tree (which it does recursively). Adjacent text nodes share one Y.XmlText, as
 * y-prosemirror keeps them.
 */
export function jsonToFragment(json: RichTextNode, fragment: Y.XmlFragment): void {
  const stack: Array<{ node: RichTextNode; into: Y.XmlFragment | Y.XmlElement }> = [
    { node: json, into: fragment },
  ];
  while (stack.length > 0) {
    const { node, into } = stack.pop()!;
    let pending: RichTextNode[] = [];
    const flush = () => {
      if (pending.length > 0) into.insert(into.length, [textOf(pending)]);
      pending = [];
    };
    for (const child of node.content ?? []) {
      if (child.type === "text") {
        pending.push(child);
        continue;
      }
      flush();
      const element = new Y.XmlElement(child.type);
      for (const [key, value] of Object.entries(child.attrs ?? {}))
        element.setAttribute(key, value as string);
      into.insert(into.length, [element]);
      stack.push({ node: child, into: element });
    }
    flush();
  }
}

function textOf(runs: readonly RichTextNode[]): Y.XmlText {
  const text = new Y.XmlText();
  let at = 0;
  for (const t of runs) {
    const attributes = Object.fromEntries((t.marks ?? []).map((m) => [m.type, m.attrs ?? {}]));
    // Always the attributes, even none: without them a run inherits the formatting before it.
    text.insert(at, t.text ?? "", attributes);
    at += (t.text ?? "").length;
  }
  return text;
}
