/**
 * The audit trail as CSV, through the register's cell writer, so an actor's name or a target that
 * starts like a formula (`=HYPERLINK(...)`) is written as text. The `hash` column is over the
 * entry's own fields (shared/audit.ts), never over the escaped cells.
 */
import { AUDIT_CSV_COLUMNS, type AuditEntryView } from "../../shared/audit";
import { csvRecords } from "./csv";

export function renderAuditCsv(entries: readonly AuditEntryView[]): string {
  return csvRecords([
    AUDIT_CSV_COLUMNS,
    ...entries.map((e) => [e.seq, e.at, e.actor, e.actorName, e.action, e.target ?? null, e.prev, e.hash]),
  ]);
}
