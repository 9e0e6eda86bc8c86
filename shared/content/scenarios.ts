/**
 * Risk scenarios in the content document. A scenario is a Y.Map whose plain fields are scalars,
 * whose sets (nature flags, actors, sources) are Y.Maps of `true` so concurrent toggles merge, whose
 * pathway, evidence and dissent are ordered item lists, and whose narrative is a Y.XmlFragment.
 */
import * as Y from "yjs";
import { newRecordId, writeFields } from "./collection";
import { type ItemList, itemList, orderedItems } from "./itemList";
import { recordToPlain } from "./plainRecord";
import { fragmentToJson } from "./richText";
import {
  type Dissent,
  dissentSchema,
  type Evidence,
  evidenceSchema,
  type NATURE_FLAGS,
  type Scenario,
  type Step,
  scenarioSchema,
  stepSchema,
} from "./schema";
import { parseFitted } from "./textField";

/** A scenario without its narrative, for lists that re-render on every keystroke. */
export type ScenarioSummary = Omit<Scenario, "narrative">;
export type ScenarioSet = "nature" | "actorIds" | "sourceIds";
type ScenarioFields = Pick<Scenario, "title" | "riskId" | "status">;

const SETS: ScenarioSet[] = ["nature", "actorIds", "sourceIds"];
const LISTS = ["steps", "evidence", "dissent"] as const;
const summarySchema = scenarioSchema.omit({ narrative: true });

const root = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>("scenarios");

function scenarioMap(doc: Y.Doc, id: string): Y.Map<unknown> {
  const map = root(doc).get(id);
  if (!(map instanceof Y.Map)) throw new Error(`no scenario ${id}`);
  return map;
}

function childMap(map: Y.Map<unknown>, key: ScenarioSet): Y.Map<boolean> {
  const value = map.get(key);
  if (value instanceof Y.Map) return value as Y.Map<boolean>;
  throw new Error(`scenario field ${key} is missing`);
}

function childList(map: Y.Map<unknown>, key: (typeof LISTS)[number]): Y.Array<Y.Map<unknown>> {
  const value = map.get(key);
  if (value instanceof Y.Array) return value as Y.Array<Y.Map<unknown>>;
  throw new Error(`scenario field ${key} is missing`);
}

function readSummary(map: unknown): ScenarioSummary | undefined {
  if (!(map instanceof Y.Map)) return undefined;
  const plain: Record<string, unknown> = {};
  for (const [key, value] of map.entries()) {
    if (value instanceof Y.Text) plain[key] = value.toString();
    else if (!(value instanceof Y.AbstractType)) plain[key] = value;
  }
  for (const set of SETS) {
    const value = map.get(set);
    if (value instanceof Y.Map)
      plain[set] = [...value.entries()].filter(([, on]) => on === true).map(([k]) => k);
  }
  for (const list of LISTS) {
    const value = map.get(list);
    if (value instanceof Y.Array)
      plain[list] = orderedItems(value as Y.Array<Y.Map<unknown>>).map(recordToPlain);
  }
  return parseFitted(summarySchema, plain);
}

export function listScenarios(doc: Y.Doc, riskId?: string): ScenarioSummary[] {
  return [...root(doc).values()]
    .map(readSummary)
    .filter((s): s is ScenarioSummary => s !== undefined && (riskId === undefined || s.riskId === riskId))
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

export function getScenario(doc: Y.Doc, id: string): ScenarioSummary | undefined {
  return readSummary(root(doc).get(id));
}

/** The full scenario with its narrative as ProseMirror JSON (for exports). */
export function readScenario(doc: Y.Doc, id: string): Scenario | undefined {
  const summary = getScenario(doc, id);
  if (!summary) return undefined;
  return { ...summary, narrative: fragmentToJson(narrativeOf(doc, id)) };
}

export function addScenario(doc: Y.Doc, fields: ScenarioFields & { id?: string }): string {
  const id = fields.id ?? newRecordId();
  const last = listScenarios(doc).at(-1);
  const plain = summarySchema.parse({ ...fields, id, order: (last?.order ?? 0) + 1 });
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    root(doc).set(id, map);
    writeFields(map, {
      id,
      riskId: plain.riskId,
      title: plain.title,
      status: plain.status,
      order: plain.order,
    });
    for (const set of SETS) map.set(set, new Y.Map<boolean>());
    for (const list of LISTS) map.set(list, new Y.Array<Y.Map<unknown>>());
    map.set("narrative", new Y.XmlFragment());
  });
  return id;
}

export function updateScenario(
  doc: Y.Doc,
  id: string,
  patch: Partial<ScenarioFields & { order: number }>,
): void {
  const map = scenarioMap(doc, id);
  const current = readSummary(map);
  if (!current) throw new Error(`scenario ${id} is unreadable`);
  const next = summarySchema.parse({ ...current, ...patch, id });
  const changed = Object.fromEntries(Object.keys(patch).map((k) => [k, next[k as keyof ScenarioSummary]]));
  doc.transact(() => writeFields(map, changed));
}

export function removeScenario(doc: Y.Doc, id: string): void {
  root(doc).delete(id);
}

export function setScenarioMember(doc: Y.Doc, id: string, set: ScenarioSet, key: string, on: boolean): void {
  if (set === "nature") summarySchema.shape.nature.parse([key]);
  const members = childMap(scenarioMap(doc, id), set);
  if (on) members.set(key, true);
  else members.delete(key);
}

export type NatureFlag = (typeof NATURE_FLAGS)[number];

export function stepsOf(doc: Y.Doc, scenarioId: string): ItemList<Step> {
  return itemList(childList(scenarioMap(doc, scenarioId), "steps"), stepSchema);
}

export function evidenceOf(doc: Y.Doc, scenarioId: string): ItemList<Evidence> {
  return itemList(childList(scenarioMap(doc, scenarioId), "evidence"), evidenceSchema);
}

/**
 * Dissent notes that clients wrote into the content document before dissent was recorded by the
 * server (shared/scenarioDissent.ts). Read-only: nothing writes this list any more, and what a
 * client puts there is not dissent on record (the server takes the list over once, marked legacy).
 */
export function legacyDissentOf(doc: Y.Doc, scenarioId: string): Dissent[] {
  return itemList(childList(scenarioMap(doc, scenarioId), "dissent"), dissentSchema).list();
}

/** The collaborative narrative, for the editor (Tiptap's Collaboration `fragment` option). */
export function narrativeOf(doc: Y.Doc, scenarioId: string): Y.XmlFragment {
  const value = scenarioMap(doc, scenarioId).get("narrative");
  if (value instanceof Y.XmlFragment) return value;
  throw new Error("scenario narrative is missing");
}
