import type { StateDb } from '../state/db.ts';
import type { Reader } from '../security/readContext.ts';
import { readableSql } from '../security/markingSql.ts';
import { appendAudit } from '../security/auditLog.ts';
import { ChokepointError } from '../../errors.ts';
import { publicMarking, type Marking } from '../../analysis/marking.ts';
import {
  isRiskLevel,
  isRiskTypeId,
  type RiskLevel,
  type RiskTypeId,
} from '../../analysis/risks/riskTypes.ts';
import type { Actor } from './registryService.ts';

/**
 * The risk register (migration 950): for each registry entry and reporter, the analyst's judgement on each of the
 * four risk types (src/analysis/risks/riskTypes.ts) — a level, the reasoning, and the evidence it rests on (links to
 * the analyses, notes). Append-only: the newest assessment per (reporter, entry, risk type) is in force, a
 * withdrawal (level null) ends it, the older ones are the history. Every assessment is marked and audited.
 */
export type EvidenceKind = 'analysis' | 'link' | 'note';

export interface EvidenceItem {
  kind: EvidenceKind;
  /** An API path (/api/…) for 'analysis', an http(s) URL for 'link', empty for a note. */
  ref: string;
  note: string;
}

export interface RiskAssessment {
  id: number;
  entryId: string;
  reporter: string;
  riskType: RiskTypeId;
  /** null: the assessment was withdrawn. */
  level: RiskLevel | null;
  judgement: string;
  evidence: EvidenceItem[];
  createdBy: string | null;
  createdAt: string;
  marking: Marking;
}

export interface AssessmentInput {
  entryId: string;
  reporter: string;
  riskType: RiskTypeId;
  level: RiskLevel | null;
  judgement: string;
  evidence?: EvidenceItem[];
  marking?: Marking;
  /** The reason given for lowering the marking of the assessment this one replaces (recorded in the audit). */
  declassified?: string;
}

const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

function fromRow(r: Record<string, unknown>): RiskAssessment {
  return {
    id: Number(r.id),
    entryId: String(r.entry_id),
    reporter: String(r.reporter),
    riskType: r.risk_type as RiskTypeId,
    level: (r.level as RiskLevel | null) ?? null,
    judgement: String(r.judgement),
    evidence: json(r.evidence as EvidenceItem[]),
    createdBy: (r.created_by as string | null) ?? null,
    createdAt: r.created_at instanceof Date ? r.created_at.toISOString() : String(r.created_at),
    marking: json(r.marking as Marking),
  };
}

const evidenceKinds: EvidenceKind[] = ['analysis', 'link', 'note'];

/** Checks evidence items; every problem names the item. */
export function validateEvidence(items: readonly EvidenceItem[]): EvidenceItem[] {
  if (items.length > 50)
    throw new ChokepointError('bad_input', 'at most 50 evidence items', { field: 'evidence' });
  return items.map((e, n) => {
    const field = `evidence[${n}]`;
    if (!evidenceKinds.includes(e.kind)) {
      throw new ChokepointError('bad_input', `kind "${e.kind}" must be analysis, link or note`, {
        field: `${field}.kind`,
      });
    }
    const ref = String(e.ref ?? '').trim();
    const note = String(e.note ?? '').trim();
    if (e.kind === 'analysis' && !/^\/api\/[A-Za-z0-9/_\-.?=&,%]*$/.test(ref)) {
      throw new ChokepointError(
        'bad_input',
        `an analysis reference must be an API path such as /api/identification/coercion?reporter=JPN`,
        { field: `${field}.ref` },
      );
    }
    if (e.kind === 'link' && !/^https?:\/\/\S+$/.test(ref)) {
      throw new ChokepointError('bad_input', 'a link must be an http(s) URL', { field: `${field}.ref` });
    }
    if (e.kind === 'note' && !note)
      throw new ChokepointError('bad_input', 'a note needs its text', { field: `${field}.note` });
    if (ref.length > 2000 || note.length > 2000)
      throw new ChokepointError('too_large', 'an evidence item is at most 2,000 characters', { field });
    return { kind: e.kind, ref: e.kind === 'note' ? '' : ref, note };
  });
}

/** Records an assessment (or its withdrawal) and its audit entry in one transaction. */
export async function recordAssessment(
  db: StateDb,
  input: AssessmentInput,
  actor: Actor,
): Promise<RiskAssessment> {
  if (!isRiskTypeId(input.riskType)) {
    throw new ChokepointError('bad_input', `risk type "${input.riskType}" is not one of the four`, {
      field: 'riskType',
    });
  }
  if (input.level !== null && !isRiskLevel(input.level)) {
    throw new ChokepointError(
      'bad_input',
      'level must be low, medium, high or critical (or none to withdraw)',
      { field: 'level' },
    );
  }
  const judgement = input.judgement.trim();
  if (judgement.length < 10) {
    throw new ChokepointError('bad_input', 'a judgement needs its reasoning (at least 10 characters)', {
      field: 'judgement',
    });
  }
  const evidence = validateEvidence(input.evidence ?? []);
  const marking = input.marking ?? publicMarking;
  return db.transaction(async (tx) => {
    const [row] = await tx.query<Record<string, unknown>>(
      `INSERT INTO risk_assessments (entry_id, reporter, risk_type, level, judgement, evidence, created_by, marking)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::jsonb) RETURNING *`,
      [
        input.entryId,
        input.reporter,
        input.riskType,
        input.level,
        judgement,
        JSON.stringify(evidence),
        actor.name,
        JSON.stringify(marking),
      ],
    );
    const saved = fromRow(row);
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.name,
      action: input.level === null ? 'risk.withdraw' : 'risk.assess',
      objectType: 'risk-assessment',
      objectId: `${input.reporter}/${input.entryId}/${input.riskType}`,
      marking,
      details: {
        id: saved.id,
        level: input.level,
        evidence: evidence.length,
        ...(input.declassified ? { declassified: input.declassified } : {}),
      },
    });
    return saved;
  });
}

/**
 * The assessments in force for a reporter (optionally one entry): the newest per entry and risk type, withdrawn ones
 * left out. The reader's marking filter applies after the newest is chosen, so a newer assessment a reader may not
 * see hides the older ones rather than letting them stand in for it. Without a reader (the CLI operator): all.
 */
export async function currentAssessments(
  db: StateDb,
  reporter: string,
  options: { entryId?: string; reader?: Reader } = {},
): Promise<RiskAssessment[]> {
  const readable = readableSql(options.reader, 'newest.marking', 3);
  const rows = await db.query<Record<string, unknown>>(
    `SELECT * FROM (
       SELECT DISTINCT ON (entry_id, risk_type) * FROM risk_assessments
       WHERE reporter = $1 AND ($2::text IS NULL OR entry_id = $2)
       ORDER BY entry_id, risk_type, id DESC
     ) newest
     WHERE level IS NOT NULL AND ${readable.sql}
     ORDER BY entry_id, risk_type`,
    [reporter, options.entryId ?? null, ...readable.params],
  );
  return rows.map(fromRow);
}

/** The newest assessment of one (reporter, entry, risk type), withdrawn or not, whoever may read it. */
export async function latestAssessment(
  db: StateDb,
  key: { reporter: string; entryId: string; riskType: RiskTypeId },
): Promise<RiskAssessment | undefined> {
  const [row] = await db.query<Record<string, unknown>>(
    `SELECT * FROM risk_assessments WHERE reporter = $1 AND entry_id = $2 AND risk_type = $3 ORDER BY id DESC LIMIT 1`,
    [key.reporter, key.entryId, key.riskType],
  );
  return row ? fromRow(row) : undefined;
}

/** Every assessment of one entry for a reporter the reader may read (all without a reader), newest first. */
export async function assessmentHistory(
  db: StateDb,
  reporter: string,
  entryId: string,
  reader?: Reader,
): Promise<RiskAssessment[]> {
  const readable = readableSql(reader, 'marking', 3);
  const rows = await db.query<Record<string, unknown>>(
    `SELECT * FROM risk_assessments WHERE reporter = $1 AND entry_id = $2 AND ${readable.sql} ORDER BY id DESC`,
    [reporter, entryId, ...readable.params],
  );
  return rows.map(fromRow);
}
