import { type FormEvent, type ReactNode, useState } from "react";
import { EmptyState } from "../fields/EmptyState";
import { ItemActions } from "../fields/ItemActions";
import { useRoom } from "../room/RoomContext";

/**
 * One list of the threat model (actors, sources of risk, safeguards): its records as cards with
 * inline fields, reorder and remove, and a one-line form that adds a record by name.
 */
export function ThreatList<T extends { id: string; name: string }>({
  id,
  title,
  intro,
  items,
  noun,
  empty,
  renderFields,
  onAdd,
  onMove,
  onRemove,
}: {
  id: string;
  title: string;
  intro: string;
  items: T[];
  /** "actor", "source", "safeguard": says which record a button acts on. */
  noun: string;
  empty: ReactNode;
  renderFields(item: T): ReactNode;
  onAdd(name: string): void;
  onMove(item: T, index: number): void;
  onRemove(item: T): void;
}) {
  const { canEdit } = useRoom();
  const [name, setName] = useState("");
  const addId = `add-${id}-name`;
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!name.trim()) return;
    onAdd(name.trim());
    setName("");
  };
  return (
    <section className="threat-column panel" aria-labelledby={`${id}-heading`}>
      <div className="panel-head">
        <h2 id={`${id}-heading`}>
          {title} <span className="count">{items.length}</span>
        </h2>
      </div>
      <p className="panel-intro">{intro}</p>
      {items.length === 0 ? (
        <EmptyState title={`No ${noun}s yet.`}>{canEdit ? empty : null}</EmptyState>
      ) : (
        <ul className="threat-list">
          {items.map((item, index) => (
            <li key={item.id} className="threat-card">
              <div className="threat-fields">{renderFields(item)}</div>
              <ItemActions
                idPrefix={`${id}-${item.id}`}
                name={`${noun} ${item.name}`}
                index={index}
                count={items.length}
                onMove={(direction) => onMove(item, index + direction)}
                onRemove={() => onRemove(item)}
                afterRemoveFocus={addId}
              />
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form className="add-row" onSubmit={add}>
          <label htmlFor={addId} className="visually-hidden">
            Name of new {noun}
          </label>
          <input
            id={addId}
            value={name}
            maxLength={200}
            autoComplete="off"
            placeholder={`New ${noun}…`}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <button type="submit" disabled={!name.trim()}>
            Add {noun}
          </button>
        </form>
      )}
    </section>
  );
}
