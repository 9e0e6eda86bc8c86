import { useState } from "react";
import { dueNow, type Incident } from "../../shared/incidents";
import { describeError, getIncident } from "../api";
import { useNow } from "../hooks/useNow";
import { useRoom } from "../room/RoomContext";
import { IncidentCard } from "./IncidentCard";
import { IncidentForm } from "./IncidentForm";
import { useIncidentReports, useIncidentSummaries } from "./useIncidents";

type Editing = { kind: "none" } | { kind: "new" } | { kind: "edit"; incident: Incident };

/**
 * Serious incidents (Commitment 9): each with the Code's reporting deadlines as the server
 * computed them, shown in the reader's local time with a countdown, and the reports sent.
 */
export function IncidentsView() {
  const { controlDoc, canEdit, token, workshopId, base } = useRoom();
  const incidents = useIncidentSummaries(controlDoc);
  const reports = useIncidentReports(controlDoc);
  const now = useNow(30_000, true);
  const [editing, setEditing] = useState<Editing>({ kind: "none" });
  const [error, setError] = useState<string | null>(null);
  const live = base.snapshotId === null;
  const overdue = incidents.filter((i) => dueNow(i.schedule, now).overdue.length > 0).length;

  const edit = async (id: string) => {
    setError(null);
    try {
      setEditing({ kind: "edit", incident: (await getIncident(token, workshopId, id)).incident });
    } catch (err) {
      setError(describeError(err));
    }
  };

  return (
    <div className="pane-inner incidents-view">
      <header className="view-header">
        <h2 className="view-title">Serious incidents</h2>
        <p className="muted incidents-intro">
          {incidents.length} {incidents.length === 1 ? "incident" : "incidents"}
          {overdue > 0 && ` · ${overdue} with a report overdue`}. Deadlines count whole days from the moment
          the provider became aware: the initial report within 2 days (critical infrastructure), 5
          (cybersecurity), 10 (death) or 15 (other serious harm); then every 4 weeks until resolved; the final
          report within 60 days of resolution. Times are shown in your time zone.
        </p>
      </header>
      {canEdit && live && editing.kind === "none" && (
        <button type="button" className="primary" onClick={() => setEditing({ kind: "new" })}>
          Record an incident
        </button>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {editing.kind !== "none" && (
        <IncidentForm
          key={editing.kind === "edit" ? editing.incident.id : "new"}
          existing={editing.kind === "edit" ? editing.incident : null}
          onDone={() => setEditing({ kind: "none" })}
        />
      )}
      {incidents.length === 0 ? (
        <p className="muted">No serious incidents recorded.</p>
      ) : (
        <div className="incident-list">
          {incidents.map((incident) => (
            <IncidentCard
              key={incident.id}
              incident={incident}
              all={incidents}
              reports={reports}
              now={now}
              onEdit={() => void edit(incident.id)}
            />
          ))}
        </div>
      )}
    </div>
  );
}
