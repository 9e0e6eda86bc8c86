import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { narrativeToHtml } from "../../server/export/narrativeHtml";
import { narrativeToMarkdown } from "../../server/export/narrativeMarkdown";
import { recordToPlain } from "../../shared/content/plainRecord";
import { fragmentToJson, jsonToFragment } from "../../shared/content/richText";
import { FLATTENED_MARKER, richTextProblem } from "../../shared/content/richTextWalk";
import type { RichTextNode } from "../../shared/content/schema";
import { MAX_RECORD_NESTING, MAX_RICH_TEXT_DEPTH } from "../../shared/limits";

function nested(depth: number): RichTextNode {
  let node: RichTextNode = { type: "paragraph", content: [{ type: "text", text: "bottom" }] };
  for (let i = 0; i < depth; i++) node = { type: "blockquote", content: [node] };
  return { type: "doc", content: [node] };
}

function depthOf(root: RichTextNode): number {
  let max = 0;
  const stack: Array<[RichTextNode, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [n, d] = stack.pop()!;
    max = Math.max(max, d);
    for (const c of n.content ?? []) stack.push([c, d + 1]);
  }
  return max;
}

describe("rich text bounds", () => {
  it("reads a fragment nested 5,000 deep within the depth bound, the deep words flattened behind a marker", () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment("n");
    doc.transact(() => jsonToFragment(nested(5000), fragment));
    const json = fragmentToJson(fragment);
    expect(depthOf(json)).toBeLessThanOrEqual(MAX_RICH_TEXT_DEPTH);
    expect(JSON.stringify(json)).toContain(`${FLATTENED_MARKER} bottom`);
    expect(richTextProblem(json)).toBeNull();
  });

  it("renders Markdown and HTML of JSON nested 5,000 deep without recursion", () => {
    const deep = nested(5000);
    expect(narrativeToMarkdown(deep)).toContain("nested deeper than");
    expect(narrativeToMarkdown(deep)).toContain("bottom");
    expect(narrativeToHtml(deep)).toContain(`${FLATTENED_MARKER} bottom`);
  });

  it("keeps a narrative within the bound as it is, both ways", () => {
    const doc = new Y.Doc();
    const within = nested(MAX_RICH_TEXT_DEPTH - 2);
    jsonToFragment(within, doc.getXmlFragment("n"));
    expect(fragmentToJson(doc.getXmlFragment("n"))).toEqual(within);
    expect(richTextProblem(within)).toBeNull();
    expect(richTextProblem(nested(MAX_RICH_TEXT_DEPTH))?.kind).toBe("too_deep");
  });

  it("reads a record with shared types nested 10,000 deep, leaving out what passes the bound", () => {
    const doc = new Y.Doc();
    const record = doc.getMap<unknown>("r");
    doc.transact(() => {
      record.set("title", "kept");
      let inner = new Y.Map<unknown>();
      record.set("junk", inner);
      for (let i = 0; i < 10_000; i++) {
        const next = new Y.Map<unknown>();
        inner.set("x", next);
        inner = next;
      }
    });
    const plain = recordToPlain(record);
    expect(plain.title).toBe("kept");
    let depth = 0;
    let at = plain.junk as Record<string, unknown> | undefined;
    while (at) {
      depth++;
      at = at.x as Record<string, unknown> | undefined;
    }
    expect(depth).toBe(MAX_RECORD_NESTING);
  });
});
