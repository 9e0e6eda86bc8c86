import { useEditable } from "./editable";

/** One yes/no bound to the document; for those who cannot edit, a tag when it is yes and nothing when no. */
export function InlineCheckbox({
  label,
  checked,
  onChange,
  className,
}: {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  className?: string;
}) {
  if (!useEditable()) return checked ? <span className={`tag ${className ?? ""}`}>{label}</span> : null;
  return (
    <label className={checked ? `check on ${className ?? ""}` : `check ${className ?? ""}`}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      {label}
    </label>
  );
}
