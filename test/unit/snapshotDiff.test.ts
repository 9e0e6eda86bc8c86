import { describe, expect, it } from "vitest";
import type { Content, RichTextNode, Scenario } from "../../shared/content/schema";
import type { ScenarioStanding } from "../../shared/snapshot";
import { diffSnapshots, narrativeText, standingChange, wordDiff } from "../../shared/snapshotDiff";

const paragraph = (...texts: string[]): RichTextNode => ({
  type: "doc",
  content: texts.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
});

function scenario(id: string, patch: Partial<Scenario> = {}): Scenario {
  return {
    id,
    riskId: "cbrn",
    title: `Scenario ${id}`,
    status: "draft",
    nature: [],
    actorIds: [],
    sourceIds: [],
    steps: [],
    evidence: [],
    dissent: [],
    narrative: { type: "doc", content: [] },
    order: 0,
    ...patch,
  } as Scenario;
}

const content = (scenarios: Scenario[]): Content => ({
  risks: [],
  actors: [],
  sources: [],
  safeguards: [],
  scenarios,
  mitigations: [],
});

function aggregate(
  best: number,
  tierId: string | null,
  roundNumber = 1,
): NonNullable<ScenarioStanding["pre"]> {
  return {
    roundNumber,
    probability: { n: 2, low: best / 2, best, high: best * 2 },
    severity: { levelId: "major" },
    bandId: null,
    tier: tierId ? { id: tierId, name: tierId, colour: "#aaaaaa", acceptable: "yes" } : null,
  } as unknown as NonNullable<ScenarioStanding["pre"]>;
}

describe("wordDiff", () => {
  it("marks replaced, inserted and deleted words and keeps the rest", () => {
    expect(wordDiff("the cat sat", "the dog sat down")).toEqual([
      { kind: "same", text: "the " },
      { kind: "del", text: "cat" },
      { kind: "ins", text: "dog" },
      { kind: "same", text: " sat" },
      { kind: "ins", text: " down" },
    ]);
  });
  it("reads a replaced phrase as one deletion and one insertion, not word by word", () => {
    // A lone space kept as "same" between changes used to interleave them: ~~repeatedly~~keeps ~~fails~~failing.
    expect(wordDiff("it repeatedly fails at culturing", "it keeps failing at culturing")).toEqual([
      { kind: "same", text: "it " },
      { kind: "del", text: "repeatedly fails" },
      { kind: "ins", text: "keeps failing" },
      { kind: "same", text: " at culturing" },
    ]);
  });
  it("keeps whitespace both sides of a replacement share outside the marks", () => {
    const segments = wordDiff(
      "diagnoses contamination, temperature",
      "diagnoses  The order.contamination, temperature",
    );
    expect(segments).toEqual([
      { kind: "same", text: "diagnoses " },
      { kind: "del", text: "contamination," },
      { kind: "ins", text: " The order.contamination," },
      { kind: "same", text: " temperature" },
    ]);
  });
  it("leaves the spaces between inserted words unmarked when nothing was deleted", () => {
    expect(wordDiff("a b", "a new words b")).toEqual([
      { kind: "same", text: "a " },
      { kind: "ins", text: "new words " },
      { kind: "same", text: "b" },
    ]);
  });
  it("handles empty sides", () => {
    expect(wordDiff("", "new text")).toEqual([{ kind: "ins", text: "new text" }]);
    expect(wordDiff("old", "")).toEqual([{ kind: "del", text: "old" }]);
    expect(wordDiff("", "")).toEqual([]);
  });
  it("reassembles both texts", () => {
    const from = "A lab assistant orders precursors online, then asks the model";
    const to = "A trained lab assistant orders restricted precursors, then asks a model twice";
    const segments = wordDiff(from, to);
    expect(
      segments
        .filter((s) => s.kind !== "ins")
        .map((s) => s.text)
        .join(""),
    ).toBe(from);
    expect(
      segments
        .filter((s) => s.kind !== "del")
        .map((s) => s.text)
        .join(""),
    ).toBe(to);
  });
  it("reassembles both texts whatever the mix of edits and whitespace", () => {
    const words = ["a", "b", "c", " ", "  ", "\n", "d."];
    let seed = 7;
    const pick = () => {
      seed = (seed * 48271) % 2147483647;
      return words[seed % words.length] ?? "";
    };
    for (let n = 0; n < 200; n++) {
      const from = Array.from({ length: 12 }, pick).join("");
      const to = Array.from({ length: 12 }, pick).join("");
      const segments = wordDiff(from, to);
      const side = (skip: string) =>
        segments
          .filter((s) => s.kind !== skip)
          .map((s) => s.text)
          .join("");
      expect(side("ins")).toBe(from);
      expect(side("del")).toBe(to);
      expect(segments.every((s) => s.text !== "")).toBe(true);
    }
  });
  it("falls back to a whole-text diff for huge inputs", () => {
    const big = Array.from({ length: 3000 }, (_, i) => `w${i}`).join(" ");
    const other = Array.from({ length: 3000 }, (_, i) => `x${i}`).join(" ");
    expect(wordDiff(big, other)).toEqual([
      { kind: "del", text: big },
      { kind: "ins", text: other },
    ]);
  });
});

describe("narrativeText", () => {
  it("joins text nodes and puts each block on its own line", () => {
    const doc: RichTextNode = {
      type: "doc",
      content: [
        { type: "heading", content: [{ type: "text", text: "Title" }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "bold ", marks: [{ type: "bold" }] },
            { type: "text", text: "plain" },
          ],
        },
        { type: "paragraph" },
      ],
    };
    expect(narrativeText(doc)).toBe("Title\nbold plain");
  });
});

describe("standingChange", () => {
  it("gives direction by best probability and notes a tier change", () => {
    expect(standingChange(aggregate(0.01, "amber"), aggregate(0.02, "red"))).toMatchObject({
      direction: "up",
      tierChanged: true,
      from: { best: 0.01, tierId: "amber" },
      to: { best: 0.02, tierId: "red" },
    });
    expect(standingChange(aggregate(0.02, "red"), aggregate(0.01, "red"))).toMatchObject({
      direction: "down",
      tierChanged: false,
    });
    expect(standingChange(null, aggregate(0.01, "red"))?.direction).toBe("new");
    expect(standingChange(aggregate(0.01, "red"), null)?.direction).toBe("gone");
  });
  it("is undefined when nothing changed", () => {
    expect(standingChange(null, null)).toBeUndefined();
    expect(standingChange(aggregate(0.01, "red"), aggregate(0.01, "red"))).toBeUndefined();
  });
  it("notes a new round at the same values", () => {
    expect(standingChange(aggregate(0.01, "red", 1), aggregate(0.01, "red", 2))?.direction).toBe("same");
  });
});

describe("diffSnapshots", () => {
  it("finds added, removed, changed and unchanged scenarios", () => {
    const from = {
      content: content([
        scenario("a"),
        scenario("b", { narrative: paragraph("one two three"), steps: [] }),
        scenario("c"),
      ]),
      standings: { b: { pre: aggregate(0.01, "amber"), residual: null } },
    };
    const to = {
      content: content([
        scenario("b", {
          title: "Renamed",
          status: "agreed" as Scenario["status"],
          narrative: paragraph("one 2 three"),
          evidence: [{ id: "e1", kind: "other", title: "eval", link: "", result: "", note: "" }],
        }),
        scenario("c"),
        scenario("d"),
      ]),
      standings: { b: { pre: aggregate(0.05, "red"), residual: aggregate(0.001, "green") } },
    };
    const diff = diffSnapshots(from, to);
    expect(diff.added.map((s) => s.id)).toEqual(["d"]);
    expect(diff.removed.map((s) => s.id)).toEqual(["a"]);
    expect(diff.unchanged).toBe(1);
    expect(diff.changed).toHaveLength(1);
    const b = diff.changed[0];
    expect(b).toMatchObject({
      id: "b",
      title: "Renamed",
      titleChange: { from: "Scenario b", to: "Renamed" },
      statusChange: { from: "draft", to: "agreed" },
      evidence: { from: 0, to: 1 },
      pre: { direction: "up", tierChanged: true },
      residual: { direction: "new" },
    });
    expect(b?.steps).toBeUndefined();
    expect(b?.riskChange).toBeUndefined();
    expect(b?.narrative).toEqual([
      { kind: "same", text: "one " },
      { kind: "del", text: "two" },
      { kind: "ins", text: "2" },
      { kind: "same", text: " three" },
    ]);
  });
});
