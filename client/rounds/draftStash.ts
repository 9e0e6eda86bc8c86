import type { EstimateDraft } from "./estimateForm";

/**
 * Estimates typed but not sent, by round and scenario, kept while the expert looks elsewhere in the
 * room (the scenario's evidence, say): leaving the rounds view unmounts the form and its draft.
 */
const stash = new Map<string, EstimateDraft>();

export const peekEstimateDraft = (key: string): EstimateDraft | undefined => stash.get(key);

/** Keeps the draft if it holds something not sent, else forgets any kept before. */
export function keepEstimateDraft(key: string, draft: EstimateDraft, unsent: boolean): void {
  if (unsent) stash.set(key, draft);
  else stash.delete(key);
}
