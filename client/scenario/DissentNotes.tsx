import { type FormEvent, useCallback, useState } from "react";
import type * as Y from "yjs";
import { readScenarioDissent, SCENARIO_DISSENT_MAP } from "../../shared/scenarioDissent";
import { FieldError } from "../acceptance/FieldError";
import { addScenarioDissent, describeError } from "../api";
import { EmptyState } from "../fields/EmptyState";
import { focusSoon } from "../fields/focusSoon";
import { formatDateTime } from "../format";
import { useControlValue } from "../hooks/useControlValue";
import { useRoom } from "../room/RoomContext";

const MAPS = [SCENARIO_DISSENT_MAP];

/**
 * Recorded disagreement with a scenario. The server records it (author and time from the session)
 * and shows it through the control document; nobody edits or withdraws a note. Notes written into
 * the document before that are shown as such: their names were never checked.
 */
export function DissentNotes({ scenarioId }: { scenarioId: string }) {
  const { token, workshopId, controlDoc, canEdit, self } = useRoom();
  const read = useCallback((doc: Y.Doc) => readScenarioDissent(doc, scenarioId), [scenarioId]);
  const dissent = useControlValue(controlDoc, MAPS, read);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const fieldId = "dissent-text";

  const record = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const note = text.trim();
    if (!note) return;
    setBusy(true);
    setError(undefined);
    try {
      await addScenarioDissent(token, workshopId, scenarioId, note);
      setText("");
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
      focusSoon(fieldId);
    }
  };

  return (
    <section className="panel" aria-labelledby="dissent-heading">
      <div className="panel-head">
        <h3 id="dissent-heading">
          Dissent <span className="count">{dissent.length}</span>
        </h3>
      </div>
      {dissent.length === 0 ? (
        <EmptyState title="No dissent recorded.">
          {canEdit ? "If you disagree with this scenario, say so here: it stays on the record." : null}
        </EmptyState>
      ) : (
        <ul className="dissent-list">
          {dissent.map((note) => (
            <li key={note.id} className="dissent">
              <p className="dissent-meta">
                <strong>{note.name}</strong> <time dateTime={note.at}>{formatDateTime(note.at)}</time>
                {note.legacy && <span className="muted small"> recorded before server-side dissent</span>}
              </p>
              <p className="dissent-text">{note.text}</p>
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form className="dissent-form" onSubmit={record}>
          <label htmlFor={fieldId}>Record your dissent</label>
          <textarea
            id={fieldId}
            rows={2}
            maxLength={4000}
            value={text}
            placeholder={`As ${self.name}: what you disagree with, and why`}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${fieldId}-error` : undefined}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <FieldError id={`${fieldId}-error`} message={error} />
          <button type="submit" disabled={busy || !text.trim()}>
            Record dissent
          </button>
        </form>
      )}
    </section>
  );
}
