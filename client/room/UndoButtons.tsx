import { useUndoState } from "../hooks/useUndoState";
import { useRoom } from "./RoomContext";

/** Undo and redo of this person's own structured edits; the narrative has its own, in its toolbar. */
export function UndoButtons() {
  const { history } = useRoom();
  const { canUndo, canRedo } = useUndoState(history);
  return (
    <div className="undo-buttons">
      <button
        type="button"
        className="small-button"
        disabled={!canUndo}
        onClick={() => history.undo()}
        title="Undo your last edit (Ctrl+Z)"
      >
        ↶ Undo
      </button>
      <button
        type="button"
        className="small-button"
        disabled={!canRedo}
        onClick={() => history.redo()}
        title="Redo (Ctrl+Shift+Z)"
      >
        ↷ Redo
      </button>
    </div>
  );
}
