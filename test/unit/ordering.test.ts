import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { risksOf } from "../../shared/content";
import { neighbourMoveIndex } from "../../shared/ordering";

describe("neighbourMoveIndex", () => {
  it("swaps with the visible neighbour, stepping over hidden records", () => {
    const doc = new Y.Doc();
    const risks = risksOf(doc);
    const [a, hidden, b, c] = ["A", "Hidden", "B", "C"].map((title) => risks.add({ title }));
    const ids = () => risks.list().map((r) => r.id);
    const visible = () => ids().filter((id) => id !== hidden);

    const down = neighbourMoveIndex(ids(), visible(), a!, 1);
    risks.move(a!, down!);
    expect(visible()).toEqual([b, a, c]);

    const up = neighbourMoveIndex(ids(), visible(), c!, -1);
    risks.move(c!, up!);
    expect(visible()).toEqual([b, c, a]);
  });

  it("is null at either end and for an unknown id", () => {
    expect(neighbourMoveIndex(["a", "b"], ["a", "b"], "a", -1)).toBeNull();
    expect(neighbourMoveIndex(["a", "b"], ["a", "b"], "b", 1)).toBeNull();
    expect(neighbourMoveIndex(["a", "b"], ["a", "b"], "x", 1)).toBeNull();
  });
});
