/**
 * Undo and redo of this person's own structured edits (risks, threat model, scenario fields, steps,
 * evidence, dissent). Every such edit runs in a transaction with this history's origin, and the
 * undo manager tracks that origin only: other people's edits, arriving from the provider, and the
 * narrative, which Tiptap writes with its own origin and undoes with its own manager, are left alone.
 */
import * as Y from "yjs";
import { contentRoots } from "../../shared/content/watch";

export class ContentHistory {
  /** Compared by identity: nothing else in the page can make a transaction with this origin. */
  private readonly origin = { riskroom: "structured edit" };
  readonly undoManager: Y.UndoManager;

  constructor(private readonly doc: Y.Doc) {
    this.undoManager = new Y.UndoManager(contentRoots(doc), {
      trackedOrigins: new Set([this.origin]),
      // Keystrokes in one field within this many ms undo together.
      captureTimeout: 700,
    });
  }

  /** The field the last keystrokes went to: typing on in the same field extends that undo step. */
  private typingIn: string | null = null;

  /**
   * Runs `change` as one undoable edit. `typingIn` names the field a keystroke went to: keystrokes
   * in one field, close together, undo together; anything else (an add, a choice, typing in
   * another field) starts a step of its own.
   */
  edit(change: () => void, typingIn?: string): boolean {
    if (typingIn === undefined || typingIn !== this.typingIn) this.undoManager.stopCapturing();
    this.typingIn = typingIn ?? null;
    try {
      this.doc.transact(change, this.origin);
      return true;
    } catch (err) {
      // The accessors validate before they write, so a refused value leaves the document as it was.
      console.warn("Riskroom: edit refused", err);
      return false;
    }
  }

  undo(): void {
    this.undoManager.undo();
  }

  redo(): void {
    this.undoManager.redo();
  }

  destroy(): void {
    this.undoManager.destroy();
  }
}

/** Names the field a patch types into, for `edit`'s `typingIn`: a record id and the patched keys. */
export function fieldKey(recordId: string, patch: object): string {
  return `${recordId}:${Object.keys(patch).join(",")}`;
}
