import { randomUUID } from 'node:crypto';
import type { StateDb } from '../state/db.ts';
import { badInput, notFound } from '../../errors.ts';
import { randomToken, sha256 } from './secrets.ts';

/** API tokens for scripts: `cpt_` + 32 random bytes, shown once; only the SHA-256 is stored. */
export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revoked: boolean;
}

type Row = {
  id: string;
  name: string;
  created_at: string | Date;
  last_used_at: string | Date | null;
  revoked: boolean;
};
const fromRow = (r: Row): ApiToken => ({
  id: r.id,
  name: r.name,
  createdAt: new Date(r.created_at).toISOString(),
  lastUsedAt: r.last_used_at === null ? null : new Date(r.last_used_at).toISOString(),
  revoked: r.revoked,
});

export async function createApiToken(
  db: StateDb,
  userId: string,
  name: string,
): Promise<{ token: ApiToken; secret: string }> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 100)
    throw badInput('token name must be 1–100 characters', { field: 'name' });
  const secret = `cpt_${randomToken()}`;
  const id = randomUUID();
  await db.query('INSERT INTO api_tokens (id, user_id, name, token_hash) VALUES ($1, $2, $3, $4)', [
    id,
    userId,
    trimmed,
    sha256(secret),
  ]);
  const [row] = await db.query<Row>(
    'SELECT id, name, created_at, last_used_at, revoked FROM api_tokens WHERE id = $1',
    [id],
  );
  return { token: fromRow(row), secret };
}

export async function listApiTokens(db: StateDb, userId: string): Promise<ApiToken[]> {
  return (
    await db.query<Row>(
      'SELECT id, name, created_at, last_used_at, revoked FROM api_tokens WHERE user_id = $1 ORDER BY created_at',
      [userId],
    )
  ).map(fromRow);
}

/** Revokes one of the user's own tokens; another user's token is "not found". */
export async function revokeApiToken(db: StateDb, userId: string, id: string): Promise<void> {
  const rows = await db.query(
    'UPDATE api_tokens SET revoked = true WHERE id = $1 AND user_id = $2 RETURNING id',
    [id, userId],
  );
  if (!rows.length) throw notFound('token not found', { field: 'id' });
}
