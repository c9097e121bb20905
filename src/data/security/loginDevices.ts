import type { StateDb } from '../state/db.ts';
import { randomToken, sha256 } from './secrets.ts';

/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): after a successful sign-in the
 * browser gets a random token bound to the user; only its SHA-256 is stored (migration 104). A client presenting a
 * valid one for the username it signs in as is "known": the account lock does not apply to it and neither does
 * its address's back-off (an attacker sharing the address cannot keep the owner out). The token proves only
 * that this browser signed in as the user before; the password is still checked.
 */
export const deviceLifetimeDays = 90;

/** Whether `token` was issued to `username` within the lifetime. */
export async function isKnownDevice(
  db: StateDb,
  token: string | undefined,
  username: string,
): Promise<boolean> {
  if (!token) return false;
  const rows = await db.query(
    `SELECT 1 FROM login_devices d JOIN users u ON u.id = d.user_id
      WHERE d.token_hash = $1 AND u.username = $2 AND d.last_used_at > now() - make_interval(days => $3)`,
    [sha256(token), username, deviceLifetimeDays],
  );
  return rows.length > 0;
}

/**
 * After a successful sign-in: keeps `token` when it is the user's (its lifetime starts again), otherwise issues a
 * new one. Returns the token the client should hold.
 */
export async function rememberDevice(
  db: StateDb,
  userId: string,
  token: string | undefined,
): Promise<string> {
  if (token) {
    const kept = await db.query(
      'UPDATE login_devices SET last_used_at = now() WHERE token_hash = $1 AND user_id = $2 RETURNING 1',
      [sha256(token), userId],
    );
    if (kept.length) return token;
  }
  const fresh = `dev_${randomToken()}`;
  await db.query('INSERT INTO login_devices (token_hash, user_id) VALUES ($1, $2)', [sha256(fresh), userId]);
  await db.query('DELETE FROM login_devices WHERE last_used_at < now() - make_interval(days => $1)', [
    deviceLifetimeDays,
  ]);
  return fresh;
}

/** Forgets every device of a user (password reset: a stolen device cookie must not outlive it). */
export async function forgetDevices(db: StateDb, userId: string): Promise<void> {
  await db.query('DELETE FROM login_devices WHERE user_id = $1', [userId]);
}
