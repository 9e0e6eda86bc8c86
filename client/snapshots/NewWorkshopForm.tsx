import { type FormEvent, useState } from "react";
import { MAX_NAME_LENGTH } from "../../shared/limits";
import type { SnapshotEntry } from "../../shared/snapshot";
import { startFromSnapshot } from "../api";
import { FormError } from "../components/FormError";
import { useRoom } from "../room/RoomContext";
import { navigate } from "../router";
import { saveSession } from "../session";
import { type FormErrors, formErrors } from "./fieldErrors";

const NONE: FormErrors = { fields: {}, form: null };

/**
 * Confirms starting a new workshop from one snapshot: its content and framework, none of its people,
 * rounds or estimates. The new session is kept like a created workshop's, then the new room opens.
 */
export function NewWorkshopForm({ snapshot, onClose }: { snapshot: SnapshotEntry; onClose(): void }) {
  const { token, workshopId, self } = useRoom();
  const [title, setTitle] = useState("");
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NONE);
  const idBase = `new-workshop-${snapshot.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors(NONE);
    try {
      const created = await startFromSnapshot(token, workshopId, snapshot.id, {
        ...(title.trim() ? { title: title.trim() } : {}),
        displayName: self.name.slice(0, MAX_NAME_LENGTH),
      });
      saveSession(created);
      navigate(`/w/${created.workshop.id}`);
    } catch (err) {
      setErrors(formErrors(err, ["title"]));
      setBusy(false);
    }
  };

  const titleError = errors.fields.title;
  return (
    <form
      className="snapshot-new-workshop confirm"
      onSubmit={submit}
      aria-label={`Start a new workshop from “${snapshot.label}”`}
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      <p className="confirm-note">
        The new workshop gets this snapshot's content and framework (unlocked). People, invites, rounds,
        estimates and snapshots stay here. You will be its facilitator.
      </p>
      <div className="field">
        <label htmlFor={`${idBase}-title`}>
          Title <span className="optional">(optional: the snapshot's title if empty)</span>
        </label>
        <input
          id={`${idBase}-title`}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={200}
          autoComplete="off"
          aria-invalid={titleError ? true : undefined}
          aria-describedby={titleError ? `${idBase}-title-error` : undefined}
        />
        {titleError && (
          <p id={`${idBase}-title-error`} className="form-error">
            {titleError}
          </p>
        )}
      </div>
      <FormError message={errors.form} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          Start the new workshop
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
