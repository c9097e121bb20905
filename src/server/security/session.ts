import type { StateDb } from '../../data/state/index.ts';
import type { Clearance, MarkingLevel } from '../../analysis/marking.ts';
import { type Role, type UserRow, effectivePermissions, randomToken, sha256 } from '../../data/security/index.ts';

/** The authenticated user of a request (`request.user`). */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  organisationId: string;
  role: Role;
  /** Effective clearance: the user's level capped by the organisation's sharing cap. */
  clearance: Clearance;
  permissions: string[];
  /** Signed in with a one-time password: only /auth/me, /auth/password and /auth/logout answer until it changes. */
  mustChangePassword: boolean;
  /** How the request authenticated: a browser session (CSRF applies) or an API token. */
  via: 'session' | 'token';
}

export const sessionCookie = 'chokepoint_session';
export const csrfCookie = 'chokepoint_csrf';
export const sessionLifetimeHours = 12;

/** The users row (one definition: src/data/security/users.ts) with the organisation's cap and the session's CSRF. */
type Row = Pick<
  UserRow,
  | 'id'
  | 'username'
  | 'display_name'
  | 'organisation_id'
  | 'role'
  | 'clearance_level'
  | 'compartments'
  | 'permissions'
  | 'must_change_password'
> & { sharing_cap: number; csrf_hash?: string };

const userColumns = `u.id, u.username, u.display_name, u.organisation_id, u.role, u.clearance_level, o.sharing_cap,
  u.compartments, u.permissions, u.must_change_password`;

function toSessionUser(r: Row, via: SessionUser['via']): SessionUser {
  const level = Math.min(Number(r.clearance_level), Number(r.sharing_cap)) as MarkingLevel;
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    organisationId: r.organisation_id,
    role: r.role,
    clearance: { level, compartments: r.compartments, organisationId: r.organisation_id },
    permissions: effectivePermissions(r.role, r.permissions),
    mustChangePassword: r.must_change_password,
    via,
  };
}

/** A fresh session (new random id: a session id from before login is never reused — no fixation). */
export async function createSession(
  db: StateDb,
  userId: string,
): Promise<{ sessionId: string; csrf: string }> {
  const sessionId = randomToken();
  const csrf = randomToken();
  await db.query('DELETE FROM sessions WHERE expires_at < now()');
  await db.query(
    `INSERT INTO sessions (id_hash, user_id, csrf_hash, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4))`,
    [sha256(sessionId), userId, sha256(csrf), sessionLifetimeHours],
  );
  return { sessionId, csrf };
}

export async function sessionUser(
  db: StateDb,
  sessionId: string,
): Promise<{ user: SessionUser; csrfHash: string; expiresAtMs: number } | null> {
  const rows = await db.query<Row & { expires_ms: number }>(
    `SELECT ${userColumns}, s.csrf_hash, (extract(epoch FROM s.expires_at) * 1000)::float8 AS expires_ms
       FROM sessions s JOIN users u ON u.id = s.user_id
       JOIN organisations o ON o.id = u.organisation_id
     WHERE s.id_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
    [sha256(sessionId)],
  );
  if (!rows.length) return null;
  return {
    user: toSessionUser(rows[0], 'session'),
    csrfHash: rows[0].csrf_hash!,
    expiresAtMs: Number(rows[0].expires_ms),
  };
}

/** Deep-freezes a user kept in a cache and shared by concurrent requests, so that no route can alter it. */
export function frozenUser(user: SessionUser): SessionUser {
  Object.freeze(user.clearance.compartments);
  Object.freeze(user.clearance);
  Object.freeze(user.permissions);
  return Object.freeze(user);
}

export async function endSession(db: StateDb, sessionId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id_hash = $1', [sha256(sessionId)]);
}

export async function tokenUser(db: StateDb, token: string): Promise<SessionUser | null> {
  const rows = await db.query<Row>(
    `UPDATE api_tokens t SET last_used_at = now() FROM users u JOIN organisations o ON o.id = u.organisation_id
     WHERE t.token_hash = $1 AND NOT t.revoked AND u.id = t.user_id AND NOT u.disabled
     RETURNING ${userColumns}`,
    [sha256(token)],
  );
  return rows.length ? toSessionUser(rows[0], 'token') : null;
}
