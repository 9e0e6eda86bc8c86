import { useId } from "react";
import { useEditable } from "./editable";

export interface Option<T extends string> {
  value: T;
  label: string;
}

/** A choice bound to the document; plain text for those who cannot edit. */
export function InlineSelect<T extends string>({
  label,
  value,
  options,
  onChange,
  id,
  hideLabel,
  className,
}: {
  label: string;
  value: T;
  options: ReadonlyArray<Option<T>>;
  onChange(value: T): void;
  id?: string;
  hideLabel?: boolean;
  className?: string;
}) {
  const editable = useEditable();
  const autoId = useId();
  const selectId = id ?? autoId;
  const labelClass = hideLabel ? "visually-hidden" : "field-label";
  const current = options.find((o) => o.value === value);
  if (!editable)
    return (
      <div className={`inline-field readonly ${className ?? ""}`}>
        <span className={labelClass}>{label}</span>
        <span className="field-value">{current?.label ?? "—"}</span>
      </div>
    );
  return (
    <div className={`inline-field ${className ?? ""}`}>
      <label htmlFor={selectId} className={labelClass}>
        {label}
      </label>
      <select
        id={selectId}
        value={value}
        onChange={(e) => {
          const next = options.find((o) => o.value === e.currentTarget.value);
          if (next) onChange(next.value);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
