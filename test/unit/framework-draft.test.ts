import { describe, expect, it } from "vitest";
import { shortHash } from "../../client/format";
import {
  addBand,
  addLadderTier,
  addLevel,
  addTier,
  moveItem,
  removeBand,
  removeLevel,
  removeTier,
  sameFramework,
  setCell,
  setLadder,
  uniqueId,
  updateBand,
  updateLevel,
} from "../../client/framework/draft";
import { lockBlocker, saveBlocker } from "../../client/framework/editor/editorState";
import { parseNumber } from "../../client/framework/editor/fields";
import { ladderRisks } from "../../client/framework/riskRefs";
import { defaultFramework, validateFramework } from "../../shared/estimation/framework";

describe("framework draft edits", () => {
  it("starts from a default framework that passes the check", () => {
    expect(validateFramework(defaultFramework()).ok).toBe(true);
  });

  it("moves items and ignores out-of-range moves", () => {
    expect(moveItem(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
    expect(moveItem(["a", "b", "c"], 2, 1)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b"], 1, 2)).toEqual(["a", "b"]);
  });

  it("makes ids unique from labels", () => {
    expect(uniqueId("Very Likely!", [])).toBe("very-likely");
    expect(uniqueId("band", ["band", "band-2"])).toBe("band-3");
    expect(uniqueId("***", [])).toBe("item");
  });

  it("adds a band whose matrix row copies the most likely one, and removes its row again", () => {
    const f = defaultFramework();
    const last = f.likelihoodBands.at(-1);
    const added = addBand(f);
    const band = added.likelihoodBands.at(-1);
    expect(band?.lower).toBe(last?.upper);
    expect(added.matrix[band?.id ?? ""]).toEqual(f.matrix[last?.id ?? ""]);
    const removed = removeBand(added, added.likelihoodBands.length - 1);
    expect(sameFramework(removed, f)).toBe(true);
  });

  it("adds and removes a severity column across every row", () => {
    const f = defaultFramework();
    const added = addLevel(f);
    const id = added.severityLevels.at(-1)?.id ?? "";
    for (const row of Object.values(added.matrix)) expect(row[id]).toBeDefined();
    expect(validateFramework(added).ok).toBe(true);
    expect(sameFramework(removeLevel(added, added.severityLevels.length - 1), f)).toBe(true);
  });

  it("empties the cells of a removed tier, which the check then reports per cell", () => {
    const f = defaultFramework();
    const removed = removeTier(f, 0);
    const tierId = f.tiers[0]?.id;
    for (const row of Object.values(removed.matrix)) expect(Object.values(row)).not.toContain(tierId);
    const result = validateFramework(removed);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.every((p) => p.path[0] === "matrix")).toBe(true);
  });

  it("sets and clears one cell", () => {
    const f = addTier(defaultFramework());
    const band = f.likelihoodBands[0]?.id ?? "";
    const level = f.severityLevels[0]?.id ?? "";
    const tier = f.tiers.at(-1)?.id ?? "";
    expect(setCell(f, band, level, tier).matrix[band]?.[level]).toBe(tier);
    expect(setCell(f, band, level, "").matrix[band]?.[level]).toBeUndefined();
  });

  it("drops an emptied numeric anchor and unit rather than keeping them empty", () => {
    const f = updateLevel(defaultFramework(), 0, { anchorValue: 5, anchorUnit: "deaths" });
    const cleared = updateLevel(f, 0, { anchorValue: undefined, anchorUnit: "" });
    expect("anchorValue" in (cleared.severityLevels[0] ?? {})).toBe(false);
    expect("anchorUnit" in (cleared.severityLevels[0] ?? {})).toBe(false);
  });

  it("reports a bad band bound at its field path", () => {
    const f = updateBand(defaultFramework(), 1, { upper: Number.NaN });
    const result = validateFramework(f);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map((p) => p.path)).toContainEqual(["likelihoodBands", 1, "upper"]);
    expect(sameFramework(f, defaultFramework())).toBe(false);
  });

  it("grows a ladder with unique rung ids and drops an emptied one", () => {
    let f = setLadder(defaultFramework(), "other-risk", []);
    expect(f.ladders["other-risk"]).toBeUndefined();
    f = addLadderTier(addLadderTier(f, "other-risk"), "other-risk");
    const ids = (f.ladders["other-risk"] ?? []).map((t) => t.id);
    expect(new Set(ids).size).toBe(2);
    expect(validateFramework(f).ok).toBe(true);
    expect(setLadder(f, "other-risk", []).ladders["other-risk"]).toBeUndefined();
  });
});

describe("framework editor decisions", () => {
  it("blocks saving without changes or with problems, and locking with either", () => {
    expect(saveBlocker(false, 0)).toBe("No unsaved changes.");
    expect(saveBlocker(true, 2)).toBe("Fix the 2 problems first.");
    expect(saveBlocker(true, 0)).toBeNull();
    expect(lockBlocker(true, 0)).toMatch(/unsaved/);
    expect(lockBlocker(true, 1)).toMatch(/1 problem and save/);
    expect(lockBlocker(false, 0)).toBeNull();
    expect(lockBlocker(false, 0, ["CBRN"])).toMatch(/CBRN a ladder of at least two tiers/);
    // Unsaved changes come first: the lock takes the saved framework.
    expect(lockBlocker(true, 0, ["CBRN"])).toMatch(/unsaved/);
  });

  it("parses typed numbers: empty is none, junk is NaN, a decimal comma is read", () => {
    expect(parseNumber("")).toBeUndefined();
    expect(parseNumber(" 0,25 ")).toBe(0.25);
    expect(parseNumber("1e-4")).toBe(0.0001);
    expect(parseNumber("abc")).toBeNaN();
  });

  it("shortens hashes for display", () => {
    expect(shortHash("a".repeat(64))).toBe(`${"a".repeat(12)}…`);
  });

  it("lists content risks, keeps archived ones with ladders, and flags ladders of unknown risks", () => {
    const risks = [
      { id: "cbrn", title: "CBRN", specified: true, archived: false },
      { id: "old", title: "Old", specified: false, archived: true },
      { id: "gone", title: "Gone", specified: false, archived: true },
    ];
    expect(ladderRisks(risks, ["old", "ghost"]).map((r) => r.title)).toEqual([
      "CBRN",
      "Old (archived)",
      "ghost (no such risk)",
    ]);
  });
});
