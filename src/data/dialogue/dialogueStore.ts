import { randomUUID } from 'node:crypto';
import type { StateDb } from '../state/db.ts';
import type { Marking } from '../../analysis/marking.ts';
import { readableSql } from '../security/markingSql.ts';
import { recordObjectRead, type Reader } from '../security/readContext.ts';
import { notFound } from '../../errors.ts';
import type {
  DialogueInput,
  DialogueKind,
  DialogueRecord,
  DialogueSummary,
  Finding,
  FollowUp,
  Participant,
  RegistryProposal,
} from './dialogueRecord.ts';

/**
 * Dialogue records in the state (migration 910_dialogue.sql). Every query takes the reader and filters markings in
 * SQL (readableSql), so lists, their totals and the follow-ups due count only records the reader may read, and a
 * hidden record is missing. Without a reader (the CLI, the machine's operator) nothing is filtered.
 */
type Row = Record<string, unknown>;
const ts = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
const strings = (v: unknown) => (v as string[] | null) ?? [];

const recordColumns = `r.id, to_char(r.held_on, 'YYYY-MM-DD') AS held_on, r.kind, r.title, r.participants, r.organisations,
  r.topics, r.products, r.technologies, r.cases, r.summary, r.marking, r.created_by, r.created_at, r.updated_by, r.updated_at`;

const summaryOf = (r: Row): DialogueSummary => ({
  id: r.id as string,
  heldOn: r.held_on as string,
  kind: r.kind as DialogueKind,
  title: r.title as string,
  organisations: strings(r.organisations),
  topics: strings(r.topics),
  products: strings(r.products),
  technologies: strings(r.technologies),
  findingCount: Number(r.finding_count ?? 0),
  openFollowUps: Number(r.open_follow_ups ?? 0),
  marking: r.marking as Marking,
  createdBy: (r.created_by as string | null) ?? null,
  updatedAt: ts(r.updated_at),
});

const findingOf = (r: Row): Finding => ({
  id: r.id as string,
  text: r.text as string,
  product: (r.product as string | null) ?? null,
  country: (r.country as string | null) ?? null,
  registryProposal: (r.registry_proposal as RegistryProposal | null) ?? null,
  registryAppliedAt: r.registry_applied_at ? ts(r.registry_applied_at) : null,
  registryAppliedBy: (r.registry_applied_by as string | null) ?? null,
  scenarioId: (r.scenario_id as string | null) ?? null,
});

const followUpOf = (r: Row): FollowUp => ({
  id: r.id as string,
  action: r.action as string,
  owner: r.owner as string,
  dueOn: (r.due_on as string | null) ?? null,
  done: Boolean(r.done),
  doneAt: r.done_at ? ts(r.done_at) : null,
});

const contentParams = (input: DialogueInput) => [
  input.heldOn,
  input.kind,
  input.title,
  JSON.stringify(input.participants satisfies Participant[]),
  JSON.stringify(input.organisations),
  JSON.stringify(input.topics),
  JSON.stringify(input.products),
  JSON.stringify(input.technologies),
  JSON.stringify(input.cases),
  input.summary,
  JSON.stringify(input.marking),
];

/** Findings and follow-ups as given: those with an id keep it (and what was done from them), the rest are new. */
async function writeParts(tx: StateDb, recordId: string, input: DialogueInput): Promise<void> {
  const keptFindings = input.findings.flatMap((f) => (f.id ? [f.id] : []));
  await tx.query(`DELETE FROM dialogue_findings WHERE record_id = $1 AND NOT (id = ANY($2::text[]))`, [
    recordId,
    keptFindings,
  ]);
  for (const [position, f] of input.findings.entries())
    await tx.query(
      `INSERT INTO dialogue_findings (id, record_id, position, text, product, country, registry_proposal)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
       ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position, text = EXCLUDED.text, product = EXCLUDED.product,
         country = EXCLUDED.country, registry_proposal = EXCLUDED.registry_proposal
       WHERE dialogue_findings.record_id = EXCLUDED.record_id`,
      [
        f.id ?? randomUUID(),
        recordId,
        position,
        f.text,
        f.product,
        f.country,
        f.registryProposal ? JSON.stringify(f.registryProposal) : null,
      ],
    );
  const keptFollowUps = input.followUps.flatMap((f) => (f.id ? [f.id] : []));
  await tx.query(`DELETE FROM dialogue_follow_ups WHERE record_id = $1 AND NOT (id = ANY($2::text[]))`, [
    recordId,
    keptFollowUps,
  ]);
  for (const [position, f] of input.followUps.entries())
    await tx.query(
      `INSERT INTO dialogue_follow_ups (id, record_id, position, action, owner, due_on, done, done_at)
       VALUES ($1, $2, $3, $4, $5, $6::date, $7, CASE WHEN $7 THEN now() END)
       ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position, action = EXCLUDED.action, owner = EXCLUDED.owner,
         due_on = EXCLUDED.due_on, done = EXCLUDED.done,
         done_at = CASE WHEN EXCLUDED.done THEN COALESCE(dialogue_follow_ups.done_at, now()) END
       WHERE dialogue_follow_ups.record_id = EXCLUDED.record_id`,
      [f.id ?? randomUUID(), recordId, position, f.action, f.owner, f.dueOn, f.done],
    );
}

export async function createDialogue(
  db: StateDb,
  input: DialogueInput,
  by: string | null,
): Promise<DialogueRecord> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO dialogue_records (id, held_on, kind, title, participants, organisations, topics, products,
              technologies, cases, summary, marking, created_by, updated_by)
       VALUES ($1, $2::date, $3, $4, $5::jsonb, $6::jsonb, $7::jsonb, $8::jsonb, $9::jsonb, $10::jsonb, $11, $12::jsonb,
               $13, $13)`,
      [id, ...contentParams(input), by],
    );
    await writeParts(tx, id, input);
  });
  return (await getDialogue(db, id))!;
}

/** Replaces a record's content (the caller has checked it may read it and may set the marking). */
export async function updateDialogue(
  db: StateDb,
  id: string,
  input: DialogueInput,
  by: string | null,
): Promise<DialogueRecord> {
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE dialogue_records SET held_on = $2::date, kind = $3, title = $4, participants = $5::jsonb,
              organisations = $6::jsonb, topics = $7::jsonb, products = $8::jsonb, technologies = $9::jsonb,
              cases = $10::jsonb, summary = $11, marking = $12::jsonb, updated_by = $13, updated_at = now()
        WHERE id = $1`,
      [id, ...contentParams(input), by],
    );
    await writeParts(tx, id, input);
  });
  return (await getDialogue(db, id))!;
}

/** A record the reader may read, with its findings and follow-ups; undefined when missing or hidden alike. */
export async function getDialogue(
  db: StateDb,
  id: string,
  reader?: Reader,
): Promise<DialogueRecord | undefined> {
  const filter = readableSql(reader, 'r.marking', 2);
  const [row] = await db.query<Row>(
    `SELECT ${recordColumns} FROM dialogue_records r WHERE r.id = $1 AND ${filter.sql}`,
    [id, ...filter.params],
  );
  if (!row) return undefined;
  const findings = await db.query<Row>(
    'SELECT * FROM dialogue_findings WHERE record_id = $1 ORDER BY position',
    [id],
  );
  const followUps = await db.query<Row>(
    `SELECT id, action, owner, to_char(due_on, 'YYYY-MM-DD') AS due_on, done, done_at
       FROM dialogue_follow_ups WHERE record_id = $1 ORDER BY position`,
    [id],
  );
  const { findingCount: _f, openFollowUps: _o, ...summary } = summaryOf(row);
  recordObjectRead('dialogue-record', summary.id, summary.marking);
  return {
    ...summary,
    participants: (row.participants as Participant[]) ?? [],
    cases: strings(row.cases),
    summary: row.summary as string,
    findings: findings.map(findingOf),
    followUps: followUps.map(followUpOf),
    createdAt: ts(row.created_at),
    updatedBy: (row.updated_by as string | null) ?? null,
  };
}

export async function requireDialogue(db: StateDb, id: string, reader?: Reader): Promise<DialogueRecord> {
  const found = await getDialogue(db, id, reader);
  if (!found) throw notFound('dialogue record not found', { field: 'id' });
  return found;
}

export interface DialogueFilter {
  kind?: DialogueKind;
  from?: string;
  to?: string;
  product?: string;
  technology?: string;
  organisation?: string;
  /** Words in the title, summary or topics. */
  q?: string;
  /** Only records with follow-ups not done. */
  openFollowUps?: boolean;
  limit: number;
  offset: number;
}

/** Records the reader may read, newest meeting first, filtered in SQL; the total counts the same rows. */
export async function listDialogues(
  db: StateDb,
  filter: DialogueFilter,
  reader?: Reader,
): Promise<{ items: DialogueSummary[]; total: number }> {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    where.push(sql(params.length));
  };
  if (filter.kind) add((n) => `r.kind = $${n}`, filter.kind);
  if (filter.from) add((n) => `r.held_on >= $${n}::date`, filter.from);
  if (filter.to) add((n) => `r.held_on <= $${n}::date`, filter.to);
  if (filter.product) add((n) => `r.products @> $${n}::jsonb`, JSON.stringify([filter.product]));
  if (filter.technology) add((n) => `r.technologies @> $${n}::jsonb`, JSON.stringify([filter.technology]));
  if (filter.organisation)
    add((n) => `r.organisations @> $${n}::jsonb`, JSON.stringify([filter.organisation]));
  if (filter.q)
    add(
      (n) => `(r.title ILIKE $${n} OR r.summary ILIKE $${n} OR r.topics::text ILIKE $${n})`,
      `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    );
  if (filter.openFollowUps)
    where.push(`EXISTS (SELECT 1 FROM dialogue_follow_ups f WHERE f.record_id = r.id AND NOT f.done)`);
  const marking = readableSql(reader, 'r.marking', params.length + 1);
  params.push(...marking.params);
  where.push(marking.sql);
  const clause = where.join(' AND ');
  const n = params.length;
  const rows = await db.query<Row>(
    `SELECT ${recordColumns},
            (SELECT count(*) FROM dialogue_findings f WHERE f.record_id = r.id) AS finding_count,
            (SELECT count(*) FROM dialogue_follow_ups f WHERE f.record_id = r.id AND NOT f.done) AS open_follow_ups
       FROM dialogue_records r WHERE ${clause}
      ORDER BY r.held_on DESC, r.id LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...params, filter.limit, filter.offset],
  );
  const [count] = await db.query<{ n: number | string }>(
    `SELECT count(*) AS n FROM dialogue_records r WHERE ${clause}`,
    params,
  );
  return { items: rows.map(summaryOf), total: Number(count.n) };
}

export interface DueFollowUp extends FollowUp {
  recordId: string;
  recordTitle: string;
  heldOn: string;
  marking: Marking;
}

/** Follow-ups not done, due on or before `before` (all open ones without it), soonest first, of readable records. */
export async function listFollowUpsDue(
  db: StateDb,
  filter: { before?: string; owner?: string },
  reader?: Reader,
): Promise<{ items: DueFollowUp[]; total: number }> {
  const params: unknown[] = [];
  const where = ['NOT f.done'];
  if (filter.before) {
    params.push(filter.before);
    where.push(`f.due_on <= $${params.length}::date`);
  }
  if (filter.owner) {
    params.push(filter.owner);
    where.push(`f.owner = $${params.length}`);
  }
  const marking = readableSql(reader, 'r.marking', params.length + 1);
  where.push(marking.sql);
  const rows = await db.query<Row>(
    `SELECT f.id, f.action, f.owner, to_char(f.due_on, 'YYYY-MM-DD') AS due_on, f.done, f.done_at, r.id AS record_id,
            r.title AS record_title, to_char(r.held_on, 'YYYY-MM-DD') AS held_on, r.marking
       FROM dialogue_follow_ups f JOIN dialogue_records r ON r.id = f.record_id
      WHERE ${where.join(' AND ')}
      ORDER BY f.due_on NULLS LAST, f.id`,
    [...params, ...marking.params],
  );
  const items = rows.map((r) => ({
    ...followUpOf(r),
    recordId: r.record_id as string,
    recordTitle: r.record_title as string,
    heldOn: r.held_on as string,
    marking: r.marking as Marking,
  }));
  return { items, total: items.length };
}

/** Marks a follow-up done or open again; undefined when the record has no such follow-up. */
export async function setFollowUpDone(
  db: StateDb,
  recordId: string,
  followUpId: string,
  done: boolean,
): Promise<FollowUp | undefined> {
  const [row] = await db.query<Row>(
    `UPDATE dialogue_follow_ups SET done = $3, done_at = CASE WHEN $3 THEN COALESCE(done_at, now()) END
      WHERE record_id = $1 AND id = $2
      RETURNING id, action, owner, to_char(due_on, 'YYYY-MM-DD') AS due_on, done, done_at`,
    [recordId, followUpId, done],
  );
  return row ? followUpOf(row) : undefined;
}

/** Records that a finding's registry proposal was applied (once). */
export async function markRegistryApplied(db: StateDb, findingId: string, by: string): Promise<void> {
  await db.query(
    `UPDATE dialogue_findings SET registry_applied_at = now(), registry_applied_by = $2 WHERE id = $1`,
    [findingId, by],
  );
}

/** Records the scenario draft a finding opened. */
export async function setFindingScenario(db: StateDb, findingId: string, scenarioId: string): Promise<void> {
  await db.query(`UPDATE dialogue_findings SET scenario_id = $2 WHERE id = $1`, [findingId, scenarioId]);
}
