import { useEditable } from "./editable";
import { changeThenFocus } from "./focusSoon";

/**
 * Move up, move down and remove for one item of an ordered list. After a move the keyboard stays
 * on the moved item's button; after a removal it goes to `afterRemoveFocus` (e.g. the Add button).
 */
export function ItemActions({
  idPrefix,
  name,
  index,
  count,
  onMove,
  onRemove,
  afterRemoveFocus,
}: {
  idPrefix: string;
  /** Says which item, for screen readers: "step 2", "actor State lab". */
  name: string;
  index: number;
  count: number;
  onMove(direction: -1 | 1): void;
  onRemove(): void;
  afterRemoveFocus: string;
}) {
  if (!useEditable()) return null;
  const move = (direction: -1 | 1) => {
    const landsAtEnd = direction < 0 ? index + direction === 0 : index + direction === count - 1;
    const keep = landsAtEnd ? (direction < 0 ? "down" : "up") : direction < 0 ? "up" : "down";
    // At the end it moved to, the button it was pressed with is disabled: the other one takes over.
    changeThenFocus(
      () => onMove(direction),
      () => `${idPrefix}-${keep}`,
    );
  };
  return (
    <div className="item-actions">
      <button
        type="button"
        id={`${idPrefix}-up`}
        className="icon-button"
        disabled={index === 0}
        onClick={() => move(-1)}
        aria-label={`Move ${name} up`}
        title="Move up"
      >
        ↑
      </button>
      <button
        type="button"
        id={`${idPrefix}-down`}
        className="icon-button"
        disabled={index === count - 1}
        onClick={() => move(1)}
        aria-label={`Move ${name} down`}
        title="Move down"
      >
        ↓
      </button>
      <button
        type="button"
        className="icon-button danger-quiet"
        onClick={() => changeThenFocus(onRemove, () => afterRemoveFocus)}
        aria-label={`Remove ${name}`}
        title="Remove (Ctrl+Z undoes)"
      >
        ✕
      </button>
    </div>
  );
}
