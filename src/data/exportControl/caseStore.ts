import { randomUUID } from 'node:crypto';
import type { StateDb } from '../state/db.ts';
import { appendAudit } from '../security/auditLog.ts';
import { mayRead, readerMayRead, recordObjectRead } from '../security/readContext.ts';
import { ChokepointError } from '../../errors.ts';
import type { Marking } from '../../analysis/marking.ts';
import { exportControlMarking, type MarkingChoice } from './marking.ts';
import { jsonValue, timeText } from './rowValues.ts';
import type { Actor } from './decisionStore.ts';
import type { Reader } from '../security/readContext.ts';
import { readableSql } from '../security/markingSql.ts';

/**
 * Export-control cases (migrations 500, 501): a party screen, a batch screen, a transaction check, a circumvention
 * report, a technology-register report or a prior report's review kept for review, with a marking (level 1 by
 * default), an assignee, a status (open → in-review → escalated → closed, any order) and its trail. Reads skip
 * the cases the reader may not read — the reader given, else the current read context — and record the ones read.
 */
export type CaseKind =
  | 'party-screening'
  | 'batch-screening'
  | 'transaction-check'
  | 'circumvention-report'
  | 'technology-register'
  | 'prior-report';
export type CaseStatus = 'open' | 'in-review' | 'escalated' | 'closed';

export interface ExportControlCase {
  id: string;
  kind: CaseKind;
  title: string;
  subject: unknown;
  result: unknown;
  status: CaseStatus;
  assignee: string | null;
  marking: Marking;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CaseEvent {
  id: number;
  action: string;
  detail: Record<string, unknown>;
  actor: string | null;
  at: string;
}

export const caseKinds: CaseKind[] = [
  'party-screening',
  'batch-screening',
  'transaction-check',
  'circumvention-report',
  'technology-register',
  'prior-report',
];
export const caseStatuses: CaseStatus[] = ['open', 'in-review', 'escalated', 'closed'];

function toCase(r: Record<string, unknown>): ExportControlCase {
  return {
    id: String(r.id),
    kind: r.kind as CaseKind,
    title: String(r.title),
    subject: jsonValue(r.subject as unknown),
    result: jsonValue(r.result as unknown),
    status: r.status as CaseStatus,
    assignee: (r.assignee as string | null) ?? null,
    marking: jsonValue(r.marking as Marking),
    createdBy: (r.created_by as string | null) ?? null,
    createdAt: timeText(r.created_at),
    updatedAt: timeText(r.updated_at),
  };
}

/** The trail tables of the case stores (export control, investment): names from this list only, never from input. */
export type CaseEventTable = 'export_control_case_events' | 'investment_case_events';

/** Appends one entry to a case's trail, inside the caller's transaction. */
export async function insertCaseEvent(
  tx: StateDb,
  table: CaseEventTable,
  caseId: string,
  action: string,
  detail: Record<string, unknown>,
  actor: Actor,
): Promise<void> {
  await tx.query(`INSERT INTO ${table} (case_id, action, detail, actor) VALUES ($1, $2, $3::jsonb, $4)`, [
    caseId,
    action,
    JSON.stringify(detail),
    actor.name,
  ]);
}

const event = (tx: StateDb, caseId: string, action: string, detail: Record<string, unknown>, actor: Actor) =>
  insertCaseEvent(tx, 'export_control_case_events', caseId, action, detail, actor);

export async function openCase(
  db: StateDb,
  input: {
    kind: CaseKind;
    title: string;
    subject: unknown;
    result: unknown;
    assignee?: string | null;
  } & MarkingChoice,
  actor: Actor,
): Promise<ExportControlCase> {
  if (!caseKinds.includes(input.kind))
    throw new ChokepointError('bad_input', `kind must be one of ${caseKinds.join(', ')}`, { field: 'kind' });
  if (!input.title.trim()) throw new ChokepointError('bad_input', 'a case needs a title', { field: 'title' });
  const marking = exportControlMarking(input);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<Record<string, unknown>>(
      `INSERT INTO export_control_cases (id, kind, title, subject, result, assignee, marking, created_by)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7::jsonb, $8) RETURNING *`,
      [
        randomUUID(),
        input.kind,
        input.title.trim(),
        JSON.stringify(input.subject),
        JSON.stringify(input.result),
        input.assignee ?? null,
        JSON.stringify(marking),
        actor.name,
      ],
    );
    const created = toCase(row);
    await event(tx, created.id, 'created', { kind: created.kind, assignee: created.assignee }, actor);
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.name,
      action: 'export_control.case_opened',
      objectType: 'export_control_case',
      objectId: created.id,
      marking,
      details: {
        kind: created.kind,
        title: created.title,
        ...(input.belowDefaultReason && marking.level < 1 ? { reason: input.belowDefaultReason } : {}),
      },
    });
    return created;
  });
}

/** Whether the reader given (else the current read context) may read a marking: the stores' object check. */
export const readableBy = (reader: Reader | undefined, marking: Marking) =>
  mayRead(marking) && (!reader || readerMayRead(reader, marking));

/** A case by id; not found (as for a missing one) when the reader may not read it. */
export async function getCase(db: StateDb, id: string, reader?: Reader): Promise<ExportControlCase> {
  const [row] = await db.query<Record<string, unknown>>('SELECT * FROM export_control_cases WHERE id = $1', [
    id,
  ]);
  const found = row ? toCase(row) : undefined;
  if (!found || !readableBy(reader, found.marking))
    throw new ChokepointError('not_found', 'export-control case not found', { field: 'case' });
  recordObjectRead('export_control_case', found.id, found.marking);
  return found;
}

/**
 * Cases the reader may read (filtered in SQL, so a page and its total count only those), most recently changed
 * first; optionally by status, assignee and kind.
 */
export async function listCases(
  db: StateDb,
  filter: { status?: CaseStatus; assignee?: string; kind?: CaseKind; reader?: Reader } = {},
): Promise<ExportControlCase[]> {
  const readable = readableSql(filter.reader, 'marking', 4);
  const rows = await db.query<Record<string, unknown>>(
    `SELECT * FROM export_control_cases
      WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR assignee = $2)
        AND ($3::text IS NULL OR kind = $3) AND ${readable.sql}
      ORDER BY updated_at DESC, id`,
    [filter.status ?? null, filter.assignee ?? null, filter.kind ?? null, ...readable.params],
  );
  const cases = rows.map(toCase).filter((c) => mayRead(c.marking));
  for (const c of cases) recordObjectRead('export_control_case', c.id, c.marking);
  return cases;
}

/** Changes a case's status or assignee (or both), recording each change in its trail and the audit log. */
export async function updateCase(
  db: StateDb,
  id: string,
  change: { status?: CaseStatus; assignee?: string | null },
  actor: Actor,
  reader?: Reader,
): Promise<ExportControlCase> {
  if (change.status !== undefined && !caseStatuses.includes(change.status))
    throw new ChokepointError('bad_input', `status must be one of ${caseStatuses.join(', ')}`, {
      field: 'status',
    });
  const before = await getCase(db, id, reader);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<Record<string, unknown>>(
      `UPDATE export_control_cases
          SET status = COALESCE($2, status),
              assignee = CASE WHEN $3::boolean THEN $4 ELSE assignee END,
              updated_at = now()
        WHERE id = $1 RETURNING *`,
      [id, change.status ?? null, change.assignee !== undefined, change.assignee ?? null],
    );
    const after = toCase(row);
    if (change.status !== undefined && change.status !== before.status)
      await event(tx, id, 'status', { from: before.status, to: after.status }, actor);
    if (change.assignee !== undefined && change.assignee !== before.assignee)
      await event(tx, id, 'assigned', { from: before.assignee, to: after.assignee }, actor);
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.name,
      action: 'export_control.case_updated',
      objectType: 'export_control_case',
      objectId: id,
      marking: after.marking,
      details: { status: after.status, assignee: after.assignee },
    });
    return after;
  });
}

export async function caseEvents(db: StateDb, id: string, reader?: Reader): Promise<CaseEvent[]> {
  await getCase(db, id, reader);
  const rows = await db.query<Record<string, unknown>>(
    'SELECT * FROM export_control_case_events WHERE case_id = $1 ORDER BY id',
    [id],
  );
  return rows.map(caseEventOf);
}

/** A row of a case trail table (export_control_case_events, investment_case_events) as a CaseEvent. */
export function caseEventOf(r: Record<string, unknown>): CaseEvent {
  return {
    id: Number(r.id),
    action: String(r.action),
    detail: jsonValue(r.detail as Record<string, unknown>),
    actor: (r.actor as string | null) ?? null,
    at: timeText(r.at),
  };
}

/**
 * Replaces a case's result — after a re-screen (`rescreened`), or a review of a prior report (`reviewed`, which may
 * also move the status) — recording what changed in its trail and the audit log, in one transaction.
 */
export async function replaceCaseResult(
  db: StateDb,
  id: string,
  result: unknown,
  detail: Record<string, unknown>,
  actor: Actor,
  change: { action?: 'rescreened' | 'reviewed'; status?: CaseStatus; reader?: Reader } = {},
): Promise<ExportControlCase> {
  const { action = 'rescreened', status } = change;
  const before = await getCase(db, id, change.reader);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<Record<string, unknown>>(
      `UPDATE export_control_cases SET result = $2::jsonb, status = COALESCE($3, status), updated_at = now()
        WHERE id = $1 RETURNING *`,
      [id, JSON.stringify(result), status ?? null],
    );
    const updated = toCase(row);
    await event(tx, id, action, detail, actor);
    if (updated.status !== before.status)
      await event(tx, id, 'status', { from: before.status, to: updated.status }, actor);
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.name,
      action: `export_control.case_${action}`,
      objectType: 'export_control_case',
      objectId: id,
      marking: updated.marking,
      details: detail,
    });
    return updated;
  });
}
