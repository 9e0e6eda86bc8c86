import { useState } from "react";
import {
  CATEGORY_LABELS,
  dueNow,
  FIELD_LABELS,
  formatCountdown,
  formatLocal,
  type IncidentReport,
  type IncidentSummary,
} from "../../shared/incidents";
import { describeError, downloadIncidentReport } from "../api";
import { Link } from "../components/Link";
import { useScenarioList } from "../hooks/useContent";
import { useRoom } from "../room/RoomContext";
import { roomPath } from "../router";
import { saveBlob } from "../snapshots/download";
import { KIND_LABELS, ReportSentForm } from "./ReportSentForm";

/** One incident: what is due next (and how long is left), what is overdue, the reports sent, and its actions. */
export function IncidentCard({
  incident,
  all,
  reports,
  now,
  onEdit,
}: {
  incident: IncidentSummary;
  all: IncidentSummary[];
  reports: IncidentReport[];
  now: number;
  onEdit(): void;
}) {
  const { doc, token, workshopId, canEdit, base } = useRoom();
  const scenarios = useScenarioList(doc);
  const [recording, setRecording] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { next, overdue } = dueNow(incident.schedule, now);
  const sent = reports.filter((r) => r.incidentIds.includes(incident.id));
  const headingId = `incident-${incident.id}-title`;

  const exportAs = async (format: "md" | "json") => {
    setError(null);
    try {
      const { blob, filename } = await downloadIncidentReport(token, workshopId, [incident.id], format);
      saveBlob(blob, filename);
    } catch (err) {
      setError(describeError(err));
    }
  };

  return (
    <article
      className={`incident-card panel${overdue.length > 0 ? " is-overdue" : ""}`}
      aria-labelledby={headingId}
    >
      <header className="incident-head">
        <h3 id={headingId}>{incident.title}</h3>
        <span className="muted">{CATEGORY_LABELS[incident.category]}</span>
      </header>
      <div className="incident-due" aria-live="polite">
        {next ? (
          <p>
            <strong>{KIND_LABELS[next.kind]}</strong> due {formatLocal(next.dueAt)}{" "}
            <span className={`countdown${next.state === "overdue" ? " overdue" : ""}`}>
              ({formatCountdown(Date.parse(next.dueAt) - now)})
            </span>
          </p>
        ) : (
          <p>All reports sent.</p>
        )}
        {overdue.length > 0 && (
          <p className="overdue-line" role="status">
            Overdue: {overdue.map((d) => `${KIND_LABELS[d.kind]} (due ${formatLocal(d.dueAt)})`).join("; ")}
          </p>
        )}
      </div>
      <dl className="incident-facts">
        <dt>Provider aware</dt>
        <dd>{formatLocal(incident.awareAt)}</dd>
        <dt>Resolved</dt>
        <dd>{incident.resolvedAt ? formatLocal(incident.resolvedAt) : "Not yet"}</dd>
        <dt>Scenarios</dt>
        <dd>
          {incident.scenarioIds.length === 0
            ? "None"
            : incident.scenarioIds.map((sid, i) => (
                <span key={sid}>
                  {i > 0 && ", "}
                  <Link href={roomPath(base, { kind: "scenario", scenarioId: sid })}>
                    {scenarios.find((s) => s.id === sid)?.title ?? "Removed scenario"}
                  </Link>
                </span>
              ))}
        </dd>
        <dt>Missing</dt>
        <dd>
          {incident.missing.length === 0
            ? "Nothing"
            : incident.missing.map((f) => FIELD_LABELS[f]).join(", ")}
        </dd>
        <dt>Reports sent</dt>
        <dd>
          {sent.length === 0
            ? "None yet"
            : sent
                .map((r) => `${KIND_LABELS[r.kind]} ${formatLocal(r.sentAt)} by ${r.recordedBy}`)
                .join("; ")}
        </dd>
        <dt>Keep until at least</dt>
        <dd>{formatLocal(incident.retainUntil)}</dd>
      </dl>
      {recording ? (
        <ReportSentForm
          incident={incident}
          others={all.filter((o) => o.id !== incident.id)}
          suggested={next?.kind ?? "intermediate"}
          onDone={() => setRecording(false)}
        />
      ) : (
        <div className="incident-actions">
          {canEdit && (
            <>
              <button type="button" onClick={() => setRecording(true)}>
                Record report sent
              </button>
              <button type="button" onClick={onEdit}>
                Edit
              </button>
            </>
          )}
          <button type="button" onClick={() => void exportAs("md")}>
            Export report (Markdown)
          </button>
          <button type="button" onClick={() => void exportAs("json")}>
            Export report (JSON)
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </article>
  );
}
