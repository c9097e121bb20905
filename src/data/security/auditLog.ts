import type { StateDb } from '../state/db.ts';
import type { Marking } from '../../analysis/marking.ts';
import { badInput } from '../../errors.ts';
import { sha256 } from './secrets.ts';
import { readableColumnsSql } from './markingSql.ts';
import type { Reader } from './readContext.ts';

/**
 * Append-only, hash-chained audit log (as in RFC 6962-style logs, reduced to a linear chain):
 * hash_n = SHA-256(canonical JSON of entry n including prevHash = hash_{n-1}), hash_0 = 64 zeros.
 * Editing any field of an entry changes its hash; deleting or reordering entries breaks the seq run or the
 * prevHash links; deleting the newest entries is caught against audit_head (or an externally recorded head).
 */
export interface AuditInput {
  actorId: string | null;
  /** username, or 'system' / 'anonymous' */
  actor: string;
  action: string;
  objectType: string;
  objectId?: string | null;
  marking?: Marking | null;
  details?: Record<string, unknown> | null;
}

export interface AuditEntry extends Required<AuditInput> {
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

export const genesisHash = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so that jsonb's key reordering does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  return sha256(
    canonicalJson({
      seq: e.seq,
      at: e.at,
      actorId: e.actorId,
      actor: e.actor,
      action: e.action,
      objectType: e.objectType,
      objectId: e.objectId,
      marking: e.marking,
      details: e.details,
      prevHash: e.prevHash,
    }),
  );
}

export async function appendAudit(db: StateDb, input: AuditInput): Promise<AuditEntry> {
  return db.transaction(async (tx) => {
    // One writer at a time: the chain is a total order.
    await tx.exec('LOCK TABLE audit_head IN EXCLUSIVE MODE');
    const [head] = await tx.query<{ seq: number | string; hash: string }>(
      'SELECT seq, hash FROM audit_head WHERE id = 1',
    );
    const unhashed = {
      seq: head ? Number(head.seq) + 1 : 1,
      at: new Date().toISOString(),
      actorId: input.actorId,
      actor: input.actor,
      action: input.action,
      objectType: input.objectType,
      objectId: input.objectId ?? null,
      marking: input.marking ?? null,
      details: input.details ?? null,
      prevHash: head ? head.hash : genesisHash,
    };
    const entry: AuditEntry = { ...unhashed, hash: entryHash(unhashed) };
    await tx.query(
      `INSERT INTO audit_log (seq, at, actor_id, actor, action, object_type, object_id, marking, details, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11)`,
      [
        entry.seq,
        entry.at,
        entry.actorId,
        entry.actor,
        entry.action,
        entry.objectType,
        entry.objectId,
        entry.marking === null ? null : JSON.stringify(entry.marking),
        entry.details === null ? null : JSON.stringify(entry.details),
        entry.prevHash,
        entry.hash,
      ],
    );
    await tx.query(
      `INSERT INTO audit_head (id, seq, hash) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash`,
      [entry.seq, entry.hash],
    );
    return entry;
  });
}

type Row = {
  seq: number | string;
  at: string;
  actor_id: string | null;
  actor: string;
  action: string;
  object_type: string;
  object_id: string | null;
  marking: Marking | null;
  details: Record<string, unknown> | null;
  prev_hash: string;
  hash: string;
};

const fromRow = (r: Row): AuditEntry => ({
  seq: Number(r.seq),
  at: r.at,
  actorId: r.actor_id,
  actor: r.actor,
  action: r.action,
  objectType: r.object_type,
  objectId: r.object_id,
  marking: r.marking,
  details: r.details,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export interface AuditQuery {
  limit?: number;
  /** Entries with seq < before (paging backwards from the newest). */
  before?: number;
  action?: string;
  actor?: string;
  /**
   * Who reads: only entries without a marking or about objects this reader may read count (an entry about a
   * marked object carries its marking); without a reader every entry counts.
   */
  reader?: Reader;
}

export async function listAudit(
  db: StateDb,
  q: AuditQuery = {},
): Promise<{ items: AuditEntry[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.action) where.push(`action = $${params.push(q.action)}`);
  if (q.actor) where.push(`actor = $${params.push(q.actor)}`);
  if (q.reader) {
    // On the generated marking columns (migration 101): the count below may use only those.
    const readable = readableColumnsSql(q.reader, 'marking', params.length + 1);
    where.push(`(marking IS NULL OR ${readable.sql})`);
    params.push(...readable.params);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // Without action or actor filters the total is a sum over the counts kept per distinct marking (migration 103;
  // the reader's filter uses only the marking columns), instead of testing the marking of every entry.
  const [count] = await db.query<{
    n: number | string;
    logged?: number | string;
    analyzed?: number | string | null;
  }>(
    q.action || q.actor
      ? `SELECT count(*) AS n FROM audit_log ${filter}`
      : `SELECT coalesce(sum(n) FILTER (WHERE ${where.length ? where.join(' AND ') : 'TRUE'}), 0) AS n,
           coalesce(sum(n), 0) AS logged,
           (SELECT reltuples FROM pg_class WHERE oid = 'audit_log'::regclass) AS analyzed
         FROM audit_marking_counts`,
    params,
  );
  // Embedded PGlite has no autovacuum: without statistics the planner takes the marking filter for very selective
  // and sorts the whole log instead of walking the primary key backwards (105 ms instead of 0.5 ms for 10,000
  // entries). Analyze as autovacuum would, once the log has grown by 10 % + 50 entries since the last analysis.
  if (
    count.logged !== undefined &&
    Number(count.logged) > Math.max(0, Number(count.analyzed ?? 0)) * 1.1 + 50
  ) {
    await db.query('ANALYZE audit_log');
  }
  const page = [...params];
  const beforeClause = q.before ? `${where.length ? 'AND' : 'WHERE'} seq < $${page.push(q.before)}` : '';
  const limit = Math.min(Math.max(q.limit ?? 100, 1), 1000);
  const rows = await db.query<Row>(
    `SELECT * FROM audit_log ${filter} ${beforeClause} ORDER BY seq DESC LIMIT $${page.push(limit)}`,
    page,
  );
  return { items: rows.map(fromRow), total: Number(count.n) };
}

export interface AuditProblem {
  seq: number;
  problem: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string } | null;
  problems: AuditProblem[];
}

/** "SEQ:HASH", as printed by a previous verify. */
export function parseHead(text: string): { seq: number; hash: string } {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  if (!m) throw badInput('expected head must look like SEQ:HASH (64 hex digits)', { field: 'expect' });
  return { seq: Number(m[1]), hash: m[2] };
}

/**
 * Walks the whole chain in seq order (in pages, so memory stays flat) and reports every break: a recomputed
 * hash that differs (edit), a seq gap or prevHash mismatch (deletion, insertion, reordering), a head that does
 * not match audit_head or the expected head (deletion at the end).
 */
export async function verifyAudit(
  db: StateDb,
  expect?: { seq: number; hash: string },
): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  let prev: { seq: number; hash: string } | null = null;
  let entries = 0;
  let after = 0;
  const pageSize = 5000;
  for (;;) {
    const rows = await db.query<Row>('SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2', [
      after,
      pageSize,
    ]);
    for (const row of rows) {
      const e = fromRow(row);
      entries++;
      const expectedSeq: number = prev ? prev.seq + 1 : 1;
      if (e.seq !== expectedSeq)
        problems.push({
          seq: e.seq,
          problem: `expected entry ${expectedSeq} here: entries missing or moved`,
        });
      const expectedPrev: string = prev ? prev.hash : genesisHash;
      if (e.prevHash !== expectedPrev)
        problems.push({
          seq: e.seq,
          problem: 'previous-hash link broken: an entry before it was changed, removed or reordered',
        });
      if (entryHash(e) !== e.hash)
        problems.push({ seq: e.seq, problem: 'content does not match its hash: the entry was edited' });
      prev = { seq: e.seq, hash: e.hash };
    }
    if (rows.length < pageSize) break;
    after = Number(rows[rows.length - 1].seq);
  }
  const [stored] = await db.query<{ seq: number | string; hash: string }>(
    'SELECT seq, hash FROM audit_head WHERE id = 1',
  );
  const last = prev as { seq: number; hash: string } | null;
  if (stored && (!last || Number(stored.seq) !== last.seq || stored.hash !== last.hash)) {
    problems.push({
      seq: Number(stored.seq),
      problem: `the log ends at ${last ? last.seq : 'nothing'} but the recorded head is entry ${stored.seq}: newest entries removed or changed`,
    });
  }
  if (!stored && last) problems.push({ seq: last.seq, problem: 'the recorded head is missing' });
  if (expect) {
    const found = await db.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = $1', [expect.seq]);
    if (!found.length) problems.push({ seq: expect.seq, problem: 'the expected head entry is missing' });
    else if (found[0].hash !== expect.hash)
      problems.push({ seq: expect.seq, problem: 'the expected head entry has a different hash' });
  }
  return { ok: problems.length === 0, entries, head: last, problems };
}
