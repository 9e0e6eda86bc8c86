/**
 * The editor's inputs. Each takes the field path of the value it edits and shows, right under
 * itself, the problems the live check or the server reported for that path.
 */
import { createContext, type ReactNode, useContext, useEffect, useId, useState } from "react";
import { messagesAt, type Path, type ProblemIndex } from "../problems";

export const ProblemsContext = createContext<ProblemIndex>(new Map());

function useFieldProblems(path: Path) {
  const messages = messagesAt(useContext(ProblemsContext), path);
  const id = useId();
  return { messages, id, errorId: `${id}-err` };
}

export function FieldMessages({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <p id={id} className="inline-error fw-field-error">
      {messages.join("; ")}
    </p>
  );
}

/** The problems at a path that has no input of its own (a whole list, a ladder). */
export function PathMessages({ path }: { path: Path }) {
  const { messages, errorId } = useFieldProblems(path);
  return <FieldMessages id={errorId} messages={messages} />;
}

interface FieldProps {
  label: string;
  path: Path;
  className?: string;
  hint?: ReactNode;
}

export function TextField({
  label,
  path,
  value,
  onChange,
  multiline,
  maxLength,
  className,
  hint,
}: FieldProps & { value: string; onChange(value: string): void; multiline?: boolean; maxLength?: number }) {
  const { messages, id, errorId } = useFieldProblems(path);
  const invalid = messages.length > 0;
  const common = {
    id,
    value,
    maxLength,
    "aria-invalid": invalid || undefined,
    "aria-describedby": invalid ? errorId : undefined,
  };
  return (
    <div className={`field fw-field ${className ?? ""}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} onChange={(e) => onChange(e.currentTarget.value)} />
      ) : (
        <input {...common} onChange={(e) => onChange(e.currentTarget.value)} autoComplete="off" />
      )}
      {hint && !invalid && <p className="hint">{hint}</p>}
      <FieldMessages id={errorId} messages={messages} />
    </div>
  );
}

/** Parses a typed number: empty is "none", anything unreadable is NaN (which the check reports). */
export function parseNumber(text: string): number | undefined {
  const t = text.trim().replace(",", ".");
  if (t === "") return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : Number.NaN;
}

const same = (a: number | undefined, b: number | undefined) =>
  a === b || (a !== undefined && b !== undefined && Number.isNaN(a) && Number.isNaN(b));

/**
 * A number typed as text, so "0." or "1e-" survive while being typed; the draft gets the parsed value.
 * An empty required field becomes NaN, an empty optional one `undefined`.
 */
export function NumberField({
  label,
  path,
  value,
  onChange,
  optional,
  className,
  hint,
}: FieldProps & {
  value: number | undefined;
  onChange(value: number | undefined): void;
  optional?: boolean;
}) {
  const { messages, id, errorId } = useFieldProblems(path);
  const [text, setText] = useState(value === undefined || Number.isNaN(value) ? "" : String(value));
  // Follow the draft when it changes from elsewhere (reset, another band's edit), not our own typing.
  useEffect(() => {
    setText((current) => {
      const parsed = parseNumber(current);
      return same(parsed, value) ? current : value === undefined || Number.isNaN(value) ? "" : String(value);
    });
  }, [value]);
  const invalid = messages.length > 0;
  return (
    <div className={`field fw-field ${className ?? ""}`}>
      <label htmlFor={id}>
        {label} {optional && <span className="optional">(optional)</span>}
      </label>
      <input
        id={id}
        inputMode="decimal"
        value={text}
        autoComplete="off"
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          const parsed = parseNumber(next);
          onChange(parsed === undefined && !optional ? Number.NaN : parsed);
        }}
      />
      {hint && !invalid && <p className="hint">{hint}</p>}
      <FieldMessages id={errorId} messages={messages} />
    </div>
  );
}

/** Up, down and remove for one item of an ordered list. */
export function ItemButtons({
  name,
  index,
  count,
  onMove,
  onRemove,
  minimum = 0,
}: {
  name: string;
  index: number;
  count: number;
  onMove(to: number): void;
  onRemove(): void;
  minimum?: number;
}) {
  return (
    <div className="fw-item-buttons">
      <button
        type="button"
        className="small-button"
        aria-label={`Move ${name} up`}
        disabled={index === 0}
        onClick={() => onMove(index - 1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="small-button"
        aria-label={`Move ${name} down`}
        disabled={index === count - 1}
        onClick={() => onMove(index + 1)}
      >
        ↓
      </button>
      <button
        type="button"
        className="danger-quiet"
        aria-label={`Remove ${name}`}
        disabled={count <= minimum}
        onClick={onRemove}
      >
        Remove
      </button>
    </div>
  );
}
