/** The foot of an acceptance form: its failure, if any, then save (busy while saving) and cancel. */
import { FormError } from "../components/FormError";

export function SaveOrCancel({
  label,
  busy,
  error,
  onCancel,
}: {
  label: string;
  busy: boolean;
  error: string | undefined;
  onCancel: () => void;
}) {
  return (
    <>
      <FormError message={error ?? null} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Saving…" : label}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
