import { type FormEvent, useState } from "react";

interface Props<K extends string> {
  /** Names the form and its fields, e.g. "evidence" → "Add evidence", "Title of new evidence". */
  noun: string;
  /** The title input's id, so focus can be sent back to it after a removal. */
  titleId: string;
  kinds: readonly K[];
  labels: Record<K, string>;
  initialKind: K;
  placeholder: string;
  maxLength: number;
  /** Adds the record; true when it was added, which clears the title for the next one. */
  onAdd(kind: K, title: string): boolean;
}

/** A one-line "kind + title" form that adds a record to a list; focus stays for the next one. */
export function KindTitleAdd<K extends string>(props: Props<K>) {
  const [kind, setKind] = useState<K>(props.initialKind);
  const [title, setTitle] = useState("");
  const kindId = `${props.titleId}-kind`;
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (title.trim() && props.onAdd(kind, title.trim())) setTitle("");
  };
  return (
    <form className="add-row" onSubmit={add} aria-label={`Add ${props.noun}`}>
      <label htmlFor={kindId} className="visually-hidden">
        Kind of new {props.noun}
      </label>
      <select
        id={kindId}
        value={kind}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setKind(props.kinds.find((k) => k === value) ?? props.initialKind);
        }}
      >
        {props.kinds.map((k) => (
          <option key={k} value={k}>
            {props.labels[k]}
          </option>
        ))}
      </select>
      <label htmlFor={props.titleId} className="visually-hidden">
        Title of new {props.noun}
      </label>
      <input
        id={props.titleId}
        value={title}
        maxLength={props.maxLength}
        autoComplete="off"
        placeholder={props.placeholder}
        onChange={(e) => setTitle(e.currentTarget.value)}
      />
      <button type="submit" disabled={!title.trim()}>
        Add {props.noun}
      </button>
    </form>
  );
}
