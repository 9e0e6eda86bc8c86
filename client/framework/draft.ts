/**
 * Pure edits of a framework draft. Each returns a new framework, so the editor's state stays
 * immutable and the draft can be compared with the saved one. Ids are generated, never typed:
 * the matrix refers to bands, levels and tiers by id, and a typo there would orphan its cells.
 */
import { canonicalJson } from "../../shared/estimation/canonicalJson";
import type {
  Framework,
  LadderTier,
  LikelihoodBand,
  MatrixTier,
  SeverityLevel,
} from "../../shared/estimation/framework";

export const replaceAt = <T>(items: readonly T[], index: number, item: T): T[] =>
  items.map((x, i) => (i === index ? item : x));

export const removeAt = <T>(items: readonly T[], index: number): T[] => items.filter((_, i) => i !== index);

/** Moves the item at `from` to `to`; out-of-range moves leave the list as it was. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= items.length || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** A lower-case id from a label, made unique against `taken` with a numeric suffix. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const stem =
    base
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 48) || "item";
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n++) if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** True when both frameworks serialise alike; a draft holding a non-number (NaN) always differs. */
export function sameFramework(a: Framework, b: Framework): boolean {
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch {
    return false;
  }
}

export function updateBand(f: Framework, index: number, patch: Partial<LikelihoodBand>): Framework {
  const band = f.likelihoodBands[index];
  if (!band) return f;
  return { ...f, likelihoodBands: replaceAt(f.likelihoodBands, index, { ...band, ...patch }) };
}

/** A new most-likely band starting where the last one ends; its matrix row copies the row below. */
export function addBand(f: Framework): Framework {
  const last = f.likelihoodBands.at(-1);
  const id = uniqueId(
    "band",
    f.likelihoodBands.map((b) => b.id),
  );
  const band: LikelihoodBand = {
    id,
    label: "New band",
    period: last?.period ?? "per year of deployment",
    lower: last?.upper ?? 0,
    upper: 1,
  };
  const row = last ? { ...(f.matrix[last.id] ?? {}) } : {};
  return { ...f, likelihoodBands: [...f.likelihoodBands, band], matrix: { ...f.matrix, [id]: row } };
}

export function removeBand(f: Framework, index: number): Framework {
  const band = f.likelihoodBands[index];
  if (!band) return f;
  const { [band.id]: _removed, ...matrix } = f.matrix;
  return { ...f, likelihoodBands: removeAt(f.likelihoodBands, index), matrix };
}

/**
 * Patches a level. An empty numeric anchor or unit is removed rather than kept empty, since the
 * schema treats both as optional.
 */
export function updateLevel(f: Framework, index: number, patch: Partial<SeverityLevel>): Framework {
  const level = f.severityLevels[index];
  if (!level) return f;
  const next: SeverityLevel = { ...level, ...patch };
  if ("anchorValue" in patch && patch.anchorValue === undefined) delete next.anchorValue;
  if ("anchorUnit" in patch && (patch.anchorUnit === undefined || patch.anchorUnit === ""))
    delete next.anchorUnit;
  return { ...f, severityLevels: replaceAt(f.severityLevels, index, next) };
}

/** A new most-severe level (its numeric anchor continuing the scale); each band's cell copies that band's most severe cell so far. */
export function addLevel(f: Framework): Framework {
  const last = f.severityLevels.at(-1);
  const id = uniqueId(
    "level",
    f.severityLevels.map((l) => l.id),
  );
  const level: SeverityLevel = { id, name: "New level", description: "", anchor: "" };
  // Anchors are all-or-none in one unit: continue the scale an order of magnitude up.
  if (last?.anchorValue !== undefined) {
    level.anchorValue = last.anchorValue > 0 ? last.anchorValue * 10 : 1;
    if (last.anchorUnit !== undefined) level.anchorUnit = last.anchorUnit;
  }
  const matrix: Framework["matrix"] = {};
  for (const [bandId, row] of Object.entries(f.matrix)) {
    const copied = last ? row[last.id] : undefined;
    matrix[bandId] = copied === undefined ? { ...row } : { ...row, [id]: copied };
  }
  return { ...f, severityLevels: [...f.severityLevels, level], matrix };
}

export function removeLevel(f: Framework, index: number): Framework {
  const level = f.severityLevels[index];
  if (!level) return f;
  const matrix: Framework["matrix"] = {};
  for (const [bandId, row] of Object.entries(f.matrix)) {
    const { [level.id]: _removed, ...rest } = row;
    matrix[bandId] = rest;
  }
  return { ...f, severityLevels: removeAt(f.severityLevels, index), matrix };
}

export function updateTier(f: Framework, index: number, patch: Partial<MatrixTier>): Framework {
  const tier = f.tiers[index];
  if (!tier) return f;
  return { ...f, tiers: replaceAt(f.tiers, index, { ...tier, ...patch }) };
}

export function addTier(f: Framework): Framework {
  const id = uniqueId(
    "tier",
    f.tiers.map((t) => t.id),
  );
  const tier: MatrixTier = { id, name: "New tier", colour: "#8c8c8c", acceptable: "unacceptable" };
  return { ...f, tiers: [...f.tiers, tier] };
}

/** Removes a tier; the matrix cells that used it become empty, so the editor asks for a new choice. */
export function removeTier(f: Framework, index: number): Framework {
  const tier = f.tiers[index];
  if (!tier) return f;
  const matrix: Framework["matrix"] = {};
  for (const [bandId, row] of Object.entries(f.matrix))
    matrix[bandId] = Object.fromEntries(Object.entries(row).filter(([, tierId]) => tierId !== tier.id));
  return { ...f, tiers: removeAt(f.tiers, index), matrix };
}

/** Sets one cell; an empty tier id clears it. */
export function setCell(f: Framework, bandId: string, levelId: string, tierId: string): Framework {
  const { [levelId]: _old, ...rest } = f.matrix[bandId] ?? {};
  return { ...f, matrix: { ...f.matrix, [bandId]: tierId ? { ...rest, [levelId]: tierId } : rest } };
}

/** Replaces a risk's ladder; an empty ladder is dropped, so the draft has no empty keys. */
export function setLadder(f: Framework, riskId: string, ladder: LadderTier[]): Framework {
  const { [riskId]: _old, ...rest } = f.ladders;
  return { ...f, ladders: ladder.length > 0 ? { ...rest, [riskId]: ladder } : rest };
}

/** Appends a rung above the risk's highest one. */
export function addLadderTier(f: Framework, riskId: string): Framework {
  const ladder = f.ladders[riskId] ?? [];
  const id = uniqueId(
    `${riskId}-${ladder.length + 1}`,
    ladder.map((t) => t.id),
  );
  const tier: LadderTier = {
    id,
    name: `Tier ${ladder.length + 1}`,
    indicators: [],
    mitigations: [],
    acceptableWithMitigations: false,
  };
  return setLadder(f, riskId, [...ladder, tier]);
}
