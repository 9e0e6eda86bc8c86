/**
 * Who is looking at which scenario, from the content document's awareness states. Each client puts
 * `viewing` (a scenario id or null) and `editing` (focus is in one of its fields) into its own
 * state; the server stamps `user`, so only stamped states count.
 */
import type { PresenceUser } from "./presence";
import { peopleHere } from "./presenceList";

/** The fields this client sets in its awareness state besides `user` and Tiptap's `cursor`. */
export interface ViewingState {
  viewing: string | null;
  editing: boolean;
}

export interface ScenarioViewer extends PresenceUser {
  editing: boolean;
}

/**
 * Scenario id → the people on it, one entry per participant (editing wins over viewing when a
 * person has two tabs on it), in the order first seen. This client and, by participant id, its
 * other tabs are left out: the view marks where "you" are on its own.
 */
export function viewersByScenario(
  states: Iterable<[number, unknown]>,
  self: { clientId: number; participantId: string },
): Record<string, ScenarioViewer[]> {
  const byScenario: Record<string, ScenarioViewer[]> = {};
  for (const [clientId, state] of states) {
    if (clientId === self.clientId || typeof state !== "object" || state === null) continue;
    const { viewing, editing } = state as Partial<Record<keyof ViewingState, unknown>>;
    if (typeof viewing !== "string" || viewing === "") continue;
    const [user] = peopleHere([state]);
    if (!user || user.participantId === self.participantId) continue;
    const list = byScenario[viewing] ?? [];
    byScenario[viewing] = list;
    const existing = list.find((v) => v.participantId === user.participantId);
    if (existing) existing.editing ||= editing === true;
    else list.push({ ...user, editing: editing === true });
  }
  return byScenario;
}
