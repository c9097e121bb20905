import type { StateDb } from '../state/db.ts';

/**
 * Exponential back-off on failed sign-ins (docs/security.md, "Sign-in back-off and account lock"), kept in the
 * state database (migration 104) so that every server process sees the same counts.
 *
 * A key (a client address, or an address × username pair) may fail `freeFailures` times without delay; failure
 * n > freeFailures then blocks the key for firstDelay × 2^(n − freeFailures − 1), at most maxDelay. While blocked,
 * sign-ins from the key are refused without checking the password (and without writing anything); once the
 * delay has run, the next attempt is judged normally, a right password included. Failures are forgotten
 * `forgetAfterMs` after the last one; a successful sign-in clears its pair.
 */
export interface BackoffRule {
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

/** Per client address, whatever the usernames: slows password spraying; room for an office behind one NAT. */
export const addressBackoff: BackoffRule = { freeFailures: 30, firstDelayMs: 1000, maxDelayMs: 15 * 60_000 };
/** Per client address × username: slows guessing one account from one place. */
export const pairBackoff: BackoffRule = { freeFailures: 3, firstDelayMs: 1000, maxDelayMs: 15 * 60_000 };
export const forgetAfterMs = 60 * 60_000;

export const addressKey = (address: string) => `address:${address}`;
export const pairKey = (address: string, username: string) => `pair:${address} ${username}`;

/** How long failure number `failures` blocks its key, ms. */
export function backoffDelayMs(failures: number, rule: BackoffRule): number {
  if (failures <= rule.freeFailures) return 0;
  return Math.min(rule.maxDelayMs, rule.firstDelayMs * 2 ** Math.min(40, failures - rule.freeFailures - 1));
}

/** Milliseconds until every one of `keys` may try again; 0 when none is blocked. */
export async function throttledForMs(db: StateDb, keys: string[]): Promise<number> {
  if (keys.length === 0) return 0;
  const placeholders = keys.map((_, i) => `$${i + 1}`).join(', ');
  const [row] = await db.query<{ ms: number | string | null }>(
    `SELECT (extract(epoch FROM max(blocked_until) - now()) * 1000)::float8 AS ms
       FROM login_throttle WHERE key IN (${placeholders}) AND last_failure_at > now() - make_interval(secs => $${keys.length + 1})`,
    [...keys, forgetAfterMs / 1000],
  );
  return Math.max(0, Math.ceil(Number(row?.ms ?? 0)));
}

/** Counts a failure against `key` and blocks it for the rule's delay; returns that delay, ms. */
export async function recordLoginFailure(db: StateDb, key: string, rule: BackoffRule): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ failures: number }>(
      `INSERT INTO login_throttle AS t (key, failures, last_failure_at, blocked_until) VALUES ($1, 1, now(), now())
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.last_failure_at > now() - make_interval(secs => $2) THEN t.failures + 1 ELSE 1 END,
         last_failure_at = now()
       RETURNING failures`,
      [key, forgetAfterMs / 1000],
    );
    const delay = backoffDelayMs(Number(row.failures), rule);
    await tx.query(
      'UPDATE login_throttle SET blocked_until = now() + make_interval(secs => $2) WHERE key = $1',
      [key, delay / 1000],
    );
    await tx.query('DELETE FROM login_throttle WHERE last_failure_at < now() - make_interval(secs => $1)', [
      forgetAfterMs / 1000,
    ]);
    return delay;
  });
}

export async function clearLoginFailures(db: StateDb, key: string): Promise<void> {
  await db.query('DELETE FROM login_throttle WHERE key = $1', [key]);
}
