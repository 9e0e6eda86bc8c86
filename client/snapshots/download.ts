/** Saves a fetched file the way a plain download link would: a blob URL and a clicked <a download>. */
import type { ExportFormat } from "../../shared/workshopExport";
import { downloadExport } from "../api";

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  // The click has started the download; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function downloadAndSave(
  token: string,
  workshopId: string,
  format: ExportFormat,
  snapshotId?: string,
): Promise<void> {
  const { blob, filename } = await downloadExport(token, workshopId, format, snapshotId);
  saveBlob(blob, filename);
}
