/**
 * Rate limits of the live documents: token buckets kept per session rather than per socket, so a
 * client that reconnects does not start again with full buckets.
 */
import type { SyncLimits } from "../../shared/limits";

/** `rate` tokens a second, holding at most `burst`; a take that finds too few is refused. */
export class TokenBucket {
  private tokens: number;
  private last = performance.now();

  constructor(
    private readonly rate: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  /** Takes `n` tokens if there are that many; returns whether it did. */
  take(n = 1): boolean {
    this.refill();
    if (this.tokens < n) return false;
    this.tokens -= n;
    return true;
  }

  /** Takes `n` tokens after the fact (time already spent), going into debt if need be. */
  charge(n: number): void {
    this.refill();
    this.tokens -= n;
  }

  /** Whether any token is left (a debt is paid off before the next message is read). */
  get empty(): boolean {
    this.refill();
    return this.tokens <= 0;
  }

  private refill(): void {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
  }

  /** Seconds since the last take: after `burst / rate` of them the bucket is full again. */
  idleSeconds(now = performance.now()): number {
    return (now - this.last) / 1000;
  }
}

/** One session's buckets, shared by all its sockets. */
export interface SessionRates {
  messages: TokenBucket;
  bytes: TokenBucket;
  awareness: TokenBucket;
  /** Milliseconds of the server's time spent on this session's messages. */
  cpu: TokenBucket;
}

/** A bucket idle this long is full again, so forgetting it changes nothing. */
const FORGET_AFTER_SECONDS = 120;

export class RateBook {
  private readonly sessions = new Map<string, SessionRates>();

  constructor(
    private readonly limits: SyncLimits,
    /** The byte bucket holds at least one largest message, so any single message may be sent. */
    private readonly maxMessageBytes: number,
  ) {}

  of(sessionHash: string): SessionRates {
    let rates = this.sessions.get(sessionHash);
    if (!rates) {
      const { messagesPerSecond, bytesPerSecond, awarenessPerSecond, cpuMsPerSecond } = this.limits;
      rates = {
        messages: new TokenBucket(messagesPerSecond, 2 * messagesPerSecond),
        bytes: new TokenBucket(bytesPerSecond, Math.max(bytesPerSecond, this.maxMessageBytes)),
        awareness: new TokenBucket(awarenessPerSecond, 2 * awarenessPerSecond),
        cpu: new TokenBucket(cpuMsPerSecond, 4 * cpuMsPerSecond),
      };
      this.sessions.set(sessionHash, rates);
    }
    return rates;
  }

  /** Drops buckets that have refilled; called now and then (the keep-alive sweep). */
  sweep(): void {
    const now = performance.now();
    for (const [hash, rates] of this.sessions) {
      const idle = Math.min(
        rates.messages.idleSeconds(now),
        rates.bytes.idleSeconds(now),
        rates.awareness.idleSeconds(now),
        rates.cpu.idleSeconds(now),
      );
      if (idle > FORGET_AFTER_SECONDS) this.sessions.delete(hash);
    }
  }
}
