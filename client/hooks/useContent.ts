/**
 * What views read from the content document, one hook per thing, each re-reading through the typed
 * accessors only when its part of the document changed (and re-rendering only when the result did).
 */
import { useMemo, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import {
  type Actor,
  actorsOf,
  getScenario,
  listScenarios,
  type Mitigation,
  mitigationsOf,
  narrativeOf,
  type Risk,
  risksOf,
  type Safeguard,
  type ScenarioSummary,
  type Source,
  safeguardsOf,
  sourcesOf,
} from "../../shared/content";
import { type ContentPart, watchContent } from "../../shared/content/watch";
import { derivedSource } from "./derivedSource";

function useContentPart<T>(doc: Y.Doc, part: ContentPart, read: (doc: Y.Doc) => T): T {
  const source = useMemo(
    () =>
      derivedSource(
        (onChange) => watchContent(doc, part, onChange),
        () => read(doc),
      ),
    [doc, part, read],
  );
  return useSyncExternalStore(source.subscribe, source.getSnapshot);
}

const readRisks = (doc: Y.Doc) => risksOf(doc).list();
const readActors = (doc: Y.Doc) => actorsOf(doc).list();
const readSources = (doc: Y.Doc) => sourcesOf(doc).list();
const readSafeguards = (doc: Y.Doc) => safeguardsOf(doc).list();
const readScenarios = (doc: Y.Doc) => listScenarios(doc);
const readMitigations = (doc: Y.Doc) => mitigationsOf(doc).list();

/** Every risk, archived ones included, in their order. */
export const useRisks = (doc: Y.Doc): Risk[] => useContentPart(doc, "risks", readRisks);
export const useActors = (doc: Y.Doc): Actor[] => useContentPart(doc, "actors", readActors);
export const useSources = (doc: Y.Doc): Source[] => useContentPart(doc, "sources", readSources);
export const useSafeguards = (doc: Y.Doc): Safeguard[] => useContentPart(doc, "safeguards", readSafeguards);
/** Every mitigation, in its order; each names the scenarios it is linked to. */
export const useMitigations = (doc: Y.Doc): Mitigation[] =>
  useContentPart(doc, "mitigations", readMitigations);
/** Every scenario's summary (no narrative), for the navigation. */
export const useScenarioList = (doc: Y.Doc): ScenarioSummary[] =>
  useContentPart(doc, "scenarios", readScenarios);

/** One scenario's fields, steps, evidence and dissent; undefined once it is removed. */
export function useScenario(doc: Y.Doc, id: string): ScenarioSummary | undefined {
  const read = useMemo(() => (d: Y.Doc) => getScenario(d, id), [id]);
  return useContentPart(doc, "scenarios", read);
}

/**
 * A scenario's narrative fragment, or null once the scenario is gone. Compared by identity: undoing
 * a scenario's removal brings it back as a new Y type, and the editor must bind to that one.
 */
export function useNarrative(doc: Y.Doc, scenarioId: string): Y.XmlFragment | null {
  const source = useMemo(() => {
    const read = () => (getScenario(doc, scenarioId) ? narrativeOf(doc, scenarioId) : null);
    return derivedSource((onChange) => watchContent(doc, "scenarios", onChange), read, Object.is);
  }, [doc, scenarioId]);
  return useSyncExternalStore(source.subscribe, source.getSnapshot);
}
