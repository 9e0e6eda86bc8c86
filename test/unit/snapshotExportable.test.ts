import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { assertSnapshotExportable } from "../../server/export/exportable";
import { addScenario, narrativeOf, seedSpecifiedRisks } from "../../shared/content";
import { jsonToFragment } from "../../shared/content/richText";

/** A new workshop's content with one scenario whose narrative has a heading, a list and a quote. */
function workshopState(): Uint8Array {
  const doc = new Y.Doc();
  seedSpecifiedRisks(doc);
  const id = addScenario(doc, { title: "Uplift in synthesis", riskId: "cbrn", status: "draft" });
  const text = (t: string) => ({ type: "text", text: t });
  jsonToFragment(
    {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [text("Pathway")] },
        {
          type: "bulletList",
          content: [{ type: "listItem", content: [{ type: "paragraph", content: [text("step")] }] }],
        },
        { type: "blockquote", content: [{ type: "paragraph", content: [text("expert view")] }] },
      ],
    },
    narrativeOf(doc, id),
  );
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

function codeOf(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (err) {
    return (err as { code?: string }).code;
  }
}

describe("a snapshot is taken only if its content could be exported", () => {
  it("accepts a workshop's content that reads and renders", () => {
    expect(() => assertSnapshotExportable(workshopState(), 1_000_000)).not.toThrow();
  });

  it("refuses content over the document bound with document_too_large", () => {
    const state = workshopState();
    expect(codeOf(() => assertSnapshotExportable(state, state.length - 1))).toBe("document_too_large");
  });

  it("refuses content that does not read as a document with snapshot_not_exportable", () => {
    const state = workshopState();
    expect(
      codeOf(() => assertSnapshotExportable(state.slice(0, Math.floor(state.length / 2)), 1_000_000)),
    ).toBe("snapshot_not_exportable");
  });
});
