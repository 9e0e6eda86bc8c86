import { Collaboration } from "@tiptap/extension-collaboration";
import { CollaborationCaret } from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import { StarterKit } from "@tiptap/starter-kit";
import { useEffect, useMemo, useRef } from "react";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import { NarrativeToolbar } from "./NarrativeToolbar";
import { keepOwnLineWhenOthersStart } from "./ownLine";

/**
 * A scenario's narrative, co-edited live. The fragment and the awareness come from the room; this
 * component never creates a document or a connection. Undo here is Tiptap's collaboration undo
 * (y-tiptap's yUndoPlugin, which Collaboration sets up): it reverts this person's typing only.
 */
export function NarrativeEditor({
  fragment,
  awareness,
  isFromServer,
  user,
  editable,
  labelId,
}: {
  fragment: Y.XmlFragment;
  /** Where carets travel. */
  awareness: Awareness;
  isFromServer(origin: unknown): boolean;
  user: { name: string; color: string };
  editable: boolean;
  labelId: string;
}) {
  const exitRef = useRef<HTMLParagraphElement>(null);
  // All the caret extension reads of a "provider" is its awareness.
  const caretSource = useMemo(() => ({ awareness }), [awareness]);
  const editor = useEditor(
    {
      extensions: [
        // Collaboration brings its own history; StarterKit's would undo other people's typing.
        StarterKit.configure({ undoRedo: false, heading: { levels: [3, 4] }, codeBlock: false }),
        Collaboration.configure({ fragment }),
        CollaborationCaret.configure({ provider: caretSource, user: { name: user.name, color: user.color } }),
      ],
      editable,
      editorProps: {
        attributes: {
          class: "narrative-content",
          role: "textbox",
          "aria-multiline": "true",
          "aria-labelledby": labelId,
          "aria-describedby": `${labelId}-keys`,
        },
        // Escape hands the keyboard back to the page, just after the editor: Tab then goes on.
        handleKeyDown: (_view, event) => {
          if (event.key !== "Escape") return false;
          exitRef.current?.focus();
          return true;
        },
      },
    },
    // Made once per fragment: a change of role or session updates the editor in place, so the text,
    // the caret and the undo history stay (a new colour reaches the caret through the awareness
    // state the room keeps, see RoomPage).
    [fragment, caretSource],
  );
  // The hook may hand over no editor yet (or a destroyed one while it makes the next): wait for it.
  const live = editor && !editor.isDestroyed ? editor : null;
  useEffect(() => {
    if (live && live.isEditable !== editable) live.setEditable(editable);
  }, [live, editable]);
  useEffect(
    () => (live ? keepOwnLineWhenOthersStart(live, fragment, isFromServer) : undefined),
    [live, fragment, isFromServer],
  );
  const isEmpty = useEditorState({ editor, selector: ({ editor: e }) => e.isEmpty });

  return (
    <div className={editable ? "narrative" : "narrative readonly"}>
      {editable && <NarrativeToolbar editor={editor} labelId={labelId} />}
      <div className="narrative-frame">
        <EditorContent editor={editor} />
        {isEmpty && (
          <p className="narrative-placeholder" aria-hidden="true">
            {editable
              ? "Tell how this could unfold: who acts, with what help from the model, to what harm."
              : "No narrative yet."}
          </p>
        )}
      </div>
      {editable && (
        <p className="narrative-exit" ref={exitRef} tabIndex={-1}>
          Left the narrative: Tab goes on, Shift+Tab goes back.
        </p>
      )}
      <p id={`${labelId}-keys`} className="visually-hidden">
        {editable ? "Rich text. Ctrl+Z undoes your own typing here. Escape leaves the editor." : "Read only."}
      </p>
    </div>
  );
}
