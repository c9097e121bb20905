import type { StateDb } from '../state/db.ts';
import { appendAudit } from '../security/auditLog.ts';
import { ChokepointError } from '../../errors.ts';
import type { Marking } from '../../analysis/marking.ts';
import { partyKey, type Decision, type HitDecision } from '../../analysis/exportControl/hitStatus.ts';
import { exportControlMarking, type MarkingChoice } from './marking.ts';
import { jsonValue, timeText } from './rowValues.ts';
import { readableSql } from '../security/markingSql.ts';
import { mayRead, recordObjectRead, type Reader } from '../security/readContext.ts';

/** Decisions on screening hits in application state (migration 500), each with its audit entry. */
export interface DecisionInput extends MarkingChoice {
  partyName: string;
  country?: string;
  list: string;
  entryId: string;
  entryFingerprint: string;
  decision: Decision;
  reason: string;
  caseId?: string;
}

export interface StoredDecision extends HitDecision {
  partyKey: string;
  partyName: string;
  list: string;
  entryId: string;
  caseId: string | null;
  marking: Marking;
}

export interface Actor {
  id: string | null;
  name: string;
}

const decisions: Decision[] = ['match', 'no-match', 'escalate'];

function toDecision(r: Record<string, unknown>): StoredDecision {
  return {
    id: Number(r.id),
    partyKey: String(r.party_key),
    partyName: String(r.party_name),
    list: String(r.list_id),
    entryId: String(r.entry_id),
    entryFingerprint: String(r.entry_fingerprint),
    decision: r.decision as Decision,
    reason: String(r.reason),
    decidedBy: (r.decided_by as string | null) ?? null,
    decidedAt: timeText(r.decided_at),
    caseId: (r.case_id as string | null) ?? null,
    marking: jsonValue(r.marking as Marking),
  };
}

export async function recordDecision(
  db: StateDb,
  input: DecisionInput,
  actor: Actor,
): Promise<StoredDecision> {
  if (!decisions.includes(input.decision))
    throw new ChokepointError('bad_input', 'decision must be match, no-match or escalate', {
      field: 'decision',
    });
  if (!input.reason.trim())
    throw new ChokepointError('bad_input', 'a decision needs a reason', { field: 'reason' });
  if (!input.partyName.trim())
    throw new ChokepointError('bad_input', 'the party has no name', { field: 'party' });
  const marking = exportControlMarking(input);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<Record<string, unknown>>(
      `INSERT INTO export_control_decisions
         (case_id, party_key, party_name, list_id, entry_id, entry_fingerprint, decision, reason, decided_by, marking)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb) RETURNING *`,
      [
        input.caseId ?? null,
        partyKey(input.partyName, input.country),
        input.partyName.trim(),
        input.list,
        input.entryId,
        input.entryFingerprint,
        input.decision,
        input.reason.trim(),
        actor.name,
        JSON.stringify(marking),
      ],
    );
    const decision = toDecision(row);
    if (input.caseId) {
      await tx.query(
        `INSERT INTO export_control_case_events (case_id, action, detail, actor) VALUES ($1, 'decision', $2::jsonb, $3)`,
        [
          input.caseId,
          JSON.stringify({
            decisionId: decision.id,
            list: input.list,
            entryId: input.entryId,
            decision: input.decision,
            reason: decision.reason,
          }),
          actor.name,
        ],
      );
      await tx.query('UPDATE export_control_cases SET updated_at = now() WHERE id = $1', [input.caseId]);
    }
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.name,
      action: 'export_control.decision',
      objectType: 'export_control_hit',
      objectId: `${decision.partyKey}/${input.list}/${input.entryId}`,
      marking,
      details: {
        decision: input.decision,
        reason: decision.reason,
        caseId: input.caseId ?? null,
        decisionId: decision.id,
      },
    });
    return decision;
  });
}

/**
 * The decision in force (newest the reader may read) for each hit of a party, keyed `<list>\u0000<entryId>`; each
 * one used is recorded as read, so a result laid over with it carries its marking.
 */
export async function decisionsForParty(
  db: StateDb,
  partyName: string,
  country?: string,
  reader?: Reader,
): Promise<Map<string, StoredDecision>> {
  const r = readableSql(reader, 'marking', 2);
  const rows = await db.query<Record<string, unknown>>(
    `SELECT DISTINCT ON (list_id, entry_id) * FROM export_control_decisions
      WHERE party_key = $1 AND ${r.sql} ORDER BY list_id, entry_id, id DESC`,
    [partyKey(partyName, country), ...r.params],
  );
  const found = rows.map(toDecision).filter((d) => mayRead(d.marking));
  for (const d of found) recordObjectRead('export_control_decision', String(d.id), d.marking);
  return new Map(found.map((d) => [`${d.list}\u0000${d.entryId}`, d]));
}

/** Every decision the reader may read taken on one hit, newest first. */
export async function decisionHistory(
  db: StateDb,
  hit: { partyName: string; country?: string; list: string; entryId: string },
  reader?: Reader,
): Promise<StoredDecision[]> {
  const r = readableSql(reader, 'marking', 4);
  const rows = await db.query<Record<string, unknown>>(
    `SELECT * FROM export_control_decisions
      WHERE party_key = $1 AND list_id = $2 AND entry_id = $3 AND ${r.sql} ORDER BY id DESC`,
    [partyKey(hit.partyName, hit.country), hit.list, hit.entryId, ...r.params],
  );
  const found = rows.map(toDecision).filter((d) => mayRead(d.marking));
  for (const d of found) recordObjectRead('export_control_decision', String(d.id), d.marking);
  return found;
}
