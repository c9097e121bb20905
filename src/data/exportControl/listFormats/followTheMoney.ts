import fs from 'node:fs';
import { ChokepointError } from '../../../errors.ts';
import { resolveCountry } from '../../reference/countries.ts';
import type { ListEntry } from '../../../analysis/exportControl/listDelta.ts';

/**
 * FollowTheMoney entities, one JSON object per line (OpenSanctions' `entities.ftm.json` exports): parties are
 * the schemata Person, Organization, Company, LegalEntity, PublicBody and Vessel; other schemata (Address,
 * Sanction, Ownership …) are counted as skipped, not screened. Names are `name`, `alias`, `previousName` and
 * `weakAlias`; countries `country`, `nationality`, `jurisdiction`, `citizenship` (ISO alpha-2 → alpha-3);
 * identifiers `registrationNumber`, `taxNumber`, `innCode`, `ogrnCode`, `leiCode`, `idNumber`, `passportNumber`,
 * `imoNumber`. A line that is not JSON is an error naming the line.
 */
const partySchemata = new Set(['Person', 'Organization', 'Company', 'LegalEntity', 'PublicBody', 'Vessel']);
const nameProps = ['name', 'alias', 'previousName', 'weakAlias'];
const countryProps = ['country', 'nationality', 'jurisdiction', 'citizenship'];
const idProps = [
  'registrationNumber',
  'taxNumber',
  'innCode',
  'ogrnCode',
  'leiCode',
  'idNumber',
  'passportNumber',
  'imoNumber',
];

export interface FtmParse {
  entries: ListEntry[];
  skipped: { schema: string; count: number }[];
}

export function parseFollowTheMoney(file: string): FtmParse {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  const entries: ListEntry[] = [];
  const skipped = new Map<string, number>();
  const seen = new Set<string>();
  lines.forEach((text, i) => {
    const line = i + 1;
    if (!text.trim()) return;
    let entity: {
      id?: unknown;
      schema?: unknown;
      caption?: unknown;
      properties?: Record<string, unknown>;
      datasets?: unknown;
    };
    try {
      entity = JSON.parse(text);
    } catch (error) {
      throw new ChokepointError('bad_file', `not a JSON object (${(error as Error).message})`, {
        file,
        line,
      });
    }
    if (typeof entity.id !== 'string' || typeof entity.schema !== 'string')
      throw new ChokepointError('bad_file', 'an entity needs a string "id" and "schema"', { file, line });
    if (!partySchemata.has(entity.schema)) {
      skipped.set(entity.schema, (skipped.get(entity.schema) ?? 0) + 1);
      return;
    }
    if (seen.has(entity.id))
      throw new ChokepointError('bad_file', `entity ${entity.id} appears twice`, { file, line });
    seen.add(entity.id);
    const props = entity.properties ?? {};
    const values = (keys: string[]) =>
      keys
        .flatMap((k) => (Array.isArray(props[k]) ? (props[k] as unknown[]) : []))
        .filter((v): v is string => typeof v === 'string');
    const caption = typeof entity.caption === 'string' ? entity.caption : '';
    const names = [...new Set([caption, ...values(nameProps)].map((n) => n.trim()).filter(Boolean))];
    if (!names.length)
      throw new ChokepointError('bad_file', `entity ${entity.id} has no name`, { file, line });
    const countries = [
      ...new Set(
        values(countryProps)
          .map((c) => resolveCountry(c)?.iso3)
          .filter((c): c is string => !!c),
      ),
    ];
    entries.push({
      id: entity.id,
      names,
      countries,
      identifiers: [...new Set(values(idProps))],
      concerns: values(['topics']),
      programme: Array.isArray(entity.datasets) ? (entity.datasets as unknown[]).join(', ') : undefined,
      notes: values(['notes']).join(' ') || undefined,
      sourceRow: line,
    });
  });
  return { entries, skipped: [...skipped].map(([schema, count]) => ({ schema, count })) };
}
