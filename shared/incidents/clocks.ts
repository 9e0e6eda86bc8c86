/**
 * The Code's reporting clocks for a serious incident, computed from its category, the time the
 * provider became aware, its resolution and the reports recorded as sent.
 *
 * How time is counted: a period of N days ends exactly N × 24 hours after the instant it starts
 * from (an ISO instant, compared in UTC). Nothing is rounded to a day boundary and no time zone
 * enters the computation, so the server and every client agree on each deadline to the
 * millisecond; the client shows it in the reader's local time. Across a daylight-saving change the
 * local clock time of a deadline therefore moves by the hour the change adds or removes (aware at
 * 10:00 CET on a Friday, a 2-day deadline falls at 11:00 CEST on the Sunday).
 *
 * The schedule:
 * - initial report: awareness + 2 days (critical infrastructure), 5 (cybersecurity), 10 (death),
 *   15 (serious harm);
 * - intermediate reports while unresolved: at most 4 weeks (28 days) after the last report sent
 *   for the incident (initial or intermediate); before the initial report is sent, the first
 *   intermediate is counted from the initial report's deadline;
 * - final report: at most 60 days after resolution;
 * - retention: at least 5 years after the later of resolution (or awareness while unresolved) and
 *   the last report sent; 5 years counted as 5 × 365 + 2 days, which covers any leap days.
 */
import type { IncidentCategory, ReportKind } from "./model";

export const DAY_MS = 24 * 60 * 60 * 1000;

export const INITIAL_REPORT_DAYS: Record<IncidentCategory, number> = {
  "critical-infrastructure": 2,
  cybersecurity: 5,
  death: 10,
  "serious-harm": 15,
};
export const INTERMEDIATE_EVERY_DAYS = 28;
export const FINAL_REPORT_DAYS = 60;
/** Five years, with room for two leap days. */
export const RETENTION_DAYS = 5 * 365 + 2;

export interface ClockInput {
  category: IncidentCategory;
  awareAt: string;
  resolvedAt: string | null;
  /** The reports sent for this incident (bundled ones included), any order. */
  reports: ReadonlyArray<{ kind: ReportKind; sentAt: string }>;
}

export type DueState = "sent" | "due" | "overdue";

export interface DueReport {
  kind: ReportKind;
  dueAt: string;
  state: DueState;
  /** When the report that met it was sent (state "sent"). */
  sentAt?: string;
}

export interface IncidentClock {
  /** The reports the schedule holds so far, in order: those met, then the one or two still open. */
  schedule: DueReport[];
  /** The earliest report not yet sent; null when nothing more is due (final report sent). */
  next: DueReport | null;
  /** Reports past their deadline and not sent. */
  overdue: DueReport[];
  retainUntil: string;
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY_MS).toISOString();
}

/** The schedule as it stands at `now` (ms since the epoch). */
export function incidentClock(input: ClockInput, now: number): IncidentClock {
  const sent = [...input.reports].sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt));
  const initialDue = addDays(input.awareAt, INITIAL_REPORT_DAYS[input.category]);
  const initial = sent.find((r) => r.kind === "initial");
  const schedule: DueReport[] = [item("initial", initialDue, initial?.sentAt, now)];
  schedule.push(...intermediates(input, sent, initial?.sentAt ?? initialDue, now));
  if (input.resolvedAt !== null) {
    const final = sent.find((r) => r.kind === "final");
    schedule.push(item("final", addDays(input.resolvedAt, FINAL_REPORT_DAYS), final?.sentAt, now));
  }
  const open = schedule.filter((d) => d.state !== "sent");
  const lastSent = sent.at(-1)?.sentAt;
  const retainFrom = latest([input.resolvedAt ?? input.awareAt, lastSent]);
  return {
    schedule,
    next: open.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0] ?? null,
    overdue: open.filter((d) => d.state === "overdue"),
    retainUntil: addDays(retainFrom, RETENTION_DAYS),
  };
}

/**
 * Each intermediate report sent met the deadline counted from the report before it; while the
 * incident is unresolved one more is due 28 days after the last. Once resolved, an intermediate
 * deadline that falls after the resolution is not owed (the final report is).
 */
function intermediates(
  input: ClockInput,
  sent: ReadonlyArray<{ kind: ReportKind; sentAt: string }>,
  anchor: string,
  now: number,
): DueReport[] {
  const out: DueReport[] = [];
  let from = anchor;
  for (const r of sent) {
    if (r.kind !== "intermediate") continue;
    out.push(item("intermediate", addDays(from, INTERMEDIATE_EVERY_DAYS), r.sentAt, now));
    from = r.sentAt;
  }
  const nextDue = addDays(from, INTERMEDIATE_EVERY_DAYS);
  const resolved = input.resolvedAt !== null && Date.parse(input.resolvedAt) <= Date.parse(nextDue);
  if (!resolved) out.push(item("intermediate", nextDue, undefined, now));
  return out;
}

function item(kind: ReportKind, dueAt: string, sentAt: string | undefined, now: number): DueReport {
  if (sentAt !== undefined) return { kind, dueAt, state: "sent", sentAt };
  return { kind, dueAt, state: now > Date.parse(dueAt) ? "overdue" : "due" };
}

function latest(times: Array<string | undefined>): string {
  const defined = times.filter((t): t is string => t !== undefined);
  return defined.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}

/** "3 d 4 h" until (or, negative, since) a deadline: the room's countdown. */
export function formatCountdown(ms: number): string {
  const sign = ms < 0 ? "overdue by " : "";
  const total = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(total / (24 * 60));
  const hours = Math.floor((total % (24 * 60)) / 60);
  const minutes = total % 60;
  const body = days > 0 ? `${days} d ${hours} h` : hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`;
  return sign + body;
}

/** A deadline in the reader's time zone (or the one given), with the zone named. */
export function formatLocal(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "short",
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}
