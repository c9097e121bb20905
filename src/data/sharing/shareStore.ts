import { randomUUID } from 'node:crypto';
import type { StateDb } from '../state/db.ts';
import type { Marking } from '../../analysis/marking.ts';
import { readableSql } from '../security/markingSql.ts';
import type { Reader } from '../security/readContext.ts';
import { recordObjectRead } from '../security/readContext.ts';
import { notFound } from '../../errors.ts';

/**
 * Shared results (issue 24, migration 920_shares.sql): a snapshot of a result as its sender saw it, marked at least
 * as high as what the result read, released to named users and organisations until it expires or is revoked.
 *
 * Who may read a share is decided in SQL, so lists and their totals count only what the reader may read:
 * the reader's clearance admits the share's marking (readableSql), and the reader is its sender or one of its
 * recipients (the user by id or the user's organisation); a recipient sees it only while it is neither expired nor
 * revoked. The clearance is checked at every read, not at share time, since clearances change.
 */
export const shareKinds = ['screen', 'dossier', 'scenario-run', 'zone', 'exercise-report'] as const;
export type ShareKind = (typeof shareKinds)[number];

export interface ShareRecipient {
  kind: 'user' | 'organisation';
  id: string;
}

export interface ShareSummary {
  id: string;
  kind: ShareKind;
  source: Record<string, string>;
  title: string;
  note: string | null;
  sourceMarking: Marking;
  marking: Marking;
  recipients: ShareRecipient[];
  expiresAt: string;
  createdBy: string | null;
  sender: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface Share extends ShareSummary {
  snapshot: unknown;
}

/** Who is reading: the user (id, organisation) with their clearance. */
export interface ShareAudience {
  reader: Reader | undefined;
  userId: string;
  organisationId: string;
}

type Row = Record<string, unknown>;
const ts = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
const summaryOf = (r: Row): ShareSummary => ({
  id: r.id as string,
  kind: r.kind as ShareKind,
  source: r.source as Record<string, string>,
  title: r.title as string,
  note: (r.note as string | null) ?? null,
  sourceMarking: r.source_marking as Marking,
  marking: r.marking as Marking,
  recipients: ((r.recipients as ShareRecipient[] | null) ?? []).sort(
    (a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id),
  ),
  expiresAt: ts(r.expires_at),
  createdBy: (r.created_by as string | null) ?? null,
  sender: r.sender as string,
  createdAt: ts(r.created_at),
  revokedAt: r.revoked_at ? ts(r.revoked_at) : null,
});

const recipientsSql = `(SELECT COALESCE(jsonb_agg(jsonb_build_object('kind', r.kind, 'id', r.recipient_id)), '[]'::jsonb)
     FROM share_recipients r WHERE r.share_id = s.id) AS recipients`;

/**
 * The audience condition on `s`: the sender, or a recipient of a share still in force. Parameters from `n`: the
 * user id and the organisation id.
 */
function audienceSql(n: number): string {
  return `(s.created_by = $${n} OR (s.revoked_at IS NULL AND s.expires_at > now() AND EXISTS (
      SELECT 1 FROM share_recipients r WHERE r.share_id = s.id
         AND ((r.kind = 'user' AND r.recipient_id = $${n}) OR (r.kind = 'organisation' AND r.recipient_id = $${n + 1})))))`;
}

export async function createShare(
  db: StateDb,
  input: {
    kind: ShareKind;
    source: Record<string, string>;
    title: string;
    note: string | null;
    snapshot: unknown;
    sourceMarking: Marking;
    marking: Marking;
    recipients: ShareRecipient[];
    expiresAt: number;
    createdBy: string | null;
    sender: string;
  },
): Promise<ShareSummary> {
  const id = randomUUID();
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO shares (id, kind, source, title, note, snapshot, source_marking, marking, expires_at, created_by, sender)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb, to_timestamp($9::float8 / 1000), $10, $11)`,
      [
        id,
        input.kind,
        JSON.stringify(input.source),
        input.title,
        input.note,
        JSON.stringify(input.snapshot),
        JSON.stringify(input.sourceMarking),
        JSON.stringify(input.marking),
        input.expiresAt,
        input.createdBy,
        input.sender,
      ],
    );
    for (const r of input.recipients)
      await tx.query(
        `INSERT INTO share_recipients (share_id, kind, recipient_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [id, r.kind, r.id],
      );
    const [row] = await tx.query<Row>(`SELECT s.*, ${recipientsSql} FROM shares s WHERE s.id = $1`, [id]);
    return summaryOf(row);
  });
}

/**
 * A share its audience may read, with its snapshot; hidden, expired, revoked (for recipients) and missing shares
 * all answer the same not_found. The read is recorded with the share's marking for the enforcement point.
 */
export async function getShare(db: StateDb, id: string, audience: ShareAudience): Promise<Share> {
  const filter = readableSql(audience.reader, 's.marking', 4);
  const [row] = await db.query<Row>(
    `SELECT s.*, ${recipientsSql} FROM shares s
      WHERE s.id = $1 AND ${audienceSql(2)} AND ${filter.sql}`,
    [id, audience.userId, audience.organisationId, ...filter.params],
  );
  if (!row) throw notFound('share not found', { field: 'id' });
  const share = { ...summaryOf(row), snapshot: row.snapshot };
  recordObjectRead('share', share.id, share.marking);
  return share;
}

/**
 * The shares in force `received` by the reader (as a user or through their organisation), or those the reader
 * `sent` (revoked and expired ones too), newest first; marking filter and total in SQL.
 */
export async function listShares(
  db: StateDb,
  audience: ShareAudience,
  which: 'received' | 'sent',
  page: { limit: number; offset: number },
): Promise<{ items: ShareSummary[]; total: number }> {
  const filter = readableSql(audience.reader, 's.marking', 3);
  const who =
    which === 'sent'
      ? `s.created_by = $1 AND $2::text IS NOT NULL`
      : `s.revoked_at IS NULL AND s.expires_at > now() AND EXISTS (
           SELECT 1 FROM share_recipients r WHERE r.share_id = s.id
              AND ((r.kind = 'user' AND r.recipient_id = $1) OR (r.kind = 'organisation' AND r.recipient_id = $2)))`;
  const where = `${who} AND ${filter.sql}`;
  const params = [audience.userId, audience.organisationId, ...filter.params];
  const n = params.length;
  const rows = await db.query<Row>(
    `SELECT s.id, s.kind, s.source, s.title, s.note, s.source_marking, s.marking, s.expires_at, s.created_by,
            s.sender, s.created_at, s.revoked_at, ${recipientsSql}
       FROM shares s WHERE ${where} ORDER BY s.created_at DESC, s.id LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...params, page.limit, page.offset],
  );
  const [count] = await db.query<{ n: number | string }>(
    `SELECT count(*) AS n FROM shares s WHERE ${where}`,
    params,
  );
  return { items: rows.map(summaryOf), total: Number(count.n) };
}

/** Revokes a share for good (its links stop working with it). Only its sender may (checked by the caller). */
export async function revokeShare(
  db: StateDb,
  id: string,
  input: { by: string | null; reason: string },
): Promise<void> {
  await db.query(
    `UPDATE shares SET revoked_at = now(), revoked_by = $2, revoke_reason = $3 WHERE id = $1 AND revoked_at IS NULL`,
    [id, input.by, input.reason],
  );
}

/** A share by id with no audience check: for its signed links only (the token is the credential). */
export async function shareForLink(db: StateDb, id: string): Promise<Share | undefined> {
  const [row] = await db.query<Row>(`SELECT s.*, ${recipientsSql} FROM shares s WHERE s.id = $1`, [id]);
  return row ? { ...summaryOf(row), snapshot: row.snapshot } : undefined;
}
