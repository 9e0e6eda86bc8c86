import { type FormEvent, useState } from "react";
import { type Dissent, dissentOf } from "../../shared/content";
import { EmptyState } from "../fields/EmptyState";
import { formatDateTime } from "../format";
import { useRoom } from "../room/RoomContext";

/**
 * Recorded disagreement with a scenario. A note says who and when, from this session's participant;
 * it is not edited afterwards, and only its author may withdraw it.
 */
export function DissentNotes({ scenarioId, dissent }: { scenarioId: string; dissent: Dissent[] }) {
  const { doc, history, canEdit, self } = useRoom();
  const [text, setText] = useState("");
  const list = () => dissentOf(doc, scenarioId);

  const record = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const note = text.trim();
    if (!note) return;
    const added = history.edit(() =>
      list().add({
        participantId: self.participantId,
        name: self.name,
        at: new Date().toISOString(),
        text: note,
      }),
    );
    if (added) setText("");
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
                {canEdit && note.participantId === self.participantId && (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => history.edit(() => list().remove(note.id))}
                  >
                    Withdraw
                    <span className="visually-hidden"> your dissent of {formatDateTime(note.at)}</span>
                  </button>
                )}
              </p>
              <p className="dissent-text">{note.text}</p>
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form className="dissent-form" onSubmit={record}>
          <label htmlFor="dissent-text">Record your dissent</label>
          <textarea
            id="dissent-text"
            rows={2}
            maxLength={4000}
            value={text}
            placeholder={`As ${self.name}: what you disagree with, and why`}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <button type="submit" disabled={!text.trim()}>
            Record dissent
          </button>
        </form>
      )}
    </section>
  );
}
