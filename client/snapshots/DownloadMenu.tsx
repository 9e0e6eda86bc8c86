import { useEffect, useRef, useState } from "react";
import { EXPORT_FORMATS, type ExportFormat } from "../../shared/workshopExport";
import { describeError } from "../api";
import { useRoom } from "../room/RoomContext";
import { downloadAndSave } from "./download";
import { FORMAT_LABELS } from "./snapshotList";

/**
 * A disclosure with one button per export format, for the live state (no snapshotId) or one snapshot.
 * The file is fetched with the session's token, which a plain link could not carry.
 */
export function DownloadMenu({ snapshotId, what }: { snapshotId?: string; what: string }) {
  const { token, workshopId } = useRoom();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  const close = () => {
    if (menu.current) menu.current.open = false;
  };
  // A <details> stays open until its summary is clicked again; a menu closes when you click away.
  useEffect(() => {
    if (!open) return;
    const away = (event: PointerEvent) => {
      const details = menu.current;
      if (details && event.target instanceof Node && !details.contains(event.target)) details.open = false;
    };
    document.addEventListener("pointerdown", away);
    return () => document.removeEventListener("pointerdown", away);
  }, [open]);

  const download = async (format: ExportFormat) => {
    setBusy(format);
    setError(null);
    try {
      await downloadAndSave(token, workshopId, format, snapshotId);
      close();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <details
      className="download-menu"
      ref={menu}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      onKeyDown={(e) => {
        // Escape closes the menu and leaves the keyboard on its summary.
        if (e.key !== "Escape" || !menu.current?.open) return;
        e.stopPropagation();
        close();
        menu.current.querySelector("summary")?.focus();
      }}
    >
      <summary className="small-button" aria-label={`Download ${what}`}>
        Download…
      </summary>
      <div className="download-options">
        {EXPORT_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="small-button"
            disabled={busy !== null}
            aria-busy={busy === format}
            onClick={() => void download(format)}
          >
            Download {FORMAT_LABELS[format]}
          </button>
        ))}
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
      </div>
    </details>
  );
}
