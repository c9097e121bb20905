import { randomUUID } from 'node:crypto';
import type { StateDb } from '../state/db.ts';
import { appendAudit } from '../security/auditLog.ts';
import { readableSql } from '../security/markingSql.ts';
import { mayRead, readerMayRead, recordObjectRead, type Reader } from '../security/readContext.ts';
import { resolveCountry } from '../reference/countries.ts';
import { ChokepointError } from '../../errors.ts';
import type { Marking } from '../../analysis/marking.ts';
import { parseItemReference } from '../../analysis/exportControl/controlList.ts';
import type { Inform, InformKind } from '../../analysis/exportControl/informs.ts';
import { exportControlMarking, type MarkingChoice } from './marking.ts';
import { jsonValue, timeText } from './rowValues.ts';
import type { Actor } from './decisionStore.ts';

/**
 * Inform notices in application state (migration 501), each marked (level 1 by default) and audited: recorded by
 * the exporter's compliance office when METI's notice arrives, withdrawn when METI lifts it. The transaction check
 * reads the active ones (exportCheckService.ts).
 */
export interface StoredInform extends Inform {
  notes: string;
  marking: Marking;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface InformInput extends MarkingChoice {
  reference: string;
  kind: InformKind;
  issuedOn: string;
  validUntil?: string | null;
  exporter?: string | null;
  items?: string[];
  destinations?: string[];
  endUser?: string | null;
  endUserCountry?: string | null;
  notes?: string;
}

const kinds: InformKind[] = ['wmd', 'conventional'];
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function toInform(r: Record<string, unknown>): StoredInform {
  const day = (v: unknown) => (v === null || v === undefined ? null : timeText(v).slice(0, 10));
  return {
    id: String(r.id),
    reference: String(r.reference),
    kind: r.kind as InformKind,
    issuedOn: day(r.issued_on)!,
    validUntil: day(r.valid_until),
    exporter: (r.exporter as string | null) ?? null,
    items: jsonValue(r.items as string[]),
    destinations: jsonValue(r.destinations as string[]),
    endUser: (r.end_user as string | null) ?? null,
    endUserCountry: (r.end_user_country as string | null) ?? null,
    notes: String(r.notes ?? ''),
    status: r.status as StoredInform['status'],
    marking: jsonValue(r.marking as Marking),
    createdBy: (r.created_by as string | null) ?? null,
    createdAt: timeText(r.created_at),
    updatedAt: timeText(r.updated_at),
  };
}

function iso3(text: string, field: string): string {
  const c = resolveCountry(text);
  if (!c) throw new ChokepointError('bad_input', `unknown country "${text}"`, { field });
  return c.iso3;
}

/** The notice's fields checked and normalised (ISO3 countries, items that read as HS codes or 別表第一 entries). */
function validated(input: InformInput) {
  if (!input.reference?.trim())
    throw new ChokepointError('bad_input', 'give the notice reference (文書番号)', { field: 'reference' });
  if (!kinds.includes(input.kind))
    throw new ChokepointError('bad_input', 'kind must be wmd or conventional', { field: 'kind' });
  for (const [field, value] of [
    ['issuedOn', input.issuedOn],
    ['validUntil', input.validUntil ?? null],
  ] as const) {
    if (value !== null && (!datePattern.test(value) || Number.isNaN(Date.parse(value))))
      throw new ChokepointError('bad_input', `${field} must be a date YYYY-MM-DD, not "${value}"`, { field });
  }
  if (input.validUntil && input.validUntil < input.issuedOn)
    throw new ChokepointError('bad_input', 'validUntil is before issuedOn', { field: 'validUntil' });
  const items = (input.items ?? []).map((i) => i.trim()).filter(Boolean);
  for (const item of items)
    if (!parseItemReference(item))
      throw new ChokepointError(
        'bad_input',
        `"${item}" is neither an HS code (4–10 digits) nor an entry of 別表第一 (e.g. 2(12), 16)`,
        { field: 'items' },
      );
  return {
    reference: input.reference.trim(),
    kind: input.kind,
    issuedOn: input.issuedOn,
    validUntil: input.validUntil ?? null,
    exporter: input.exporter?.trim() || null,
    items,
    destinations: [...new Set((input.destinations ?? []).map((d) => iso3(d, 'destinations')))],
    endUser: input.endUser?.trim() || null,
    endUserCountry: input.endUserCountry ? iso3(input.endUserCountry, 'endUserCountry') : null,
    notes: input.notes?.trim() ?? '',
  };
}

export async function recordInform(db: StateDb, input: InformInput, actor: Actor): Promise<StoredInform> {
  const v = validated(input);
  const marking = exportControlMarking(input);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<Record<string, unknown>>(
      `INSERT INTO export_control_informs (id, reference, kind, issued_on, valid_until, exporter, items, destinations,
         end_user, end_user_country, notes, marking, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11, $12::jsonb, $13) RETURNING *`,
      [
        randomUUID(),
        v.reference,
        v.kind,
        v.issuedOn,
        v.validUntil,
        v.exporter,
        JSON.stringify(v.items),
        JSON.stringify(v.destinations),
        v.endUser,
        v.endUserCountry,
        v.notes,
        JSON.stringify(marking),
        actor.name,
      ],
    );
    const stored = toInform(row);
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.name,
      action: 'export_control.inform_recorded',
      objectType: 'export_control_inform',
      objectId: stored.id,
      marking,
      details: {
        reference: stored.reference,
        kind: stored.kind,
        ...(input.belowDefaultReason && marking.level < 1 ? { reason: input.belowDefaultReason } : {}),
      },
    });
    return stored;
  });
}

const readable = (reader: Reader | undefined, m: Marking) =>
  mayRead(m) && (!reader || readerMayRead(reader, m));

export async function getInform(db: StateDb, id: string, reader?: Reader): Promise<StoredInform> {
  const [row] = await db.query<Record<string, unknown>>(
    'SELECT * FROM export_control_informs WHERE id = $1',
    [id],
  );
  const found = row ? toInform(row) : undefined;
  if (!found || !readable(reader, found.marking))
    throw new ChokepointError('not_found', 'inform notice not found', { field: 'inform' });
  recordObjectRead('export_control_inform', found.id, found.marking);
  return found;
}

/**
 * Informs, newest notice first: those the reader may read (in SQL) when a reader is given; every one without
 * (the transaction check, which must see every notice that binds the exporter — its result then carries their
 * markings), optionally only the active ones.
 */
export async function listInforms(
  db: StateDb,
  filter: { reader?: Reader; status?: 'active' | 'withdrawn' } = {},
): Promise<StoredInform[]> {
  const r = readableSql(filter.reader, 'marking', 2);
  const rows = await db.query<Record<string, unknown>>(
    `SELECT * FROM export_control_informs WHERE ($1::text IS NULL OR status = $1) AND ${r.sql}
      ORDER BY issued_on DESC, id`,
    [filter.status ?? null, ...r.params],
  );
  return rows.map(toInform);
}

/** Withdraws a notice (METI lifted it) or restores it, with a reason in the audit log. */
export async function setInformStatus(
  db: StateDb,
  id: string,
  change: { status: 'active' | 'withdrawn'; reason: string },
  actor: Actor,
  reader?: Reader,
): Promise<StoredInform> {
  if (change.status !== 'active' && change.status !== 'withdrawn')
    throw new ChokepointError('bad_input', 'status must be active or withdrawn', { field: 'status' });
  if (!change.reason?.trim())
    throw new ChokepointError('bad_input', 'a status change needs a reason', { field: 'reason' });
  await getInform(db, id, reader);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<Record<string, unknown>>(
      'UPDATE export_control_informs SET status = $2, updated_at = now() WHERE id = $1 RETURNING *',
      [id, change.status],
    );
    const updated = toInform(row);
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.name,
      action: 'export_control.inform_status',
      objectType: 'export_control_inform',
      objectId: id,
      marking: updated.marking,
      details: { status: change.status, reason: change.reason.trim() },
    });
    return updated;
  });
}
