import { ChokepointError } from '../../errors.ts';
import { parseCsvTable } from './csvRecords.ts';
import { readSourceText } from '../ews/monthlyImport.ts';
import { resolveCountry } from '../reference/countries.ts';
import type { RecordedEvent } from '../../analysis/ews/events.ts';
import type { TextEncoding } from './textEncoding.ts';

/**
 * Recorded events (export-control announcements) from a CSV with the columns of the shared events.csv:
 * event_id, date_announcement, date_effective, policy, scope, hs_level (HS codes separated by ';'), notes,
 * source_url — plus optional `country` (ISO3 of the imposing country; else `defaultCountry`) and `targets`
 * (ISO3 codes separated by ';', empty = every destination). A file with only the header holds no events.
 */
export function importEvents(
  file: string,
  defaultCountry?: string,
  encoding?: TextEncoding,
): RecordedEvent[] {
  const { text, file: source } = readSourceText(file, encoding);
  const records = parseCsvTable(text, source.name);
  if (records.length === 0) return [];
  const header = records[0].fields.map((h) => h.trim());
  const need = ['event_id', 'date_announcement', 'date_effective', 'policy', 'hs_level'];
  const missing = need.filter((h) => !header.includes(h));
  if (missing.length)
    throw new ChokepointError('bad_file', `events file lacks column(s) ${missing.join(', ')}`, {
      file: source.name,
      line: 1,
    });
  const col = (name: string) => header.indexOf(name);
  const events: RecordedEvent[] = [];
  for (const { line, fields } of records.slice(1)) {
    const get = (name: string) => (col(name) >= 0 ? (fields[col(name)] ?? '').trim() : '');
    const place = { file: source.name, line };
    const date = (name: string) => {
      const v = get(name);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v))
        throw new ChokepointError('bad_file', `${name} "${v}" is not YYYY-MM-DD`, { ...place, column: name });
      return v;
    };
    const announced = date('date_announcement');
    const effective = date('date_effective');
    if (effective < announced)
      throw new ChokepointError(
        'bad_file',
        `date_effective ${effective} is before date_announcement ${announced}`,
        { ...place, column: 'date_effective' },
      );
    const countryText = get('country') || defaultCountry || '';
    const country = resolveCountry(countryText)?.iso3;
    if (!country)
      throw new ChokepointError(
        'bad_file',
        `country "${countryText}" is not known (give a country column or --country)`,
        { ...place, column: 'country' },
      );
    const hs = get('hs_level')
      .split(/[;|\s]+/)
      .filter(Boolean);
    if (hs.length === 0 || hs.some((h) => !/^\d{2,10}$/.test(h)))
      throw new ChokepointError(
        'bad_file',
        `hs_level "${get('hs_level')}" must list HS codes separated by ';'`,
        { ...place, column: 'hs_level' },
      );
    const targets = get('targets')
      .split(/[;|\s]+/)
      .filter(Boolean)
      .map((t) => {
        const iso3 = resolveCountry(t)?.iso3;
        if (!iso3)
          throw new ChokepointError('bad_file', `target "${t}" is not a known country`, {
            ...place,
            column: 'targets',
          });
        return iso3;
      });
    const policy = get('policy');
    events.push({
      id: get('event_id'),
      country,
      hs,
      targets,
      announced,
      effective,
      title: { ja: policy, en: policy },
      source: [get('source_url'), get('notes')].filter(Boolean).join(' — ') || source.name,
    });
  }
  return events;
}
