/**
 * Writes exported content into a fresh content document, keeping every id and order, so that a
 * workshop imported from an export exports the same content again. Records go through the content
 * accessors; only the items inside a scenario (steps, evidence, dissent) are written directly, since
 * their accessor mints new ids.
 */
import * as Y from "yjs";
import {
  actorsOf,
  addScenario,
  mitigationsOf,
  narrativeOf,
  risksOf,
  safeguardsOf,
  setScenarioMember,
  sourcesOf,
  updateScenario,
} from "../../shared/content";
import { type Collection, writeFields } from "../../shared/content/collection";
import { jsonToFragment } from "../../shared/content/richText";
import type { ExportContent, ExportScenario } from "../../shared/workshopExport";

export function writeContent(doc: Y.Doc, content: ExportContent): void {
  doc.transact(() => {
    put(risksOf(doc), content.risks);
    put(actorsOf(doc), content.actors);
    put(sourcesOf(doc), content.sources);
    put(safeguardsOf(doc), content.safeguards);
    put(mitigationsOf(doc), content.mitigations);
    for (const scenario of content.scenarios) writeScenario(doc, scenario);
  });
}

/** Adds or overwrites each record; `add` puts a record last, so its order is set again after. */
function put<T extends { id: string; order: number }>(records: Collection<T>, items: readonly T[]): void {
  for (const { id, ...fields } of items) {
    const patch = fields as Partial<Omit<T, "id">>;
    if (!records.get(id)) records.add({ ...(patch as Partial<Omit<T, "id" | "order">>), id });
    records.update(id, patch);
  }
}

function writeScenario(doc: Y.Doc, s: ExportScenario): void {
  addScenario(doc, { id: s.id, riskId: s.riskId, title: s.title, status: s.status });
  updateScenario(doc, s.id, { order: s.order });
  for (const flag of s.nature) setScenarioMember(doc, s.id, "nature", flag, true);
  for (const id of s.actorIds) setScenarioMember(doc, s.id, "actorIds", id, true);
  for (const id of s.sourceIds) setScenarioMember(doc, s.id, "sourceIds", id, true);
  appendItems(doc, s.id, "steps", s.steps);
  appendItems(doc, s.id, "evidence", s.evidence);
  appendItems(doc, s.id, "dissent", s.dissent);
  jsonToFragment(s.narrative, narrativeOf(doc, s.id));
}

function appendItems(
  doc: Y.Doc,
  scenarioId: string,
  key: "steps" | "evidence" | "dissent",
  items: ReadonlyArray<{ id: string }>,
): void {
  const list = doc.getMap<Y.Map<unknown>>("scenarios").get(scenarioId)?.get(key);
  if (!(list instanceof Y.Array)) throw new Error(`scenario ${scenarioId} has no ${key} list`);
  for (const item of items) {
    const map = new Y.Map<unknown>();
    list.push([map]);
    writeFields(map, { ...item });
  }
}
