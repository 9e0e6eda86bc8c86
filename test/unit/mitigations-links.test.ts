import { describe, expect, it } from "vitest";
import {
  linkableTo,
  linkedTo,
  otherScenarioCount,
  withLink,
  withoutLink,
} from "../../client/mitigations/mitigationLinks";
import type { Mitigation } from "../../shared/content";

const m = (id: string, scenarioIds: string[]): Mitigation => ({
  id,
  title: `Mitigation ${id}`,
  kind: "safety",
  owner: "",
  status: "planned",
  description: "",
  scenarioIds,
  order: 1,
});

describe("mitigation links", () => {
  const all = [m("a", ["s1"]), m("b", ["s1", "s2"]), m("c", ["s2"]), m("d", [])];

  it("lists the mitigations linked to a scenario, in their order", () => {
    expect(linkedTo(all, "s1").map((x) => x.id)).toEqual(["a", "b"]);
    expect(linkedTo(all, "s3")).toEqual([]);
  });

  it("offers to link every mitigation not yet linked, unlinked ones included", () => {
    expect(linkableTo(all, "s1").map((x) => x.id)).toEqual(["c", "d"]);
  });

  it("adds a link once and removes it", () => {
    expect(withLink(["s1"], "s2")).toEqual(["s1", "s2"]);
    expect(withLink(["s1", "s2"], "s2")).toEqual(["s1", "s2"]);
    expect(withoutLink(["s1", "s2"], "s1")).toEqual(["s2"]);
    expect(withoutLink(["s1"], "s9")).toEqual(["s1"]);
  });

  it("counts the other scenarios sharing a mitigation", () => {
    expect(otherScenarioCount(all[1] as Mitigation, "s1")).toBe(1);
    expect(otherScenarioCount(all[0] as Mitigation, "s1")).toBe(0);
  });
});
