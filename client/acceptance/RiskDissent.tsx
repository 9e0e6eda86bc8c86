import { type FormEvent, useState } from "react";
import type { DissentNote } from "../../shared/estimationView";
import { addDissent, describeError } from "../api";
import { EmptyState } from "../fields/EmptyState";
import { focusSoon } from "../fields/focusSoon";
import { formatDateTime } from "../format";
import { useRoom } from "../room/RoomContext";
import { FieldError } from "./FieldError";

/**
 * Dissent recorded against a risk's determination. The server keeps it for good, across
 * revisions of the determination; experts and facilitators may add, nobody edits or withdraws.
 */
export function RiskDissent({ riskId, dissent }: { riskId: string; dissent: readonly DissentNote[] }) {
  const { token, workshopId, canEdit, self } = useRoom();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const fieldId = `risk-dissent-${riskId}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const note = text.trim();
    if (!note) return;
    setBusy(true);
    setError(undefined);
    try {
      await addDissent(token, workshopId, riskId, note);
      setText("");
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
      // The button is disabled while sending (and by the emptied field), which drops the keyboard to the page.
      focusSoon(fieldId);
    }
  };

  return (
    <div className="risk-dissent">
      <h4>
        Dissent <span className="count">{dissent.length}</span>
      </h4>
      {dissent.length === 0 ? (
        <EmptyState title="No dissent recorded.">
          {canEdit ? "If you disagree with this determination, say so: it stays on the record." : null}
        </EmptyState>
      ) : (
        <ul className="dissent-list">
          {dissent.map((note) => (
            <li key={`${note.participantId}-${note.at}`} className="dissent">
              <p className="dissent-meta">
                <strong>{note.name}</strong> <time dateTime={note.at}>{formatDateTime(note.at)}</time>
              </p>
              <p className="dissent-text">{note.text}</p>
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form className="dissent-form" onSubmit={submit} aria-label="Add dissent">
          <label htmlFor={fieldId}>Your dissent</label>
          <textarea
            id={fieldId}
            rows={2}
            maxLength={4000}
            value={text}
            placeholder={`As ${self.name}: what you disagree with in this determination, and why`}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${fieldId}-error` : undefined}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <FieldError id={`${fieldId}-error`} message={error} />
          <button type="submit" disabled={busy || !text.trim()}>
            Add dissent
          </button>
        </form>
      )}
    </div>
  );
}
