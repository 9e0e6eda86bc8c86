import { type FormEvent, useState } from "react";
import { takeSnapshot } from "../api";
import { FormError } from "../components/FormError";
import { useRoom } from "../room/RoomContext";
import { type FormErrors, formErrors } from "./fieldErrors";

const NONE: FormErrors = { fields: {}, form: null };

/** The facilitator's form to freeze the workshop as it is now, under a label. */
export function TakeSnapshotForm() {
  const { token, workshopId } = useRoom();
  const [label, setLabel] = useState("");
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NONE);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors(NONE);
    setDone(null);
    try {
      const { snapshot } = await takeSnapshot(token, workshopId, label);
      setLabel("");
      setDone(`Snapshot “${snapshot.label}” taken.`);
    } catch (err) {
      setErrors(formErrors(err, ["label"]));
    } finally {
      setBusy(false);
    }
  };

  const labelError = errors.fields.label;
  return (
    <form className="snapshot-take" onSubmit={submit} aria-label="Take a snapshot">
      <div className="field">
        <label htmlFor="snapshot-label">Label</label>
        <input
          id="snapshot-label"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          maxLength={120}
          placeholder="e.g. After the first session"
          autoComplete="off"
          required
          aria-invalid={labelError ? true : undefined}
          aria-describedby={labelError ? "snapshot-label-error" : undefined}
        />
        {labelError && (
          <p id="snapshot-label-error" className="form-error">
            {labelError}
          </p>
        )}
      </div>
      <button type="submit" className="primary" disabled={busy || label.trim() === ""}>
        Take snapshot
      </button>
      <FormError message={errors.form} />
      <p className="muted small" role="status">
        {done}
      </p>
    </form>
  );
}
