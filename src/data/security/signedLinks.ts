import { createHmac } from 'node:crypto';
import type { StateDb } from '../state/db.ts';
import { randomToken, sameSecret } from './secrets.ts';
import { ChokepointError, notFound } from '../../errors.ts';

/**
 * Signed, expiring, revocable read-only links for people without an account (PRODUCT.md §3.5; issue 24): every
 * shared result and the exercise after-action report use this one mechanism. The token is
 * `<link id>.<expiry ms>.<HMAC-SHA256(secret, "<link id>.<expiry ms>")>` (base64url), signed with a secret of 32
 * random bytes per purpose kept in the state database (`settings`, created on first use), so a token can be neither
 * forged nor its expiry extended. Only the link id is stored; the token is shown once. The caller keeps the link row
 * (its table, its revocation) and asks `checkLink` whether the row still stands.
 */
export type LinkPurpose = 'exercise_report' | 'share';

/** Longest a link may live: 90 days. */
export const maxLinkDays = 90;

async function linkSecret(db: StateDb, purpose: LinkPurpose): Promise<string> {
  const key = `${purpose}_link_secret`;
  await db.query(`INSERT INTO settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO NOTHING`, [
    key,
    JSON.stringify(randomToken(32)),
  ]);
  const [row] = await db.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]);
  return row.value;
}

const sign = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(payload).digest('base64url');

/** The expiry (ms since the epoch) of a link living `days` days from now; throws for 0 or more than 90 days. */
export function linkExpiry(days: number, field = 'days'): number {
  if (!(days > 0 && days <= maxLinkDays))
    throw new ChokepointError('bad_input', `a link lives more than 0 and at most ${maxLinkDays} days`, {
      field,
    });
  return Date.now() + Math.round(days * 86_400_000);
}

/** The token of link `id` expiring at `expires` (ms). */
export async function signLink(
  db: StateDb,
  purpose: LinkPurpose,
  id: string,
  expires: number,
): Promise<string> {
  const payload = `${id}.${expires}`;
  return `${payload}.${sign(await linkSecret(db, purpose), payload)}`;
}

/**
 * The link id a token stands for when its signature holds and its signed expiry has not passed. Any malformed,
 * forged or tampered token answers the same not_found; an expired one says so (the holder did have a link).
 */
export async function verifyLink(
  db: StateDb,
  purpose: LinkPurpose,
  token: string,
  what = 'link',
): Promise<string> {
  const m = /^([0-9a-f-]{36})\.([0-9]{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) throw notFound(`no such ${what}`, { field: 'token' });
  const [, id, expires, mac] = m;
  if (!sameSecret(mac, sign(await linkSecret(db, purpose), `${id}.${expires}`)))
    throw notFound(`no such ${what}`, { field: 'token' });
  if (Number(expires) <= Date.now())
    throw new ChokepointError('not_found', `this ${what} has expired`, { field: 'token' });
  return id;
}

/** The stored side of a link: missing, revoked or past its stored expiry all answer not_found. */
export function checkLink<T extends { expiresAt: string; revokedAt: string | null }>(
  link: T | undefined,
  what = 'link',
): T {
  if (!link) throw notFound(`no such ${what}`, { field: 'token' });
  if (link.revokedAt) throw new ChokepointError('not_found', `this ${what} was revoked`, { field: 'token' });
  if (Date.parse(link.expiresAt) <= Date.now())
    throw new ChokepointError('not_found', `this ${what} has expired`, { field: 'token' });
  return link;
}
