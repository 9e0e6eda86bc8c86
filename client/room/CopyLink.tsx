import { useId, useRef, useState } from "react";

/** Copies with the Clipboard API, or by selecting the text where that API is missing (plain http on a LAN). */
async function copyText(input: HTMLInputElement): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(input.value);
      return true;
    }
  } catch {
    // Permission refused: fall through to selecting the text.
  }
  input.select();
  return document.execCommand("copy");
}

/** A read-only link with a Copy button; the result is announced. */
export function CopyLink({ label, url, hint }: { label: string; url: string; hint?: string }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState("");
  const id = useId();
  const hintId = useId();

  async function onCopy() {
    const input = inputRef.current;
    if (!input) return;
    const copied = await copyText(input).catch(() => false);
    if (!copied) input.select();
    setStatus(copied ? "Copied" : "Press Ctrl+C (⌘C) to copy the selected link");
  }

  return (
    <div className="copy-link">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input
          id={id}
          ref={inputRef}
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          spellCheck={false}
          aria-describedby={hint ? hintId : undefined}
        />
        <button type="button" onClick={onCopy}>
          Copy
        </button>
      </div>
      <div className="copy-foot">
        {hint && (
          <p id={hintId} className="hint">
            {hint}
          </p>
        )}
        <p className="copy-status" role="status">
          {status}
        </p>
      </div>
    </div>
  );
}
