import { parseCsv } from '../../src/data/importers/csvRecords.ts';

/** A CSV with a header line as one object per row (header → cell), read by the importers' RFC 4180 parser. */
export function csvObjects(text: string, file = 'export.csv'): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text, file).map((r) => r.fields);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}
