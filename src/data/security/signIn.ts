import type { StateDb } from '../state/db.ts';

/**
 * What signing in reads and writes of a user (docs/security.md, "Accounts, sessions, tokens"): the password hash
 * and whether the account may sign in now, and the count of failed attempts that locks it for a while.
 */
export interface SignInAccount {
  id: string;
  passwordHash: string;
  disabled: boolean;
  /** Locked until a moment still to come (too many failed attempts). */
  locked: boolean;
}

/** The account of a (lower-case) username, or undefined when there is none. */
export async function signInAccount(db: StateDb, username: string): Promise<SignInAccount | undefined> {
  const [row] = await db.query<{ id: string; password_hash: string; disabled: boolean; locked: boolean }>(
    `SELECT id, password_hash, disabled, COALESCE(locked_until > now(), false) AS locked FROM users WHERE username = $1`,
    [username],
  );
  return row && { id: row.id, passwordHash: row.password_hash, disabled: row.disabled, locked: row.locked };
}

/**
 * Counts a failed attempt; the one that reaches `maxFailed` locks the account for `lockoutMinutes`. Returns the
 * count of failed attempts since the last success.
 */
export async function recordFailedSignIn(
  db: StateDb,
  userId: string,
  maxFailed: number,
  lockoutMinutes: number,
): Promise<number> {
  const [after] = await db.query<{ failed_logins: number }>(
    `UPDATE users SET failed_logins = failed_logins + 1,
       locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
     WHERE id = $1 RETURNING failed_logins`,
    [userId, maxFailed, lockoutMinutes],
  );
  return after.failed_logins;
}

/** A successful sign-in clears the count of failed attempts and any lock. */
export async function clearFailedSignIns(db: StateDb, userId: string): Promise<void> {
  await db.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [userId]);
}
