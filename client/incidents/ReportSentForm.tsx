import { type FormEvent, useId, useState } from "react";
import { type IncidentSummary, REPORT_KINDS, type ReportKind } from "../../shared/incidents";
import { describeError, recordIncidentReport } from "../api";
import { FormError } from "../components/FormError";
import { useRoom } from "../room/RoomContext";
import { serverNow } from "../serverClock";
import { fromLocalInput, toLocalInput } from "./incidentForm";

const KIND_LABELS: Record<ReportKind, string> = {
  initial: "Initial report",
  intermediate: "Intermediate report",
  final: "Final report",
};

/** Records that a report was sent: which kind, when, to whom, and which similar incidents it bundled. */
export function ReportSentForm({
  incident,
  others,
  suggested,
  onDone,
}: {
  incident: IncidentSummary;
  others: IncidentSummary[];
  suggested: ReportKind;
  onDone(): void;
}) {
  const { token, workshopId } = useRoom();
  const [kind, setKind] = useState<ReportKind>(suggested);
  const [sentAt, setSentAt] = useState(() => toLocalInput(new Date(serverNow()).toISOString()));
  const [recipient, setRecipient] = useState("AI Office");
  const [bundle, setBundle] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await recordIncidentReport(token, workshopId, {
        kind,
        incidentIds: [incident.id, ...bundle],
        sentAt: fromLocalInput(sentAt),
        ...(recipient.trim() ? { recipient: recipient.trim() } : {}),
      });
      onDone();
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };

  return (
    <form
      className="report-sent-form"
      onSubmit={submit}
      aria-label={`Record a report sent for ${incident.title}`}
    >
      <div className="incident-form-grid">
        <label className="field" htmlFor={`${id}-kind`}>
          <span>Report</span>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as ReportKind)}>
            {REPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Sent at (your local time)</span>
          <input type="datetime-local" required value={sentAt} onChange={(e) => setSentAt(e.target.value)} />
        </label>
        <label className="field">
          <span>Sent to</span>
          <input value={recipient} maxLength={200} onChange={(e) => setRecipient(e.target.value)} />
        </label>
      </div>
      {others.length > 0 && (
        <fieldset className="incident-links">
          <legend>Similar incidents bundled in this report</legend>
          {others.map((o) => (
            <label key={o.id} className="inline-check">
              <input
                type="checkbox"
                checked={bundle.includes(o.id)}
                onChange={(e) =>
                  setBundle((b) => (e.target.checked ? [...b, o.id] : b.filter((x) => x !== o.id)))
                }
              />{" "}
              {o.title}
            </label>
          ))}
        </fieldset>
      )}
      <FormError message={error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          Record as sent
        </button>
        <button type="button" onClick={onDone} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export { KIND_LABELS };
