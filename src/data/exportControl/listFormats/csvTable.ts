import fs from 'node:fs';
import { ChokepointError } from '../../../errors.ts';
import { parseCsv } from '../../importers/csvRecords.ts';

/** A CSV list file as rows keyed by header, each with its line; missing columns are an error naming them. */
export interface CsvRow {
  line: number;
  get(column: string): string;
}

export function readCsvTable(
  file: string,
  required: readonly string[],
): { columns: string[]; rows: CsvRow[] } {
  return parseCsvTable(fs.readFileSync(file, 'utf8'), file, required);
}

/** The same from CSV text (an upload); `file` names it in errors. */
export function parseCsvTable(
  text: string,
  file: string,
  required: readonly string[],
): { columns: string[]; rows: CsvRow[] } {
  const records = parseCsv(text, file);
  if (records.length === 0) throw new ChokepointError('bad_file', 'the file is empty', { file });
  const columns = records[0].fields.map((h) => h.trim());
  for (const c of required) {
    if (!columns.includes(c))
      throw new ChokepointError('bad_file', `no column "${c}" (columns: ${columns.join(', ')})`, {
        file,
        line: 1,
        column: c,
      });
  }
  const at = new Map(columns.map((c, i) => [c, i]));
  const rows = records.slice(1).map((r) => {
    if (r.fields.length !== columns.length)
      throw new ChokepointError('bad_file', `expected ${columns.length} fields, found ${r.fields.length}`, {
        file,
        line: r.line,
      });
    return { line: r.line, get: (column: string) => (r.fields[at.get(column) ?? -1] ?? '').trim() };
  });
  return { columns, rows };
}

/** Splits a multi-value cell ("a | b", "a; b") into trimmed, non-empty values. */
export function splitValues(cell: string, separator: RegExp = /\s*[|;]\s*/): string[] {
  return cell
    .split(separator)
    .map((v) => v.trim())
    .filter(Boolean);
}

export function requireValue(value: string, place: { file: string; line: number; column: string }): string {
  if (!value) throw new ChokepointError('bad_file', `${place.column} is empty`, place);
  return value;
}
