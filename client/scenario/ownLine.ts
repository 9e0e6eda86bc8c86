import { TextSelection } from "@tiptap/pm/state";
import type { Editor } from "@tiptap/react";
import type * as Y from "yjs";

/**
 * An empty narrative shows an empty paragraph that exists only on this screen until the first
 * keystroke writes it. When someone else's first words arrive first, the sync plugin rebuilds the
 * editor from theirs and has no place of ours to put the caret back in: it lands in their
 * sentence, and what this person types next is spliced into it (their first letter at the end of
 * the other's sentence). A person whose caret was waiting in the empty narrative gets a line of
 * their own after the other's instead, as if they had pressed Enter there.
 *
 * Only the server's updates count (`isFromServer` of the transaction's origin), not this device's
 * offline copy loading. Returns the undo.
 */
export function keepOwnLineWhenOthersStart(
  editor: Editor,
  fragment: Y.XmlFragment,
  isFromServer: (origin: unknown) => boolean,
): () => void {
  let wasEmpty = fragment.length === 0;
  const onChange = (_events: unknown, transaction: Y.Transaction) => {
    const othersStarted = wasEmpty && fragment.length > 0 && isFromServer(transaction.origin);
    wasEmpty = fragment.length === 0;
    if (!othersStarted || !editor.isEditable || !editor.isFocused) return;
    // The sync plugin rebuilds the editor in its own observer of this transaction: act after it.
    queueMicrotask(() => {
      if (editor.isDestroyed) return;
      const { state, view } = editor;
      const end = state.doc.content.size;
      const paragraph = state.schema.nodes.paragraph;
      if (!paragraph) return;
      const tr = state.tr.insert(end, paragraph.create());
      tr.setSelection(TextSelection.create(tr.doc, end + 1)).setMeta("addToHistory", false);
      view.dispatch(tr);
    });
  };
  fragment.observeDeep(onChange);
  return () => fragment.unobserveDeep(onChange);
}
