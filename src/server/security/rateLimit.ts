import type { FastifyReply } from 'fastify';

/**
 * At most `limit` events per key in any `windowMs` (a sliding window over the keys' recent event times), in this
 * process's memory only: for keys that must never be stored, such as the addresses of the anonymous consultation
 * desk's requesters. With several server processes each keeps its own count.
 */
export class SlidingWindowLimiter {
  private readonly events = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    /** Keys kept at most; the ones idle longest are dropped first when more arrive. */
    private readonly maxKeys = 100_000,
  ) {}

  /** Records an event for `key` if the limit allows it: 0; otherwise the ms until it would (nothing recorded). */
  take(key: string, now = Date.now()): number {
    const recent = (this.events.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.events.set(key, recent);
      return recent[0] + this.windowMs - now;
    }
    recent.push(now);
    // Re-inserted last, so the Map's order is least recently used first.
    this.events.delete(key);
    this.events.set(key, recent);
    if (this.events.size > this.maxKeys) this.events.delete(this.events.keys().next().value!);
    return 0;
  }
}

/** 429 with Retry-After (whole seconds, at least 1) and the error body every route uses. */
export function sendTooManyRequests(
  reply: FastifyReply,
  retryAfterMs: number,
  message: string,
): FastifyReply {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return reply
    .status(429)
    .header('retry-after', String(seconds))
    .send({ error: { code: 'rate_limited', message, place: {} } });
}
