import type { Framework } from "../../../shared/estimation/framework";

/** An unsaved framework draft and the saved framework it started from. */
export interface StashedDraft {
  base: Framework;
  draft: Framework;
}

/**
 * Unsaved drafts by workshop, kept while the facilitator visits another view of the room: leaving
 * the framework view unmounts the editor, and its draft would otherwise vanish without a word.
 * (A reload is covered by the editor's beforeunload warning.)
 */
const stash = new Map<string, StashedDraft>();

export const peekDraft = (workshopId: string): StashedDraft | undefined => stash.get(workshopId);

/** Keeps the draft if it has unsaved edits, else forgets any kept before. */
export function keepDraft(workshopId: string, kept: StashedDraft, dirty: boolean): void {
  if (dirty) stash.set(workshopId, kept);
  else stash.delete(workshopId);
}
