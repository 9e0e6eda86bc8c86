import { useContext, useId } from "react";
import { removeAt, replaceAt } from "../draft";
import { messagesAt, type Path } from "../problems";
import { FieldMessages, PathMessages, ProblemsContext } from "./fields";

/** A list of short texts (indicators, mitigations): one text box each, add and remove. */
export function StringListEditor({
  title,
  itemName,
  items,
  path,
  onChange,
}: {
  title: string;
  itemName: string;
  items: readonly string[];
  path: Path;
  onChange(items: string[]): void;
}) {
  const id = useId();
  const problems = useContext(ProblemsContext);
  return (
    <fieldset className="fw-string-list">
      <legend>{title}</legend>
      <PathMessages path={path} />
      {items.length === 0 && <p className="muted small">None yet.</p>}
      <ol>
        {items.map((item, i) => {
          const messages = messagesAt(problems, [...path, i]);
          const inputId = `${id}-${i}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the texts are edited in place and may repeat
            <li key={i}>
              <label htmlFor={inputId} className="visually-hidden">
                {`${itemName} ${i + 1}`}
              </label>
              <textarea
                id={inputId}
                value={item}
                maxLength={1000}
                aria-invalid={messages.length > 0 || undefined}
                aria-describedby={messages.length > 0 ? `${inputId}-err` : undefined}
                onChange={(e) => onChange(replaceAt(items, i, e.currentTarget.value))}
              />
              <button
                type="button"
                className="danger-quiet"
                aria-label={`Remove ${itemName.toLowerCase()} ${i + 1}`}
                onClick={() => onChange(removeAt(items, i))}
              >
                Remove
              </button>
              <FieldMessages id={`${inputId}-err`} messages={messages} />
            </li>
          );
        })}
      </ol>
      <button type="button" className="add-button" onClick={() => onChange([...items, ""])}>
        Add {itemName.toLowerCase()}
      </button>
    </fieldset>
  );
}
