import { randomUUID } from 'node:crypto';
import type { StateDb } from '../state/db.ts';
import type { Marking } from '../../analysis/marking.ts';
import { readableSql } from '../security/markingSql.ts';
import type { Reader } from '../security/readContext.ts';
import { ChokepointError, notFound } from '../../errors.ts';

/**
 * A buyer organisation's invitation to a supplier to answer a catalogue (at a required ★ level). The invitation is
 * marked releasable to both organisations; the supplier answers by naming its assessment (and releasing it to the
 * buyer, which the assessment's marking decides) or declines.
 */
export interface Invitation {
  id: string;
  buyerOrganisationId: string;
  supplierOrganisationId: string;
  frameworkId: string;
  requiredLevel: string | null;
  message: string | null;
  status: 'open' | 'declined' | 'answered';
  assessmentId: string | null;
  marking: Marking;
  createdBy: string | null;
  createdAt: string;
  respondedAt: string | null;
}

type Row = Record<string, unknown>;
const ts = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
const invitationOf = (r: Row): Invitation => ({
  id: r.id as string,
  buyerOrganisationId: r.buyer_organisation_id as string,
  supplierOrganisationId: r.supplier_organisation_id as string,
  frameworkId: r.framework_id as string,
  requiredLevel: (r.required_level as string | null) ?? null,
  message: (r.message as string | null) ?? null,
  status: r.status as Invitation['status'],
  assessmentId: (r.assessment_id as string | null) ?? null,
  marking: r.marking as Marking,
  createdBy: (r.created_by as string | null) ?? null,
  createdAt: ts(r.created_at),
  respondedAt: r.responded_at ? ts(r.responded_at) : null,
});

export async function createInvitation(
  db: StateDb,
  input: Omit<Invitation, 'id' | 'status' | 'assessmentId' | 'createdAt' | 'respondedAt'>,
): Promise<Invitation> {
  const [row] = await db.query(
    `INSERT INTO cyber_invitations (id, buyer_organisation_id, supplier_organisation_id, framework_id, required_level, message, marking, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8) RETURNING *`,
    [
      randomUUID(),
      input.buyerOrganisationId,
      input.supplierOrganisationId,
      input.frameworkId,
      input.requiredLevel,
      input.message,
      JSON.stringify(input.marking),
      input.createdBy,
    ],
  );
  return invitationOf(row);
}

export async function getInvitation(db: StateDb, id: string): Promise<Invitation | undefined> {
  const [row] = await db.query('SELECT * FROM cyber_invitations WHERE id = $1', [id]);
  return row ? invitationOf(row) : undefined;
}

export async function listInvitations(
  db: StateDb,
  reader: Reader | undefined,
): Promise<{ items: Invitation[]; total: number }> {
  const filter = readableSql(reader, 'i.marking', 1);
  const rows = await db.query(
    `SELECT * FROM cyber_invitations i WHERE ${filter.sql} ORDER BY i.created_at DESC, i.id LIMIT 500`,
    filter.params,
  );
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM cyber_invitations i WHERE ${filter.sql}`,
    filter.params,
  );
  return { items: rows.map(invitationOf), total: Number(count.n) };
}

export async function respondToInvitation(
  db: StateDb,
  id: string,
  response: { decline: true } | { assessmentId: string },
): Promise<Invitation> {
  const [row] = await db.query(
    `UPDATE cyber_invitations SET status = $2, assessment_id = $3, responded_at = now() WHERE id = $1 AND status = 'open' RETURNING *`,
    [
      id,
      'decline' in response ? 'declined' : 'answered',
      'assessmentId' in response ? response.assessmentId : null,
    ],
  );
  if (!row) {
    const current = await getInvitation(db, id);
    if (!current) throw notFound('invitation not found', { field: 'id' });
    throw new ChokepointError('conflict', `invitation ${id} is already ${current.status}`, { field: 'id' });
  }
  return invitationOf(row);
}
