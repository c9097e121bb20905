import { randomUUID } from 'node:crypto';
import type { StateDb } from '../state/db.ts';
import type { Clearance, Marking } from '../../analysis/marking.ts';
import { checkLink, linkExpiry, signLink, verifyLink } from '../security/signedLinks.ts';
import { notFound } from '../../errors.ts';
import type { Reader } from '../security/readContext.ts';
import { readableSql } from '../security/markingSql.ts';

/**
 * Links to an after-action report for participants without an account (PRODUCT.md §3.5): the token is
 * the one signed-link mechanism of data/security/signedLinks.ts (shared results use it too). A link expires at its
 * time and can be revoked for good (exercise_report_link_revocations);
 * the report it serves is redacted to the clearances recorded with the link.
 */
export interface ReportLink {
  id: string;
  exerciseId: string;
  sessionId: string | null;
  organisationId: string;
  lang: 'ja' | 'en';
  format: 'pdf' | 'xlsx';
  /** The clearances the report is redacted for: an item is included only if all of them may read it. */
  readers: Clearance[];
  expiresAt: string;
  marking: Marking;
  createdBy: string | null;
  createdAt: string;
  revokedAt: string | null;
}

type Row = Record<string, unknown>;
const ts = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
const linkOf = (r: Row): ReportLink => ({
  id: r.id as string,
  exerciseId: r.exercise_id as string,
  sessionId: (r.session_id as string | null) ?? null,
  organisationId: r.organisation_id as string,
  lang: r.lang as 'ja' | 'en',
  format: r.format as 'pdf' | 'xlsx',
  readers: r.readers as Clearance[],
  expiresAt: ts(r.expires_at),
  marking: r.marking as Marking,
  createdBy: (r.created_by as string | null) ?? null,
  createdAt: ts(r.created_at),
  revokedAt: r.revoked_at ? ts(r.revoked_at) : null,
});

export async function createReportLink(
  db: StateDb,
  input: Omit<ReportLink, 'id' | 'createdAt' | 'revokedAt' | 'expiresAt'> & { days: number },
): Promise<{ link: ReportLink; token: string }> {
  const expires = linkExpiry(input.days);
  const id = randomUUID();
  const [row] = await db.query<Row>(
    `INSERT INTO exercise_report_links (id, exercise_id, session_id, organisation_id, lang, format, readers, expires_at,
            marking, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, to_timestamp($8::float8 / 1000), $9::jsonb, $10) RETURNING *`,
    [
      id,
      input.exerciseId,
      input.sessionId,
      input.organisationId,
      input.lang,
      input.format,
      JSON.stringify(input.readers),
      expires,
      JSON.stringify(input.marking),
      input.createdBy,
    ],
  );
  return {
    link: linkOf({ ...row, revoked_at: null }),
    token: await signLink(db, 'exercise_report', id, expires),
  };
}

/** The link a token stands for, if its signature holds, it has not expired and it was not revoked. */
export async function resolveReportLink(db: StateDb, token: string): Promise<ReportLink> {
  const id = await verifyLink(db, 'exercise_report', token, 'report link');
  const [row] = await db.query<Row>(
    `SELECT l.*, r.revoked_at FROM exercise_report_links l
       LEFT JOIN exercise_report_link_revocations r ON r.link_id = l.id WHERE l.id = $1`,
    [id],
  );
  return checkLink(row ? linkOf(row) : undefined, 'report link');
}

export async function revokeReportLink(
  db: StateDb,
  linkId: string,
  input: { by: string | null; reason: string },
): Promise<void> {
  const [link] = await db.query('SELECT id FROM exercise_report_links WHERE id = $1', [linkId]);
  if (!link) throw notFound('no such report link', { field: 'linkId' });
  await db.query(
    `INSERT INTO exercise_report_link_revocations (link_id, reason, revoked_by) VALUES ($1, $2, $3)
     ON CONFLICT (link_id) DO NOTHING`,
    [linkId, input.reason, input.by],
  );
}

export async function listReportLinks(
  db: StateDb,
  exerciseId: string,
  reader?: Reader,
): Promise<ReportLink[]> {
  const filter = readableSql(reader, 'l.marking', 2);
  const rows = await db.query<Row>(
    `SELECT l.*, r.revoked_at FROM exercise_report_links l
       LEFT JOIN exercise_report_link_revocations r ON r.link_id = l.id
      WHERE l.exercise_id = $1 AND ${filter.sql} ORDER BY l.created_at DESC, l.id`,
    [exerciseId, ...filter.params],
  );
  return rows.map(linkOf);
}
