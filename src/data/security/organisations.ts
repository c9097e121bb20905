import type { StateDb } from '../state/db.ts';
import type { MarkingLevel } from '../../analysis/marking.ts';
import { badInput, ChokepointError, notFound } from '../../errors.ts';

/** Organisations users belong to; the sharing cap is the highest marking level the organisation may receive. */
export const organisationKinds = ['ministry', 'company', 'association', 'foreign_partner'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const organisationKindNames: Record<OrganisationKind, { ja: string; en: string }> = {
  ministry: { ja: '省庁', en: 'ministry' },
  company: { ja: '企業', en: 'company' },
  association: { ja: '業界団体', en: 'industry association' },
  foreign_partner: { ja: '海外パートナー', en: 'foreign partner' },
};

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  sharingCap: MarkingLevel;
}

const idPattern = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export async function addOrganisation(db: StateDb, org: Organisation): Promise<Organisation> {
  if (!idPattern.test(org.id)) {
    throw badInput('organisation id must be 1–64 lower-case letters, digits, "-" or "_"', { field: 'id' });
  }
  if (!org.name.trim() || org.name.length > 200)
    throw badInput('name must be 1–200 characters', { field: 'name' });
  if (!(organisationKinds as readonly string[]).includes(org.kind)) {
    throw badInput(`kind must be one of ${organisationKinds.join(', ')}`, { field: 'kind' });
  }
  if (![0, 1, 2, 3].includes(org.sharingCap))
    throw badInput('sharing cap must be 0–3', { field: 'sharingCap' });
  const existing = await db.query('SELECT 1 FROM organisations WHERE id = $1', [org.id]);
  if (existing.length)
    throw new ChokepointError('conflict', `organisation ${org.id} exists already`, { field: 'id' });
  await db.query('INSERT INTO organisations (id, name, kind, sharing_cap) VALUES ($1, $2, $3, $4)', [
    org.id,
    org.name.trim(),
    org.kind,
    org.sharingCap,
  ]);
  return { ...org, name: org.name.trim() };
}

type Row = { id: string; name: string; kind: OrganisationKind; sharing_cap: number };
const fromRow = (r: Row): Organisation => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  sharingCap: Number(r.sharing_cap) as MarkingLevel,
});

export async function listOrganisations(db: StateDb): Promise<Organisation[]> {
  return (await db.query<Row>('SELECT id, name, kind, sharing_cap FROM organisations ORDER BY id')).map(
    fromRow,
  );
}

export async function getOrganisation(db: StateDb, id: string): Promise<Organisation> {
  const rows = await db.query<Row>('SELECT id, name, kind, sharing_cap FROM organisations WHERE id = $1', [
    id,
  ]);
  if (!rows.length) throw notFound(`no organisation ${id}`, { field: 'organisation' });
  return fromRow(rows[0]);
}

/** The organisation first administrators belong to when none is named. */
export const defaultOrganisation: Organisation = {
  id: 'meti',
  name: '経済産業省 METI',
  kind: 'ministry',
  sharingCap: 3,
};

export async function ensureOrganisation(db: StateDb, org: Organisation): Promise<Organisation> {
  const rows = await db.query<Row>('SELECT id, name, kind, sharing_cap FROM organisations WHERE id = $1', [
    org.id,
  ]);
  return rows.length ? fromRow(rows[0]) : addOrganisation(db, org);
}
