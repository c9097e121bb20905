import { ChokepointError } from '../../errors.ts';
import { parseCsv } from '../importers/csvRecords.ts';
import {
  countryOf,
  entityKinds,
  type EntityKind,
  type OwnershipDocument,
  type OwnershipEntity,
  type OwnershipLink,
} from './ownershipDocument.ts';

/**
 * A plain ownership CSV: one direct holding per row,
 * `owner_id,owner_name,owner_country,owned_id,owned_name,owned_country,share` with share in 0–1 (blank = control
 * without a known share); optional columns `owner_kind` / `owned_kind` (person, company, state, stateBody,
 * arrangement) and `interest`. Countries are ISO2, ISO3 or names. An entity written twice with different names or
 * countries is an error naming both lines.
 */
export const ownershipCsvColumns = [
  'owner_id',
  'owner_name',
  'owner_country',
  'owned_id',
  'owned_name',
  'owned_country',
  'share',
] as const;

export function parseOwnershipCsv(text: string, file: string): OwnershipDocument {
  const records = parseCsv(text, file);
  const header = (records[0]?.fields ?? []).map((h) => h.trim().toLowerCase());
  const missing = ownershipCsvColumns.filter((c) => !header.includes(c));
  if (missing.length)
    throw new ChokepointError(
      'bad_file',
      `an ownership CSV needs the columns ${ownershipCsvColumns.join(',')} (missing: ${missing.join(', ')})`,
      { file, line: 1 },
    );
  const col = (name: string) => header.indexOf(name);
  const entities = new Map<string, { entity: OwnershipEntity; line: number }>();
  const links: OwnershipLink[] = [];
  const remember = (side: 'owner' | 'owned', fields: string[], line: number): string => {
    const value = (name: string) =>
      col(`${side}_${name}`) >= 0 ? (fields[col(`${side}_${name}`)] ?? '').trim() : '';
    const id = value('id');
    if (!id)
      throw new ChokepointError('bad_file', `${side}_id is empty`, { file, line, column: `${side}_id` });
    const kindText = value('kind') || 'company';
    if (!entityKinds.includes(kindText as EntityKind))
      throw new ChokepointError(
        'bad_file',
        `${side}_kind "${kindText}" is not one of ${entityKinds.join(', ')}`,
        {
          file,
          line,
          column: `${side}_kind`,
        },
      );
    const entity: OwnershipEntity = {
      id,
      name: value('name') || id,
      country: countryOf(value('country'), { file, line, column: `${side}_country` }),
      kind: kindText as EntityKind,
      identifiers: [],
    };
    const before = entities.get(id);
    if (!before) entities.set(id, { entity, line });
    else if (before.entity.name !== entity.name || before.entity.country !== entity.country)
      throw new ChokepointError(
        'bad_file',
        `entity ${id} is written as "${entity.name}" (${entity.country ?? 'no country'}) here but as "${before.entity.name}" (${before.entity.country ?? 'no country'}) on line ${before.line}`,
        { file, line, column: `${side}_name` },
      );
    return id;
  };
  for (const record of records.slice(1)) {
    const { line, fields } = record;
    if (fields.length !== header.length)
      throw new ChokepointError('bad_file', `${fields.length} fields where the header has ${header.length}`, {
        file,
        line,
      });
    const ownerId = remember('owner', fields, line);
    const ownedId = remember('owned', fields, line);
    if (ownerId === ownedId)
      throw new ChokepointError('bad_file', `${ownerId} is written as holding itself`, {
        file,
        line,
        column: 'owned_id',
      });
    const shareText = (fields[col('share')] ?? '').trim();
    const share = shareText === '' ? null : Number(shareText);
    if (share !== null && !(Number.isFinite(share) && share >= 0 && share <= 1))
      throw new ChokepointError('bad_file', `share "${shareText}" is not a number between 0 and 1`, {
        file,
        line,
        column: 'share',
      });
    const interest = col('interest') >= 0 ? (fields[col('interest')] ?? '').trim() : '';
    links.push({
      ownerId,
      ownedId,
      share,
      interest: interest || (share === null ? 'control' : 'shareholding'),
      source: `${file} line ${line}`,
    });
  }
  if (links.length === 0)
    throw new ChokepointError('bad_file', 'the file holds no ownership row', { file, line: 2 });
  return {
    format: 'csv',
    files: [file],
    entities: [...entities.values()].map((e) => e.entity),
    links,
    warnings: [],
  };
}
