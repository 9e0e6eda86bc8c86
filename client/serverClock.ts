/**
 * The server's clock as this browser best knows it, from the `Date` header of API answers, so a
 * shared countdown ends at the same moment on every screen however wrong a device's clock is.
 * The header counts whole seconds: the estimate is good to about half a second plus half the
 * request's round trip, so the answer with the shortest round trip is kept.
 */

interface Estimate {
  offsetMs: number;
  roundTripMs: number;
}

let best: Estimate | null = null;

/** Server time minus local time, from one answer's `Date` header and when it was asked and answered. */
export function offsetFrom(dateHeader: string | null, sentAt: number, receivedAt: number): Estimate | null {
  const server = dateHeader ? Date.parse(dateHeader) : Number.NaN;
  if (Number.isNaN(server) || receivedAt < sentAt) return null;
  // The header truncates to the second: the middle of that second is the best guess.
  return { offsetMs: server + 500 - (sentAt + receivedAt) / 2, roundTripMs: receivedAt - sentAt };
}

export function noteServerDate(dateHeader: string | null, sentAt: number, receivedAt: number): void {
  const estimate = offsetFrom(dateHeader, sentAt, receivedAt);
  if (estimate && (!best || estimate.roundTripMs < best.roundTripMs)) best = estimate;
}

export const hasServerTime = (): boolean => best !== null;

/** Now, on the server's clock (the local clock until an answer has come). */
export const serverNow = (): number => Date.now() + (best?.offsetMs ?? 0);
