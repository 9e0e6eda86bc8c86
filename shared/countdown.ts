/** A shared timer's remaining time, as everyone in the room reads it. */

/** Milliseconds left until `endsAt` (an ISO time), never negative. */
export function remainingMs(endsAt: string, now: number): number {
  const end = Date.parse(endsAt);
  return Number.isNaN(end) ? 0 : Math.max(0, end - now);
}

/** "4:05", or "1:02:03" past an hour; seconds round up, so "0:00" appears only when time is up. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${ss}` : `${minutes}:${ss}`;
}
