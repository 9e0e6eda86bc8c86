/**
 * Walks over rich text (ProseMirror JSON) with an explicit stack, never recursion: a narrative is
 * client-controlled and may nest thousands deep. Nodes deeper than MAX_RICH_TEXT_DEPTH are not
 * descended into; the caller renders them flattened, with FLATTENED_MARKER in front.
 */
import { MAX_RICH_TEXT_DEPTH, MAX_RICH_TEXT_NODES } from "../limits";
import type { RichTextNode } from "./schema";

/** Put before the text of content that was nested deeper than the bound, so a reader sees why its shape is gone. */
export const FLATTENED_MARKER = `[nested deeper than ${MAX_RICH_TEXT_DEPTH} levels; flattened]`;

export interface RichTextFold<R> {
  /** Whether to fold this node's children (false: `combine` gets none, e.g. for inline containers). */
  descend(node: RichTextNode): boolean;
  /** A node's result from its children's results, in order. */
  combine(node: RichTextNode, children: R[]): R;
  /** A node past the depth bound; `plainTextOf` gives its words. */
  flattened(node: RichTextNode): R;
}

/** Post-order fold: each node's result from its children's, children first. The root is depth 0. */
export function foldRichText<R>(
  root: RichTextNode,
  fold: RichTextFold<R>,
  maxDepth = MAX_RICH_TEXT_DEPTH,
): R {
  interface Frame {
    node: RichTextNode;
    depth: number;
    next: number;
    results: R[];
  }
  const stack: Frame[] = [{ node: root, depth: 0, next: 0, results: [] }];
  for (;;) {
    const frame = stack[stack.length - 1]!;
    const children = fold.descend(frame.node) ? (frame.node.content ?? []) : [];
    if (frame.next < children.length) {
      const child = children[frame.next++]!;
      if (frame.depth + 1 > maxDepth) frame.results.push(fold.flattened(child));
      else stack.push({ node: child, depth: frame.depth + 1, next: 0, results: [] });
      continue;
    }
    stack.pop();
    const result = fold.combine(frame.node, frame.results);
    const parent = stack[stack.length - 1];
    if (!parent) return result;
    parent.results.push(result);
  }
}

/** Every text in the subtree, in order, hard breaks as newlines; iterative, so any depth is fine. */
export function plainTextOf(node: RichTextNode): string {
  let out = "";
  const stack: RichTextNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === "text") out += n.text ?? "";
    else if (n.type === "hardBreak") out += "\n";
    const content = n.content ?? [];
    for (let i = content.length - 1; i >= 0; i--) stack.push(content[i]!);
  }
  return out;
}

export interface RichTextProblem {
  kind: "too_deep" | "too_large";
  /** Where, from the narrative's root: `content.0.content.3…`, cut at the bound. */
  path: Array<string | number>;
}

/**
 * Whether a narrative (as plain JSON, not yet validated) is within the depth and node bounds. Looks
 * only at `content` arrays; anything not shaped like a node is left to the schema.
 */
export function richTextProblem(json: unknown): RichTextProblem | null {
  const stack: Array<{ value: unknown; depth: number; path: Array<string | number> }> = [
    { value: json, depth: 0, path: [] },
  ];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (++nodes > MAX_RICH_TEXT_NODES) return { kind: "too_large", path };
    if (depth > MAX_RICH_TEXT_DEPTH) return { kind: "too_deep", path };
    const content = (value as { content?: unknown } | null)?.content;
    if (!Array.isArray(content)) continue;
    if (nodes + stack.length + content.length > MAX_RICH_TEXT_NODES) return { kind: "too_large", path };
    content.forEach((child, i) => {
      stack.push({ value: child, depth: depth + 1, path: [...path, "content", i] });
    });
  }
  return null;
}
