import { ChokepointError } from '../../../errors.ts';
import { resolveCountry } from '../../reference/countries.ts';
import type { ListEntry } from '../../../analysis/exportControl/listDelta.ts';
import { readCsvTable, requireValue, splitValues } from './csvTable.ts';

/**
 * A user's own list as CSV (UTF-8, header row). Columns:
 *   id           required, unique: the entry's identifier in your list (kept across versions)
 *   name         required
 *   aliases      optional, several separated by " | " or ";"
 *   country      optional, ISO3, ISO2 or an English/Japanese name; several separated by ";"
 *   identifiers  optional, registration/tax/LEI numbers separated by ";"
 *   concerns     optional, your categories separated by ";"
 *   notes        optional
 * An unknown country, an empty id or name, or a repeated id is an error naming the line.
 */
export const userCsvColumns = [
  'id',
  'name',
  'aliases',
  'country',
  'identifiers',
  'concerns',
  'notes',
] as const;

export function parseUserCsv(file: string): ListEntry[] {
  const { columns, rows } = readCsvTable(file, ['id', 'name']);
  const unknown = columns.filter((c) => !(userCsvColumns as readonly string[]).includes(c));
  if (unknown.length)
    throw new ChokepointError(
      'bad_file',
      `unknown column(s) ${unknown.join(', ')} (columns: ${userCsvColumns.join(', ')})`,
      {
        file,
        line: 1,
        column: unknown[0],
      },
    );
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const id = requireValue(r.get('id'), { file, line: r.line, column: 'id' });
    const first = seen.get(id);
    if (first !== undefined)
      throw new ChokepointError('bad_file', `id "${id}" appears again (first on line ${first})`, {
        file,
        line: r.line,
        column: 'id',
      });
    seen.set(id, r.line);
    const name = requireValue(r.get('name'), { file, line: r.line, column: 'name' });
    const countries = splitValues(r.get('country'), /\s*;\s*/).map((c) => {
      const country = resolveCountry(c);
      if (!country)
        throw new ChokepointError('bad_file', `unknown country "${c}"`, {
          file,
          line: r.line,
          column: 'country',
        });
      return country.iso3;
    });
    return {
      id,
      names: [name, ...splitValues(r.get('aliases')).filter((a) => a !== name)],
      countries: [...new Set(countries)],
      identifiers: splitValues(r.get('identifiers'), /\s*;\s*/),
      concerns: splitValues(r.get('concerns'), /\s*;\s*/),
      notes: r.get('notes') || undefined,
      sourceRow: r.line,
    };
  });
}
