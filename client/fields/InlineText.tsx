import { type SyntheticEvent, useId, useLayoutEffect, useRef, useState } from "react";
import { mapPosition } from "./caret";
import { useEditable } from "./editable";

interface InlineTextProps {
  label: string;
  value: string;
  onChange(value: string): void;
  maxLength: number;
  id?: string;
  /** The label is for screen readers only; the place and the placeholder say what it is. */
  hideLabel?: boolean;
  /** An empty value is not written; the field keeps its last value when left empty. */
  required?: boolean;
  /** Returns why a value cannot be saved; the field keeps it, unsaved, and says why. */
  validate?(value: string): string | null;
  multiline?: boolean;
  placeholder?: string;
  className?: string;
  /** Shown instead of an empty value to those who cannot edit. */
  emptyText?: string;
}

/**
 * A text field bound to the document: every keystroke is written (others see it as it is typed),
 * except a value the document would refuse, which stays here with the reason until it is fixed.
 */
export function InlineText(props: InlineTextProps) {
  const editable = useEditable();
  const autoId = useId();
  const id = props.id ?? autoId;
  const [draft, setDraft] = useState<{ text: string; error: string } | null>(null);
  const shown = draft?.text ?? props.value;
  // What the field showed, and where its selection was, before the latest render.
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const last = useRef({ text: shown, start: 0, end: 0 });
  useLayoutEffect(() => {
    const el = field.current;
    const before = last.current;
    last.current = { ...before, text: shown };
    // Someone else's edit merged into the text: keep this person's caret beside the words it was at.
    if (!el || before.text === shown || document.activeElement !== el) return;
    const start = mapPosition(before.text, shown, before.start);
    const end = mapPosition(before.text, shown, before.end);
    el.setSelectionRange(start, end);
    last.current = { text: shown, start, end };
  }, [shown]);
  const remember = (el: HTMLInputElement | HTMLTextAreaElement) => {
    last.current = { text: el.value, start: el.selectionStart ?? 0, end: el.selectionEnd ?? 0 };
  };
  const labelClass = props.hideLabel ? "visually-hidden" : "field-label";
  const wrapperClass = `inline-field ${props.className ?? ""}`;

  if (!editable) {
    const Tag = props.multiline ? "p" : "span";
    return (
      <div className={`${wrapperClass} readonly`}>
        <span className={labelClass}>{props.label}</span>
        <Tag className={props.value ? "field-value" : "field-value empty"}>
          {props.value || props.emptyText || "—"}
        </Tag>
      </div>
    );
  }

  const problem = (text: string): string | null => {
    if (props.required && text.trim() === "") return "Required: it keeps its last value until you type one.";
    return props.validate?.(text) ?? null;
  };
  const onInput = (el: HTMLInputElement | HTMLTextAreaElement) => {
    // The field already shows this text: its echo from the document must not move the caret.
    remember(el);
    const text = el.value;
    const error = problem(text);
    if (error) return setDraft({ text, error });
    setDraft(null);
    props.onChange(text);
  };
  // An emptied required field goes back to its value on leaving; any other refused value stays to be fixed.
  const onBlur = () => {
    if (draft && props.required && draft.text.trim() === "") setDraft(null);
  };
  const common = {
    id,
    ref: field,
    value: shown,
    onSelect: (e: SyntheticEvent<HTMLInputElement | HTMLTextAreaElement>) => remember(e.currentTarget),
    maxLength: props.maxLength,
    placeholder: props.placeholder,
    "aria-invalid": draft ? true : undefined,
    "aria-describedby": draft ? `${id}-error` : undefined,
    onBlur,
  };
  return (
    <div className={wrapperClass}>
      <label htmlFor={id} className={labelClass}>
        {props.label}
      </label>
      {props.multiline ? (
        <textarea {...common} rows={2} onChange={(e) => onInput(e.currentTarget)} />
      ) : (
        <input {...common} autoComplete="off" onChange={(e) => onInput(e.currentTarget)} />
      )}
      {draft && (
        <p id={`${id}-error`} className="field-error">
          {draft.error}
        </p>
      )}
    </div>
  );
}
