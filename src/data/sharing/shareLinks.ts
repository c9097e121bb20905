import { randomUUID } from 'node:crypto';
import type { StateDb } from '../state/db.ts';
import { checkLink, linkExpiry, signLink, verifyLink } from '../security/signedLinks.ts';
import { ChokepointError, notFound } from '../../errors.ts';
import { shareForLink, type Share } from './shareStore.ts';

/**
 * Signed read-only links to a share for a named person without an account (data/security/signedLinks.ts): the
 * token is returned once, the link expires (never after its share) and can be revoked; revoking or expiring the
 * share ends its links too. The recipient's name is the watermark of every page the link serves.
 */
export interface ShareLink {
  id: string;
  shareId: string;
  recipientName: string;
  expiresAt: string;
  createdBy: string | null;
  createdAt: string;
  revokedAt: string | null;
}

type Row = Record<string, unknown>;
const ts = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
const linkOf = (r: Row): ShareLink => ({
  id: r.id as string,
  shareId: r.share_id as string,
  recipientName: r.recipient_name as string,
  expiresAt: ts(r.expires_at),
  createdBy: (r.created_by as string | null) ?? null,
  createdAt: ts(r.created_at),
  revokedAt: r.revoked_at ? ts(r.revoked_at) : null,
});

export async function createShareLink(
  db: StateDb,
  share: Pick<Share, 'id' | 'expiresAt'>,
  input: { recipientName: string; days: number; createdBy: string | null },
): Promise<{ link: ShareLink; token: string }> {
  const expires = Math.min(linkExpiry(input.days, 'link.days'), Date.parse(share.expiresAt));
  const id = randomUUID();
  const [row] = await db.query<Row>(
    `INSERT INTO share_links (id, share_id, recipient_name, expires_at, created_by)
     VALUES ($1, $2, $3, to_timestamp($4::float8 / 1000), $5) RETURNING *`,
    [id, share.id, input.recipientName, expires, input.createdBy],
  );
  return { link: linkOf(row), token: await signLink(db, 'share', id, expires) };
}

/** The link and its share for a token: forged, expired or revoked links (or shares) answer not_found. */
export async function resolveShareLink(
  db: StateDb,
  token: string,
): Promise<{ link: ShareLink; share: Share }> {
  const id = await verifyLink(db, 'share', token);
  const [row] = await db.query<Row>('SELECT * FROM share_links WHERE id = $1', [id]);
  const link = checkLink(row ? linkOf(row) : undefined);
  const share = await shareForLink(db, link.shareId);
  checkLink(share ?? undefined);
  return { link, share: share! };
}

export async function listShareLinks(db: StateDb, shareId: string): Promise<ShareLink[]> {
  const rows = await db.query<Row>(
    'SELECT * FROM share_links WHERE share_id = $1 ORDER BY created_at DESC, id',
    [shareId],
  );
  return rows.map(linkOf);
}

export async function revokeShareLink(
  db: StateDb,
  shareId: string,
  linkId: string,
  input: { by: string | null; reason: string },
): Promise<ShareLink> {
  const [row] = await db.query<Row>('SELECT * FROM share_links WHERE id = $1 AND share_id = $2', [
    linkId,
    shareId,
  ]);
  if (!row) throw notFound('no such link', { field: 'linkId' });
  if (row.revoked_at)
    throw new ChokepointError('conflict', 'this link was already revoked', { field: 'linkId' });
  const [updated] = await db.query<Row>(
    `UPDATE share_links SET revoked_at = now(), revoked_by = $2, revoke_reason = $3 WHERE id = $1 RETURNING *`,
    [linkId, input.by, input.reason],
  );
  return linkOf(updated);
}
