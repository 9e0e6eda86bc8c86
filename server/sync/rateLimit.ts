/**
 * Rate limits of the live documents: token buckets kept per session rather than per socket, so a
 * client that reconnects does not start again with full buckets.
 */
import type { SyncLimits } from "../../shared/limits";

/** A bucket of a session: `rate` tokens a second, holding at most `burst`. */
const BUCKETS = ["messages", "bytes", "awareness", "cpu"] as const;
export type Bucket = (typeof BUCKETS)[number];

type Spec = Record<Bucket, { rate: number; burst: number }>;

/**
 * One session's four token buckets, shared by all its sockets, refilled together. One object with
 * plain number fields rather than four bucket objects: every connected session holds one.
 */
export class SessionRates {
  private readonly tokens: Record<Bucket, number>;
  private last = performance.now();

  constructor(private readonly spec: Spec) {
    this.tokens = { messages: 0, bytes: 0, awareness: 0, cpu: 0 };
    for (const bucket of BUCKETS) this.tokens[bucket] = spec[bucket].burst;
  }

  /** Takes `n` tokens if there are that many; returns whether it did. */
  take(bucket: Bucket, n = 1): boolean {
    this.refill();
    if (this.tokens[bucket] < n) return false;
    this.tokens[bucket] -= n;
    return true;
  }

  /** Takes `n` tokens after the fact (time already spent), going into debt if need be. */
  charge(bucket: Bucket, n: number): void {
    this.refill();
    this.tokens[bucket] -= n;
  }

  /** Whether any token is left (a debt is paid off before the next message is read). */
  empty(bucket: Bucket): boolean {
    this.refill();
    return this.tokens[bucket] <= 0;
  }

  private refill(): void {
    const now = performance.now();
    const seconds = (now - this.last) / 1000;
    this.last = now;
    for (const bucket of BUCKETS) {
      const { rate, burst } = this.spec[bucket];
      this.tokens[bucket] = Math.min(burst, this.tokens[bucket] + seconds * rate);
    }
  }

  /** Seconds since the session last used a bucket: after `burst / rate` of them all are full again. */
  idleSeconds(now = performance.now()): number {
    return (now - this.last) / 1000;
  }
}

/** Buckets idle this long are full again, so forgetting them changes nothing. */
const FORGET_AFTER_SECONDS = 120;

export class RateBook {
  private readonly sessions = new Map<string, SessionRates>();
  private readonly spec: Spec;

  constructor(
    limits: SyncLimits,
    /** The byte bucket holds at least one largest message, so any single message may be sent. */
    maxMessageBytes: number,
  ) {
    const { messagesPerSecond, bytesPerSecond, awarenessPerSecond, cpuMsPerSecond } = limits;
    this.spec = {
      messages: { rate: messagesPerSecond, burst: 2 * messagesPerSecond },
      bytes: { rate: bytesPerSecond, burst: Math.max(bytesPerSecond, maxMessageBytes) },
      awareness: { rate: awarenessPerSecond, burst: 2 * awarenessPerSecond },
      cpu: { rate: cpuMsPerSecond, burst: 4 * cpuMsPerSecond },
    };
  }

  of(sessionHash: string): SessionRates {
    let rates = this.sessions.get(sessionHash);
    if (!rates) {
      rates = new SessionRates(this.spec);
      this.sessions.set(sessionHash, rates);
    }
    return rates;
  }

  /** Drops buckets that have refilled; called now and then (the keep-alive sweep). */
  sweep(): void {
    const now = performance.now();
    for (const [hash, rates] of this.sessions)
      if (rates.idleSeconds(now) > FORGET_AFTER_SECONDS) this.sessions.delete(hash);
  }
}
