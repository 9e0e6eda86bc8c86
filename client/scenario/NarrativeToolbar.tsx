import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";

interface ToolState {
  bold: boolean;
  italic: boolean;
  bullets: boolean;
  numbers: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

/** Formatting and the narrative's own undo, as buttons; each has its usual shortcut too. */
export function NarrativeToolbar({ editor, labelId }: { editor: Editor; labelId: string }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }): ToolState => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      bullets: e.isActive("bulletList"),
      numbers: e.isActive("orderedList"),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const run = (action: (chain: ReturnType<Editor["chain"]>) => ReturnType<Editor["chain"]>) =>
    action(editor.chain().focus()).run();
  const toggle = (label: string, keys: string, pressed: boolean, onClick: () => void, glyph: string) => (
    <button
      type="button"
      className="tool"
      aria-pressed={pressed}
      title={`${label} (${keys})`}
      onClick={onClick}
    >
      {/* The name is the words, the glyph only their picture ("1." is not "Numbered list"). */}
      <span aria-hidden="true">{glyph}</span>
      <span className="visually-hidden">{label}</span>
    </button>
  );
  return (
    <div className="narrative-toolbar" role="toolbar" aria-labelledby={labelId}>
      {toggle("Bold", "Ctrl+B", state.bold, () => run((c) => c.toggleBold()), "B")}
      {toggle("Italic", "Ctrl+I", state.italic, () => run((c) => c.toggleItalic()), "I")}
      {toggle("Bulleted list", "Ctrl+Shift+8", state.bullets, () => run((c) => c.toggleBulletList()), "•")}
      {toggle("Numbered list", "Ctrl+Shift+7", state.numbers, () => run((c) => c.toggleOrderedList()), "1.")}
      <span className="tool-gap" />
      <button
        type="button"
        className="tool"
        disabled={!state.canUndo}
        onClick={() => run((c) => c.undo())}
        aria-label="Undo typing"
        title="Undo your typing in the narrative (Ctrl+Z)"
      >
        ↶
      </button>
      <button
        type="button"
        className="tool"
        disabled={!state.canRedo}
        onClick={() => run((c) => c.redo())}
        aria-label="Redo typing"
        title="Redo your typing in the narrative (Ctrl+Shift+Z)"
      >
        ↷
      </button>
    </div>
  );
}
