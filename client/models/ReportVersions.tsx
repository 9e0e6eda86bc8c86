import { useState } from "react";
import type { ModelReportFormat, ModelView } from "../../shared/models";
import { describeError } from "../api";
import { FormError } from "../components/FormError";
import { saveBlob } from "../snapshots/download";
import { downloadReport, issueVersion } from "./modelApi";

const FORMATS: Array<[ModelReportFormat, string]> = [
  ["md", "Markdown"],
  ["html", "HTML"],
  ["json", "JSON"],
];

/** Issued versions of the model's report, newest first, each downloadable; and issuing the next. */
export function ReportVersions({
  model,
  token,
  onIssued,
}: {
  model: ModelView;
  token: string;
  onIssued: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signed = model.workshops.filter((w) => w.signOff).length;
  async function issue() {
    setBusy(true);
    try {
      await issueVersion(token, model.id);
      setError(null);
      onIssued();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }
  async function download(version: number, format: ModelReportFormat) {
    try {
      const { blob, filename } = await downloadReport(token, model.id, format, version);
      saveBlob(blob, filename);
    } catch (err) {
      setError(describeError(err));
    }
  }
  return (
    <section className="card" aria-labelledby="model-reports">
      <h2 id="model-reports">Model Report versions</h2>
      <p className="hint">
        Each version is assembled from the workshops' sign-offs ({signed} of {model.workshops.length} signed
        off), kept unchanged, and checked against its SHA-256 on every download.
      </p>
      <button type="button" onClick={issue} disabled={busy || signed === 0}>
        {busy ? "Issuing…" : "Issue a new version"}
      </button>
      <FormError message={error} />
      {model.reports.length === 0 ? (
        <p className="muted">No version issued yet.</p>
      ) : (
        <ul className="plain-list">
          {[...model.reports].reverse().map((r) => (
            <li key={r.version}>
              <strong>Version {r.version}</strong>, issued {r.issuedAt.slice(0, 16).replace("T", " ")} UTC by{" "}
              {r.issuedBy} <code title={r.sha256}>{r.sha256.slice(0, 12)}…</code>{" "}
              {FORMATS.map(([format, name]) => (
                <button
                  key={format}
                  type="button"
                  onClick={() => download(r.version, format)}
                  aria-label={`Download version ${r.version} as ${name}`}
                >
                  {name}
                </button>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
