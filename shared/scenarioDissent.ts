/**
 * Dissent on a scenario, recorded by the server (`POST /api/workshops/:id/scenarios/:scenarioId/dissent`):
 * the author and time come from the session, the note is kept in metadata and projected into the
 * control document, which clients only read. Notes that clients wrote into the content document
 * before this existed are taken over once, when the workshop's content first loads on a server of
 * this version, and kept marked `legacy`: their author is what the writing client stated.
 */
import type * as Y from "yjs";
import { z } from "zod";

export interface ScenarioDissent {
  id: string;
  scenarioId: string;
  participantId: string;
  name: string;
  at: string;
  text: string;
  /** Taken over from the content document: recorded before server-side dissent, author not checked. */
  legacy?: true;
}

/** Only the text is read; any author, time or id a client sends is dropped (the session's are used). */
export const scenarioDissentBody = z.object({
  text: z.string().trim().min(1, "must not be empty").max(4000),
});

export const SCENARIO_DISSENT_MAP = "scenarioDissent";

export function readScenarioDissent(doc: Y.Doc, scenarioId?: string): ScenarioDissent[] {
  const all = [...doc.getMap<ScenarioDissent>(SCENARIO_DISSENT_MAP).values()];
  const mine = scenarioId === undefined ? all : all.filter((d) => d.scenarioId === scenarioId);
  return mine.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

/** For the server alone. */
export function writeScenarioDissent(doc: Y.Doc, note: ScenarioDissent): void {
  doc.getMap<ScenarioDissent>(SCENARIO_DISSENT_MAP).set(note.id, note);
}
