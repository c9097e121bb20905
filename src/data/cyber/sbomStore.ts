import { randomUUID } from 'node:crypto';
import type { StateDb } from '../state/db.ts';
import type { Marking } from '../../analysis/marking.ts';
import type { VexStatement } from '../../analysis/cyber/vex.ts';
import { readableSql } from '../security/markingSql.ts';
import type { Reader } from '../security/readContext.ts';
import type { SbomComponent, SbomDocument, SbomWarning } from './sbomDocument.ts';

/** Stored SBOMs (migration 800_cyber.sql): the inventory, the dependency tree and the VEX statements. */
export interface SbomSummary {
  id: string;
  name: string;
  version: string | null;
  format: 'CycloneDX' | 'SPDX';
  specVersion: string;
  serialNumber: string | null;
  organisationId: string | null;
  componentCount: number;
  warnings: SbomWarning[];
  marking: Marking;
  createdBy: string | null;
  createdAt: string;
}

export type StoredComponent = Omit<SbomComponent, 'pointer'>;
type Row = Record<string, unknown>;
const ts = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

const summaryOf = (r: Row): SbomSummary => ({
  id: r.id as string,
  name: r.name as string,
  version: (r.version as string | null) ?? null,
  format: r.format as SbomSummary['format'],
  specVersion: r.spec_version as string,
  serialNumber: (r.serial_number as string | null) ?? null,
  organisationId: (r.organisation_id as string | null) ?? null,
  componentCount: Number(r.component_count),
  warnings: (r.warnings as SbomWarning[]) ?? [],
  marking: r.marking as Marking,
  createdBy: (r.created_by as string | null) ?? null,
  createdAt: ts(r.created_at),
});

/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters in one statement. */
const batch = 500;

async function insertRows(tx: StateDb, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    const values = chunk
      .map(
        (_, r) =>
          `(${columns.map((c, k) => `$${r * columns.length + k + 1}${c === 'licences' ? '::jsonb' : ''}`).join(', ')})`,
      )
      .join(', ');
    await tx.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, chunk.flat());
  }
}

export async function saveSbom(
  db: StateDb,
  doc: SbomDocument,
  input: { name?: string; organisationId?: string | null; marking: Marking; userId?: string | null },
): Promise<SbomSummary> {
  const id = randomUUID();
  return db.transaction(async (tx) => {
    const [row] = await tx.query(
      `INSERT INTO cyber_sboms (id, name, version, format, spec_version, serial_number, organisation_id, component_count, warnings, marking, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11) RETURNING *`,
      [
        id,
        input.name ?? doc.subject?.name ?? 'SBOM',
        doc.subject?.version ?? null,
        doc.format,
        doc.specVersion,
        doc.serialNumber,
        input.organisationId ?? null,
        doc.components.length,
        JSON.stringify(doc.warnings),
        JSON.stringify(input.marking),
        input.userId ?? null,
      ],
    );
    await insertRows(
      tx,
      'cyber_sbom_components',
      ['sbom_id', 'position', 'ref', 'name', 'version', 'purl', 'type', 'licences', 'supplier'],
      doc.components.map((c, i) => [
        id,
        i,
        c.ref,
        c.name,
        c.version,
        c.purl,
        c.type,
        JSON.stringify(c.licences),
        c.supplier,
      ]),
    );
    const edges = [
      ...new Set(doc.dependencies.flatMap((d) => d.dependsOn.map((to) => `${d.ref}\u0000${to}`))),
    ].map((e) => [id, ...e.split('\u0000')]);
    await insertRows(tx, 'cyber_sbom_dependencies', ['sbom_id', 'ref', 'depends_on'], edges);
    await addVexRows(tx, id, doc.vex, 'sbom', 0);
    return summaryOf(row);
  });
}

async function addVexRows(
  tx: StateDb,
  sbomId: string,
  statements: readonly VexStatement[],
  source: string,
  from: number,
) {
  await insertRows(
    tx,
    'cyber_vex',
    ['sbom_id', 'position', 'vuln_id', 'ref', 'purl', 'status', 'justification', 'detail', 'source'],
    statements.map((s, i) => [
      sbomId,
      from + i,
      s.vulnId,
      s.ref,
      s.purl,
      s.status,
      s.justification,
      s.detail,
      source,
    ]),
  );
}

/** Adds VEX statements from another document (a VEX file about this SBOM's components). */
export async function addVex(
  db: StateDb,
  sbomId: string,
  statements: readonly VexStatement[],
  source: string,
): Promise<number> {
  return db.transaction(async (tx) => {
    const [{ n }] = await tx.query<{ n: number }>(
      'SELECT COALESCE(max(position) + 1, 0)::int AS n FROM cyber_vex WHERE sbom_id = $1',
      [sbomId],
    );
    await addVexRows(tx, sbomId, statements, source, Number(n));
    return statements.length;
  });
}

export async function listSboms(
  db: StateDb,
  reader?: Reader,
  page: { limit: number; offset: number } = { limit: 100, offset: 0 },
): Promise<{ items: SbomSummary[]; total: number }> {
  const filter = readableSql(reader, 's.marking', 1);
  const n = filter.params.length;
  const rows = await db.query(
    `SELECT * FROM cyber_sboms s WHERE ${filter.sql} ORDER BY s.created_at DESC, s.id LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...filter.params, page.limit, page.offset],
  );
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM cyber_sboms s WHERE ${filter.sql}`,
    filter.params,
  );
  return { items: rows.map(summaryOf), total: Number(count.n) };
}

export async function getSbom(db: StateDb, id: string): Promise<SbomSummary | undefined> {
  const [row] = await db.query('SELECT * FROM cyber_sboms WHERE id = $1', [id]);
  return row ? summaryOf(row) : undefined;
}

export async function sbomComponents(db: StateDb, id: string): Promise<StoredComponent[]> {
  const rows = await db.query('SELECT * FROM cyber_sbom_components WHERE sbom_id = $1 ORDER BY position', [
    id,
  ]);
  return rows.map((r) => ({
    ref: r.ref as string,
    name: r.name as string,
    version: (r.version as string | null) ?? null,
    purl: (r.purl as string | null) ?? null,
    type: (r.type as string | null) ?? null,
    licences: (r.licences as string[]) ?? [],
    supplier: (r.supplier as string | null) ?? null,
  }));
}

export async function sbomDependencies(
  db: StateDb,
  id: string,
): Promise<{ ref: string; dependsOn: string[] }[]> {
  const rows = await db.query<{ ref: string; depends_on: string }>(
    'SELECT ref, depends_on FROM cyber_sbom_dependencies WHERE sbom_id = $1 ORDER BY ref, depends_on',
    [id],
  );
  const byRef = new Map<string, string[]>();
  for (const r of rows) byRef.set(r.ref, [...(byRef.get(r.ref) ?? []), r.depends_on]);
  return [...byRef].map(([ref, dependsOn]) => ({ ref, dependsOn }));
}

export async function sbomVex(db: StateDb, id: string): Promise<VexStatement[]> {
  const rows = await db.query('SELECT * FROM cyber_vex WHERE sbom_id = $1 ORDER BY position', [id]);
  return rows.map((r) => ({
    vulnId: r.vuln_id as string,
    ref: (r.ref as string | null) ?? null,
    purl: (r.purl as string | null) ?? null,
    status: r.status as VexStatement['status'],
    justification: (r.justification as string | null) ?? null,
    detail: (r.detail as string | null) ?? null,
  }));
}

/** Components with a purl across every SBOM the reader may read, with their SBOM's organisation (KEV alerts). */
export async function componentsWithPurl(
  db: StateDb,
  reader?: Reader,
): Promise<
  (StoredComponent & { sbomId: string; sbomName: string; organisationId: string | null; marking: Marking })[]
> {
  const filter = readableSql(reader, 's.marking', 1);
  const rows = await db.query(
    `SELECT c.*, s.name AS sbom_name, s.organisation_id, s.marking FROM cyber_sbom_components c JOIN cyber_sboms s ON s.id = c.sbom_id
      WHERE c.purl IS NOT NULL AND ${filter.sql} ORDER BY c.sbom_id, c.position`,
    filter.params,
  );
  return rows.map((r) => ({
    ref: r.ref as string,
    name: r.name as string,
    version: (r.version as string | null) ?? null,
    purl: r.purl as string,
    type: (r.type as string | null) ?? null,
    licences: (r.licences as string[]) ?? [],
    supplier: (r.supplier as string | null) ?? null,
    sbomId: r.sbom_id as string,
    sbomName: r.sbom_name as string,
    organisationId: (r.organisation_id as string | null) ?? null,
    marking: r.marking as Marking,
  }));
}
