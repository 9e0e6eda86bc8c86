/**
 * The audit trail, for facilitators and observers: every server-side action with who, when and on
 * what, in order; a check of the hash chain on request, and the trail as CSV.
 */
import { useState } from "react";
import type { AuditEntryView, AuditVerdict } from "../../shared/audit";
import { describeError, downloadAuditCsv } from "../api";
import { EmptyState } from "../fields/EmptyState";
import { formatDateTime } from "../format";
import { useRoom } from "../room/RoomContext";
import { saveBlob } from "../snapshots/download";
import { actionLabel, mayReadAudit } from "./auditLabels";
import { useAudit } from "./useAudit";

export function AuditView() {
  const { self } = useRoom();
  return (
    <div className="pane-inner audit-view">
      <section aria-labelledby="audit-heading">
        <header className="view-header">
          <h2 className="view-title" id="audit-heading">
            Audit trail
          </h2>
          <p className="muted">
            Every action taken through the server, in order. Each entry holds the SHA-256 of the one before
            it, so a changed or removed entry breaks the chain from there on.
          </p>
        </header>
        {mayReadAudit(self.role) ? (
          <AuditTrail />
        ) : (
          <EmptyState title="Only facilitators and observers see the audit trail." />
        )}
      </section>
    </div>
  );
}

function AuditTrail() {
  const { token, workshopId } = useRoom();
  const { state, reload } = useAudit();
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const entries = state.data?.entries ?? [];
  const download = () => {
    setDownloadError(null);
    downloadAuditCsv(token, workshopId).then(
      ({ blob, filename }) => saveBlob(blob, filename),
      (err: unknown) => setDownloadError(describeError(err)),
    );
  };
  return (
    <>
      <div className="audit-actions">
        <button type="button" className="small-button" onClick={() => reload(true)}>
          Verify the chain
        </button>
        <button type="button" className="small-button" onClick={() => reload(false)}>
          Refresh
        </button>
        <button type="button" className="small-button" onClick={download}>
          Download CSV
        </button>
      </div>
      <p className="audit-status" role="status">
        {state.status === "loading"
          ? "Loading…"
          : state.status === "error"
            ? state.message
            : verdictText(state.data.verification)}
        {downloadError && ` ${downloadError}`}
      </p>
      {state.status !== "loading" && entries.length === 0 ? (
        <EmptyState title="Nothing on record yet.">Actions appear here as they are taken.</EmptyState>
      ) : (
        <AuditTable entries={entries} broken={brokenIndex(state.data?.verification)} />
      )}
    </>
  );
}

function verdictText(v: AuditVerdict | undefined): string {
  if (!v) return "";
  if (v.ok) return `The chain holds: ${v.entries} entries, each linked to the one before.`;
  return `The chain is broken at entry ${v.firstBroken.index}: ${v.firstBroken.reason}.`;
}

function brokenIndex(v: AuditVerdict | undefined): number | null {
  return v && !v.ok ? v.firstBroken.index : null;
}

function AuditTable({ entries, broken }: { entries: AuditEntryView[]; broken: number | null }) {
  return (
    // Cells wrap rather than scroll, so nothing in the table needs focus to be read by keyboard.
    <div className="audit-frame">
      <table className="audit-table">
        <caption className="visually-hidden">Audit entries, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Hash</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq} className={broken === e.seq ? "audit-broken" : undefined}>
              <td>{e.seq}</td>
              <td>
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </td>
              <td>{e.actorName ?? (e.actor === "server" ? "Riskroom (server)" : e.actor)}</td>
              <th scope="row">{actionLabel(e.action)}</th>
              <td className="audit-target">{e.target ?? ""}</td>
              <td>
                <code title={e.hash}>{e.hash.slice(0, 12)}…</code>
                {broken === e.seq && <span className="audit-flag"> broken here</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
