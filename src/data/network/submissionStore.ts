import { randomUUID } from 'node:crypto';
import type { StateDb } from '../state/db.ts';
import { joinMarkings, publicMarking, type Marking } from '../../analysis/marking.ts';
import { matchSuppliers, type KnownEntity } from '../../analysis/network/matchSuppliers.ts';
import { notFound } from '../../errors.ts';
import { countableSql, readableSql } from '../security/markingSql.ts';
import { recordObjectRead, type Reader } from '../security/readContext.ts';
import type { SubmissionRows, SupplierRow } from './validateSubmission.ts';

/**
 * Supply-structure submissions in the state database (migration 900). Who reads a submission: its own
 * organisation and ministry organisations (organisations.kind = 'ministry'), each only within the submission's
 * marking — `NetworkAccess` carries the organisation and whether it is a ministry, the `Reader` the clearance;
 * both are applied in SQL so that lists and totals never count a hidden row. Without access (the CLI: the operator
 * of the machine) nothing is filtered. Everyone else sees only aggregates (networkLines in 'aggregate' mode, then
 * the disclosure rule of src/analysis/network/disclosure.ts).
 */
export interface NetworkAccess {
  organisationId: string;
  ministry: boolean;
}

export interface SubmissionSummary {
  id: string;
  organisationId: string;
  sourceName: string;
  synthetic: boolean;
  productCount: number;
  siteCount: number;
  supplierCount: number;
  current: boolean;
  submittedBy: string | null;
  submittedAt: string;
  marking: Marking;
}

export interface SubmissionDetail extends SubmissionSummary {
  products: { row: number; code: string; hs6: string; name: string | null }[];
  sites: { row: number; code: string; name: string | null; country: string; port: string | null }[];
  suppliers: (SupplierRow & { entityId: string })[];
}

export interface MatchCounts {
  /** Lines joined to an entity another submission named (automatic merge). */
  joined: number;
  /** New entities created. */
  created: number;
  /** Uncertain matches waiting for a person. */
  proposed: number;
}

const summaryOf = (r: Record<string, unknown>): SubmissionSummary => ({
  id: r.id as string,
  organisationId: r.organisation_id as string,
  sourceName: r.source_name as string,
  synthetic: r.synthetic as boolean,
  productCount: Number(r.product_count),
  siteCount: Number(r.site_count),
  supplierCount: Number(r.supplier_count),
  current: r.current as boolean,
  submittedBy: (r.submitted_by as string | null) ?? null,
  submittedAt: new Date(r.submitted_at as string).toISOString(),
  marking: r.marking as Marking,
});

/** The submissions filter: readable marking and (own organisation or ministry). */
export function accessSql(
  reader: Reader | undefined,
  access: NetworkAccess | undefined,
  alias: string,
  nextParam: number,
): { sql: string; params: unknown[] } {
  const readable = readableSql(reader, `${alias}.marking`, nextParam);
  if (!access) return readable;
  const n = nextParam + readable.params.length;
  return {
    sql: `(${readable.sql} AND ($${n}::boolean OR ${alias}.organisation_id = $${n + 1}))`,
    params: [...readable.params, access.ministry, access.organisationId],
  };
}

async function knownEntities(tx: StateDb): Promise<KnownEntity[]> {
  return tx.query<KnownEntity>('SELECT id, name, country FROM network_entities ORDER BY id');
}

/**
 * Stores a checked submission in one transaction (all or nothing): it becomes its organisation's current one,
 * its supplier lines are matched to entities (matchSuppliers) and uncertain matches become proposals.
 */
export async function saveSubmission(
  db: StateDb,
  input: {
    organisationId: string;
    sourceName: string;
    rows: SubmissionRows;
    marking: Marking;
    submittedBy: string | null;
    synthetic?: boolean;
  },
): Promise<{ submission: SubmissionSummary; matches: MatchCounts }> {
  const { rows, marking } = input;
  const markingJson = JSON.stringify(marking);
  return db.transaction(async (tx) => {
    const id = randomUUID();
    await tx.query('UPDATE network_submissions SET current = false WHERE organisation_id = $1', [
      input.organisationId,
    ]);
    const [row] = await tx.query(
      `INSERT INTO network_submissions (id, organisation_id, source_name, synthetic, product_count, site_count,
         supplier_count, marking, submitted_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9) RETURNING *`,
      [
        id,
        input.organisationId,
        input.sourceName,
        Boolean(input.synthetic),
        rows.products.length,
        rows.sites.length,
        rows.suppliers.length,
        markingJson,
        input.submittedBy,
      ],
    );
    if (rows.products.length)
      await tx.query(
        `INSERT INTO network_products (submission_id, row_no, code, hs6, name, marking)
         SELECT $1, * , $6::jsonb FROM unnest($2::int[], $3::text[], $4::text[], $5::text[])`,
        [
          id,
          rows.products.map((p) => p.row),
          rows.products.map((p) => p.code),
          rows.products.map((p) => p.hs6),
          rows.products.map((p) => p.name),
          markingJson,
        ],
      );
    if (rows.sites.length)
      await tx.query(
        `INSERT INTO network_sites (submission_id, row_no, code, name, country, port, marking)
         SELECT $1, *, $7::jsonb FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[])`,
        [
          id,
          rows.sites.map((s) => s.row),
          rows.sites.map((s) => s.code),
          rows.sites.map((s) => s.name),
          rows.sites.map((s) => s.country),
          rows.sites.map((s) => s.port),
          markingJson,
        ],
      );
    const known = await knownEntities(tx);
    const matches = matchSuppliers(known, rows.suppliers);
    const newIds = new Map<string, string>();
    const newEntities: { id: string; name: string; country: string }[] = [];
    const entityOf = matches.map((m, i) => {
      if (m.entity) return m.entity;
      let created = newIds.get(m.newKey);
      if (!created) {
        created = randomUUID();
        newIds.set(m.newKey, created);
        newEntities.push({ id: created, name: rows.suppliers[i].name, country: rows.suppliers[i].country });
      }
      return created;
    });
    if (newEntities.length)
      await tx.query(
        `INSERT INTO network_entities (id, name, country, synthetic, marking)
         SELECT *, $4, $5::jsonb FROM unnest($1::text[], $2::text[], $3::text[])`,
        [
          newEntities.map((e) => e.id),
          newEntities.map((e) => e.name),
          newEntities.map((e) => e.country),
          Boolean(input.synthetic),
          markingJson,
        ],
      );
    const s = rows.suppliers;
    if (s.length)
      await tx.query(
        `INSERT INTO network_suppliers (submission_id, row_no, ref, tier, via, own_site, name, country, site, port, hs6,
           share, alternatives, lead_time_days, inventory_days, entity_id, marking)
         SELECT $1, *, $17::jsonb FROM unnest($2::int[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[],
           $8::text[], $9::text[], $10::text[], $11::text[], $12::float8[], $13::int[], $14::int[], $15::int[],
           $16::text[])`,
        [
          id,
          s.map((x) => x.row),
          s.map((x) => x.ref),
          s.map((x) => x.tier),
          s.map((x) => x.via),
          s.map((x) => x.ownSite),
          s.map((x) => x.name),
          s.map((x) => x.country),
          s.map((x) => x.site),
          s.map((x) => x.port),
          s.map((x) => x.hs6),
          s.map((x) => x.share),
          s.map((x) => x.alternatives),
          s.map((x) => x.leadTimeDays),
          s.map((x) => x.inventoryDays),
          entityOf,
          markingJson,
        ],
      );
    // One proposal per new entity that resembles a known one (the first line naming it stands for the others).
    const proposed = new Set<string>();
    const markingOfEntity = new Map<string, Marking>();
    for (const [i, m] of matches.entries()) {
      if (m.entity || !m.proposal || proposed.has(m.newKey)) continue;
      proposed.add(m.newKey);
      let target = markingOfEntity.get(m.proposal.entity);
      if (!target) {
        const [t] = await tx.query<{ marking: Marking }>(
          'SELECT marking FROM network_entities WHERE id = $1',
          [m.proposal.entity],
        );
        markingOfEntity.set(m.proposal.entity, (target = t.marking));
      }
      await tx.query(
        `INSERT INTO network_match_proposals (id, submission_id, supplier_ref, from_entity, to_entity, score,
           explanation, marking) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb)`,
        [
          randomUUID(),
          id,
          s[i].ref,
          entityOf[i],
          m.proposal.entity,
          m.proposal.score,
          JSON.stringify(m.proposal.explanation),
          JSON.stringify(joinMarkings([marking, target])),
        ],
      );
    }
    return {
      submission: summaryOf(row),
      matches: {
        joined: matches.filter((m) => m.entity).length,
        created: newEntities.length,
        proposed: proposed.size,
      },
    };
  });
}

export async function listSubmissions(
  db: StateDb,
  options: { reader?: Reader; access?: NetworkAccess; organisationId?: string; currentOnly?: boolean } = {},
): Promise<SubmissionSummary[]> {
  const filter = accessSql(options.reader, options.access, 's', 1);
  const params = [...filter.params];
  const where = [filter.sql];
  if (options.organisationId) where.push(`s.organisation_id = $${params.push(options.organisationId)}`);
  if (options.currentOnly) where.push('s.current');
  const rows = await db.query(
    `SELECT s.* FROM network_submissions s WHERE ${where.join(' AND ')} ORDER BY s.submitted_at DESC, s.id`,
    params,
  );
  return rows.map(summaryOf);
}

export async function getSubmission(
  db: StateDb,
  id: string,
  reader?: Reader,
  access?: NetworkAccess,
): Promise<SubmissionDetail> {
  const filter = accessSql(reader, access, 's', 2);
  const [row] = await db.query(`SELECT s.* FROM network_submissions s WHERE s.id = $1 AND ${filter.sql}`, [
    id,
    ...filter.params,
  ]);
  if (!row) throw notFound('submission not found', { field: 'id' });
  const summary = summaryOf(row);
  recordObjectRead('network_submission', summary.id, summary.marking);
  const products = await db.query<{ row_no: number; code: string; hs6: string; name: string | null }>(
    'SELECT row_no, code, hs6, name FROM network_products WHERE submission_id = $1 ORDER BY row_no',
    [id],
  );
  const sites = await db.query<{
    row_no: number;
    code: string;
    name: string | null;
    country: string;
    port: string | null;
  }>('SELECT row_no, code, name, country, port FROM network_sites WHERE submission_id = $1 ORDER BY row_no', [
    id,
  ]);
  const suppliers = await db.query(
    'SELECT * FROM network_suppliers WHERE submission_id = $1 ORDER BY row_no',
    [id],
  );
  return {
    ...summary,
    products: products.map(({ row_no, ...p }) => ({ row: Number(row_no), ...p })),
    sites: sites.map(({ row_no, ...s }) => ({ row: Number(row_no), ...s })),
    suppliers: suppliers.map((r) => ({
      row: Number(r.row_no),
      ref: r.ref as string,
      tier: Number(r.tier),
      via: (r.via as string | null) ?? null,
      ownSite: (r.own_site as string | null) ?? null,
      name: r.name as string,
      country: r.country as string,
      site: (r.site as string | null) ?? null,
      port: (r.port as string | null) ?? null,
      hs6: r.hs6 as string,
      share: Number(r.share),
      alternatives: r.alternatives === null ? null : Number(r.alternatives),
      leadTimeDays: r.lead_time_days === null ? null : Number(r.lead_time_days),
      inventoryDays: r.inventory_days === null ? null : Number(r.inventory_days),
      entityId: r.entity_id as string,
    })),
  };
}

export interface NetworkLineRow {
  company: string;
  ref: string;
  via: string | null;
  tier: number;
  entity: string;
  entityName: string;
  country: string;
  site: string | null;
  port: string | null;
  hs6: string;
  share: number;
}

/**
 * The supply lines of every organisation's current submission, for the analyses, with the join of the markings of
 * the submissions they come from (recorded as one read). 'full' (the ministry, or the CLI without access): the
 * submissions the reader may read. 'aggregate' (anyone else): the submissions whose level and compartments the
 * reader holds, whatever their organisation (countableSql) — only aggregates obeying the disclosure rule may be
 * shown from these, marked with that level and those compartments.
 */
export async function networkLines(
  db: StateDb,
  options: { reader?: Reader; access?: NetworkAccess; mode: 'full' | 'aggregate' },
): Promise<{ lines: NetworkLineRow[]; marking: Marking; synthetic: boolean }> {
  const filter =
    options.mode === 'aggregate'
      ? countableSql(options.reader, 's.marking', 1)
      : accessSql(options.reader, options.access, 's', 1);
  const rows = await db.query(
    `SELECT s.organisation_id, l.ref, l.via, l.tier, l.entity_id, e.name AS entity_name, l.country, l.site, l.port,
            l.hs6, l.share
       FROM network_suppliers l JOIN network_submissions s ON s.id = l.submission_id
       JOIN network_entities e ON e.id = l.entity_id
      WHERE s.current AND ${filter.sql}`,
    filter.params,
  );
  const markings = await db.query<{ marking: Marking; synthetic: boolean }>(
    `SELECT DISTINCT s.marking, s.synthetic FROM network_submissions s WHERE s.current AND ${filter.sql}`,
    filter.params,
  );
  const joined = joinMarkings([publicMarking, ...markings.map((m) => m.marking)]);
  const marking =
    options.mode === 'aggregate'
      ? { level: joined.level, compartments: joined.compartments, releasableTo: null }
      : joined;
  recordObjectRead('network_submissions', options.mode, marking);
  return {
    lines: rows.map((r) => ({
      company: r.organisation_id as string,
      ref: r.ref as string,
      via: (r.via as string | null) ?? null,
      tier: Number(r.tier),
      entity: r.entity_id as string,
      entityName: r.entity_name as string,
      country: r.country as string,
      site: (r.site as string | null) ?? null,
      port: (r.port as string | null) ?? null,
      hs6: r.hs6 as string,
      share: Number(r.share),
    })),
    marking,
    synthetic: markings.some((m) => m.synthetic),
  };
}
