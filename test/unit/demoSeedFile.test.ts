import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { auroraSpec } from "../../server/demo/aurora";
import { seedFileSchema } from "../../server/demo/spec";

const file = () =>
  JSON.parse(readFileSync(new URL("../../server/demo/aurora.json", import.meta.url), "utf8"));
const problems = (json: unknown) => {
  const parsed = seedFileSchema.safeParse(json);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("the demo workshop's seed file", () => {
  it("is valid, and lays its content out as the seeder takes it", () => {
    expect(problems(file())).toEqual([]);
    expect(auroraSpec.scenarios).toHaveLength(file().content.scenarios.length);
    expect(auroraSpec.scenarios.find((s) => s.id === "sc-bio-novice")!.dissent).toHaveLength(1);
  });

  it("checks its content with the export schema: two scenarios with one id are refused", () => {
    const bad = file();
    bad.content.scenarios[1].id = bad.content.scenarios[0].id;
    expect(problems(bad)).toContainEqual(expect.stringMatching(/^content\.scenarios\.1\.id: duplicate id/));
  });

  it("checks its framework with the export schema", () => {
    const bad = file();
    bad.framework.likelihoodBands = "many";
    expect(problems(bad).some((p) => p.startsWith("framework.likelihoodBands"))).toBe(true);
  });

  it("refuses a note by an expert it does not list, and dissent put in the content", () => {
    const bad = file();
    bad.scenarioDissent["sc-bio-novice"][0].expert = 7;
    bad.content.scenarios[0].dissent = [
      { id: "d1", participantId: "p1", name: "Someone", at: "2026-11-22T05:00:00.000Z", text: "no" },
    ];
    expect(problems(bad)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^experts: a dissent note names an expert/),
        expect.stringMatching(/^content\.scenarios\.0\.dissent: dissent is written by the experts/),
      ]),
    );
  });

  it("refuses more estimates in a round than there are experts", () => {
    const bad = file();
    const [scenarioId, list] = Object.entries(bad.rounds[0].estimates)[0] as [string, unknown[]];
    bad.rounds[0].estimates[scenarioId] = [...list, list[0]];
    expect(problems(bad)).toContainEqual(`rounds.0.estimates.${scenarioId}: more estimates than experts`);
  });
});
