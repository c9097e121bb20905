import { randomUUID } from 'node:crypto';
import type { StateDb } from '../state/db.ts';
import type { MarkingLevel } from '../../analysis/marking.ts';
import { badInput, ChokepointError, notFound } from '../../errors.ts';
import { checkPasswordStrength, hashPassword, randomPassword } from './secrets.ts';
import { grantablePermissions, isRole, roles, type Role } from './roles.ts';
import { getOrganisation } from './organisations.ts';
import { forgetDevices } from './loginDevices.ts';

/** User accounts. Password hashes never leave this module except to the login check. */
export interface User {
  id: string;
  username: string;
  displayName: string;
  organisationId: string;
  role: Role;
  clearanceLevel: MarkingLevel;
  compartments: string[];
  permissions: string[];
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
  /** The password was generated for the user (new account, reset, first administrator): change it at sign-in. */
  mustChangePassword: boolean;
}

export interface NewUser {
  username: string;
  displayName?: string;
  organisationId: string;
  role: Role;
  clearanceLevel?: MarkingLevel;
  compartments?: string[];
  permissions?: string[];
  /**
   * A random one is generated (and returned once) when absent; the user must then change it at the first sign-in.
   * A given password (an administrator's script with `--password-stdin`) is not forced to change.
   */
  password?: string;
  /** Overrides the rule above (default: true exactly when the password is generated). */
  mustChangePassword?: boolean;
}

const usernamePattern = /^[a-z0-9][a-z0-9._@-]{1,63}$/;
export const compartmentPattern = /^[a-z0-9][a-z0-9_-]{0,39}$/;

export function checkCompartments(compartments: string[], field = 'compartments'): string[] {
  for (const c of compartments) {
    if (!compartmentPattern.test(c)) {
      throw badInput(`compartment "${c}" must be 1–40 lower-case letters, digits, "-" or "_"`, { field });
    }
  }
  return [...new Set(compartments)].sort();
}

export async function addUser(db: StateDb, input: NewUser): Promise<{ user: User; password: string }> {
  const username = input.username.trim().toLowerCase();
  if (!usernamePattern.test(username)) {
    throw badInput('username must be 2–64 lower-case letters, digits, ".", "_", "@" or "-"', {
      field: 'username',
    });
  }
  if (!isRole(input.role)) throw badInput(`role must be one of ${roles.join(', ')}`, { field: 'role' });
  const level = input.clearanceLevel ?? 0;
  if (![0, 1, 2, 3].includes(level))
    throw badInput('clearance level must be 0–3', { field: 'clearanceLevel' });
  const org = await getOrganisation(db, input.organisationId);
  if (level > org.sharingCap) {
    throw badInput(
      `clearance level ${level} exceeds the sharing cap ${org.sharingCap} of organisation ${org.id}`,
      { field: 'clearanceLevel' },
    );
  }
  const compartments = checkCompartments(input.compartments ?? []);
  const extra = [...new Set(input.permissions ?? [])];
  for (const p of extra) {
    if (!(grantablePermissions as string[]).includes(p)) {
      throw badInput(`permission ${p} cannot be granted; grantable: ${grantablePermissions.join(', ')}`, {
        field: 'permissions',
      });
    }
  }
  const displayName = (input.displayName ?? username).trim();
  if (!displayName || displayName.length > 200) {
    throw badInput('display name must be 1–200 characters', { field: 'displayName' });
  }
  const password = input.password ?? randomPassword();
  checkPasswordStrength(password);
  if ((await db.query('SELECT 1 FROM users WHERE username = $1', [username])).length) {
    throw new ChokepointError('conflict', `user ${username} exists already`, { field: 'username' });
  }
  const id = randomUUID();
  await db.query(
    `INSERT INTO users (id, username, display_name, organisation_id, role, clearance_level, compartments, permissions,
                        password_hash, must_change_password)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10)`,
    [
      id,
      username,
      displayName,
      org.id,
      input.role,
      level,
      JSON.stringify(compartments),
      JSON.stringify(extra),
      await hashPassword(password),
      input.mustChangePassword ?? input.password === undefined,
    ],
  );
  return { user: await getUser(db, id), password };
}

/** A row of the users table as the queries here select it (without the password hash). */
export type UserRow = {
  id: string;
  username: string;
  display_name: string;
  organisation_id: string;
  role: Role;
  clearance_level: number;
  compartments: string[];
  permissions: string[];
  disabled: boolean;
  locked_until: string | Date | null;
  created_at: string | Date;
  must_change_password: boolean;
};
const columns =
  'id, username, display_name, organisation_id, role, clearance_level, compartments, permissions, disabled, locked_until, created_at, must_change_password';

const iso = (v: string | Date | null): string | null => (v === null ? null : new Date(v).toISOString());

export function userFromRow(r: UserRow): User {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    organisationId: r.organisation_id,
    role: r.role,
    clearanceLevel: Number(r.clearance_level) as MarkingLevel,
    compartments: r.compartments,
    permissions: r.permissions,
    disabled: r.disabled,
    lockedUntil: iso(r.locked_until),
    createdAt: iso(r.created_at)!,
    mustChangePassword: r.must_change_password,
  };
}

export async function getUser(db: StateDb, id: string): Promise<User> {
  const rows = await db.query<UserRow>(`SELECT ${columns} FROM users WHERE id = $1`, [id]);
  if (!rows.length) throw notFound(`no user ${id}`, { field: 'user' });
  return userFromRow(rows[0]);
}

export async function findUserByUsername(db: StateDb, username: string): Promise<User> {
  const rows = await db.query<UserRow>(`SELECT ${columns} FROM users WHERE username = $1`, [
    username.trim().toLowerCase(),
  ]);
  if (!rows.length) throw notFound(`no user ${username}`, { field: 'username' });
  return userFromRow(rows[0]);
}

export async function listUsers(db: StateDb): Promise<User[]> {
  return (await db.query<UserRow>(`SELECT ${columns} FROM users ORDER BY username`)).map(userFromRow);
}

export async function countUsers(db: StateDb): Promise<number> {
  const [row] = await db.query<{ n: number | string }>('SELECT count(*) AS n FROM users');
  return Number(row.n);
}

/** Disabling also ends the user's sessions and revokes their API tokens. */
export async function setUserDisabled(db: StateDb, username: string, disabled: boolean): Promise<User> {
  const user = await findUserByUsername(db, username);
  await db.transaction(async (tx) => {
    await tx.query('UPDATE users SET disabled = $2 WHERE id = $1', [user.id, disabled]);
    if (disabled) {
      await tx.query('DELETE FROM sessions WHERE user_id = $1', [user.id]);
      await tx.query('UPDATE api_tokens SET revoked = true WHERE user_id = $1', [user.id]);
    }
  });
  return getUser(db, user.id);
}

/**
 * Sets a new password (random when absent, and then to be changed at the next sign-in), clears the lockout, ends
 * the user's sessions and forgets their device cookies.
 */
export async function resetPassword(
  db: StateDb,
  username: string,
  newPassword?: string,
): Promise<{ user: User; password: string }> {
  const user = await findUserByUsername(db, username);
  const password = newPassword ?? randomPassword();
  checkPasswordStrength(password);
  const hashed = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE users SET password_hash = $2, failed_logins = 0, locked_until = NULL, password_changed_at = now(),
              must_change_password = $3
        WHERE id = $1`,
      [user.id, hashed, newPassword === undefined],
    );
    await tx.query('DELETE FROM sessions WHERE user_id = $1', [user.id]);
    await forgetDevices(tx, user.id);
  });
  return { user: await getUser(db, user.id), password };
}

/**
 * On first start with no users: creates administrator `admin` (organisation meti) with a random password that
 * the caller shows once. Returns null when any user exists.
 */
export async function createFirstAdministrator(
  db: StateDb,
): Promise<{ user: User; password: string } | null> {
  if ((await countUsers(db)) > 0) return null;
  const { ensureOrganisation, defaultOrganisation } = await import('./organisations.ts');
  await ensureOrganisation(db, defaultOrganisation);
  try {
    return await addUser(db, {
      username: 'admin',
      displayName: 'Administrator 管理者',
      organisationId: defaultOrganisation.id,
      role: 'administrator',
      clearanceLevel: 3,
    });
  } catch (error) {
    // Another process created it first.
    if (error instanceof ChokepointError && error.code === 'conflict') return null;
    throw error;
  }
}

/** The user changes their own password: the current one must be right; other sessions end. */
export async function changeOwnPassword(
  db: StateDb,
  userId: string,
  current: string,
  next: string,
  keepSessionHash: string | null,
): Promise<void> {
  const { verifyPassword } = await import('./secrets.ts');
  const [row] = await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [
    userId,
  ]);
  if (!row || !(await verifyPassword(row.password_hash, current))) {
    throw new ChokepointError('forbidden', 'the current password is wrong', { field: 'currentPassword' });
  }
  checkPasswordStrength(next, 'newPassword');
  if (next === current)
    throw badInput('the new password must differ from the current one', { field: 'newPassword' });
  const hashed = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx.query(
      'UPDATE users SET password_hash = $2, password_changed_at = now(), must_change_password = false WHERE id = $1',
      [userId, hashed],
    );
    await tx.query('DELETE FROM sessions WHERE user_id = $1 AND id_hash IS DISTINCT FROM $2', [
      userId,
      keepSessionHash,
    ]);
  });
}
