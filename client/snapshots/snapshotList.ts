/** Ordering and picking of snapshots for the list and the comparison; pure, so it is unit-tested. */
import type { SnapshotEntry } from "../../shared/snapshot";
import type { ExportFormat } from "../../shared/workshopExport";

type Timed = Pick<SnapshotEntry, "id" | "takenAt">;

/** Newest first; ties (same millisecond) keep the order they were listed in, which is the order taken. */
export function newestFirst<T extends Timed>(entries: readonly T[]): T[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.takenAt.localeCompare(a.entry.takenAt) || b.index - a.index)
    .map((x) => x.entry);
}

/** The two chosen snapshots as [older, newer], by their place in `entries` (the order taken). */
export function olderFirst<T extends Timed>(entries: readonly T[], a: string, b: string): [string, string] {
  const ia = entries.findIndex((e) => e.id === a);
  const ib = entries.findIndex((e) => e.id === b);
  const ea = entries[ia];
  const eb = entries[ib];
  if (!ea || !eb) return [a, b];
  const order = ea.takenAt.localeCompare(eb.takenAt) || ia - ib;
  return order <= 0 ? [a, b] : [b, a];
}

/** Toggles one snapshot in the comparison; a third choice replaces the earliest one chosen. */
export function toggleChoice(chosen: readonly string[], id: string): string[] {
  if (chosen.includes(id)) return chosen.filter((x) => x !== id);
  return [...chosen, id].slice(-2);
}

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  json: "JSON",
  md: "Markdown",
  csv: "CSV",
  html: "HTML",
};
