/**
 * Closes connections when their sessions expire, with one timer for all of them, set for the
 * earliest expiry, rather than one timer per socket.
 */
import type { Connection } from "./connection";

/** setTimeout's ceiling; a later expiry is looked at again when the timer fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class Expiries {
  private timer: NodeJS.Timeout | null = null;
  /** When the timer fires (ms since the epoch); Infinity when none is set. */
  private due = Number.POSITIVE_INFINITY;

  constructor(
    private readonly conns: ReadonlySet<Connection>,
    private readonly expire: (conn: Connection) => void,
  ) {}

  /** A connection was accepted: expired already, it goes now; else the timer fires by its expiry. */
  add(conn: Connection): void {
    const at = conn.identity.expiresAt;
    if (at <= Date.now()) this.expire(conn);
    else if (at < this.due) this.arm(at);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.due = Number.POSITIVE_INFINITY;
  }

  private arm(at: number): void {
    this.stop();
    this.due = at;
    this.timer = setTimeout(() => this.fire(), Math.min(Math.max(0, at - Date.now()), MAX_TIMER_MS));
    this.timer.unref();
  }

  /** Closes every connection whose session has expired and sets the timer for the next one. */
  private fire(): void {
    this.timer = null;
    this.due = Number.POSITIVE_INFINITY;
    const now = Date.now();
    let next = Number.POSITIVE_INFINITY;
    for (const conn of this.conns) {
      const at = conn.identity.expiresAt;
      if (at <= now) this.expire(conn);
      else if (at < next) next = at;
    }
    if (next !== Number.POSITIVE_INFINITY) this.arm(next);
  }
}
