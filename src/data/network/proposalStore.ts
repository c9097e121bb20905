import type { StateDb } from '../state/db.ts';
import type { Marking } from '../../analysis/marking.ts';
import { badInput, notFound } from '../../errors.ts';
import { readableSql } from '../security/markingSql.ts';
import type { Reader } from '../security/readContext.ts';

/**
 * Uncertain supplier matches (score between proposeScore and autoMergeScore, src/analysis/network/matchSuppliers.ts)
 * waiting for a person. They name suppliers of several companies, so only the ministry lists and decides them
 * (within their markings). Confirming merges the new entity into the proposed one: every line of every submission
 * that pointed at it moves over, and other open proposals about it follow.
 */
export interface MatchProposal {
  id: string;
  submissionId: string;
  supplierRef: string;
  fromEntity: { id: string; name: string; country: string };
  toEntity: { id: string; name: string; country: string };
  score: number;
  explanation: { feature: string; value: number; en: string; ja: string }[];
  status: 'proposed' | 'confirmed' | 'rejected';
  decidedBy: string | null;
  decidedAt: string | null;
  marking: Marking;
}

const select = `SELECT p.*, f.name AS from_name, f.country AS from_country, t.name AS to_name, t.country AS to_country
  FROM network_match_proposals p JOIN network_entities f ON f.id = p.from_entity
  JOIN network_entities t ON t.id = p.to_entity`;

const fromRow = (r: Record<string, unknown>): MatchProposal => ({
  id: r.id as string,
  submissionId: r.submission_id as string,
  supplierRef: r.supplier_ref as string,
  fromEntity: { id: r.from_entity as string, name: r.from_name as string, country: r.from_country as string },
  toEntity: { id: r.to_entity as string, name: r.to_name as string, country: r.to_country as string },
  score: Number(r.score),
  explanation: r.explanation as MatchProposal['explanation'],
  status: r.status as MatchProposal['status'],
  decidedBy: (r.decided_by as string | null) ?? null,
  decidedAt: r.decided_at ? new Date(r.decided_at as string).toISOString() : null,
  marking: r.marking as Marking,
});

export async function listProposals(
  db: StateDb,
  options: { reader?: Reader; status?: MatchProposal['status'] } = {},
): Promise<MatchProposal[]> {
  const filter = readableSql(options.reader, 'p.marking', 1);
  const params = [...filter.params];
  const status = options.status ? `AND p.status = $${params.push(options.status)}` : '';
  return (
    await db.query(
      `${select} WHERE ${filter.sql} ${status} ORDER BY p.score DESC, p.created_at, p.id`,
      params,
    )
  ).map(fromRow);
}

export async function decideProposal(
  db: StateDb,
  id: string,
  decision: 'confirmed' | 'rejected',
  decidedBy: string,
  reader?: Reader,
): Promise<MatchProposal> {
  return db.transaction(async (tx) => {
    const filter = readableSql(reader, 'p.marking', 2);
    const [row] = await tx.query(`${select} WHERE p.id = $1 AND ${filter.sql} FOR UPDATE OF p`, [
      id,
      ...filter.params,
    ]);
    if (!row) throw notFound('proposal not found', { field: 'id' });
    if (row.status !== 'proposed')
      throw badInput(`the proposal was ${row.status as string} already`, { field: 'id' });
    if (decision === 'confirmed') {
      const from = row.from_entity as string;
      const to = row.to_entity as string;
      await tx.query('UPDATE network_suppliers SET entity_id = $2 WHERE entity_id = $1', [from, to]);
      // Open proposals about the merged entity now concern the one it joined; one that would merge an entity
      // into itself has nothing left to decide.
      await tx.query(
        `UPDATE network_match_proposals SET
           from_entity = CASE WHEN from_entity = $1 THEN $2 ELSE from_entity END,
           to_entity = CASE WHEN to_entity = $1 THEN $2 ELSE to_entity END
         WHERE status = 'proposed' AND id <> $3 AND (from_entity = $1 OR to_entity = $1)`,
        [from, to, id],
      );
      await tx.query(
        `UPDATE network_match_proposals SET status = 'rejected', decided_by = $1, decided_at = now()
          WHERE status = 'proposed' AND from_entity = to_entity`,
        [decidedBy],
      );
    }
    await tx.query(
      'UPDATE network_match_proposals SET status = $2, decided_by = $3, decided_at = now() WHERE id = $1',
      [id, decision, decidedBy],
    );
    const [after] = await tx.query(`${select} WHERE p.id = $1`, [id]);
    return fromRow(after);
  });
}
