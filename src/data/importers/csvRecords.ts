import { ChokepointError } from '../../errors.ts';

/** One CSV record with the 1-based line it starts on (for error messages). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Splits small CSV text (RFC 4180: quoted fields may hold commas, quotes doubled, newlines) into records.
 * Strips a UTF-8 byte-order mark and accepts CRLF. Meant for tables of at most a few hundred MB held in memory
 * (input-output tables, concordances); bulk trade files go through DuckDB's reader instead.
 */
export function parseCsv(text: string, file: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let fields: string[] = [];
  let field = '';
  let recordLine = 1;
  let quoted = false;
  let fieldStarted = false;
  const endField = () => {
    fields.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && !fieldStarted && field === '') {
      quoted = true;
      fieldStarted = true;
    } else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (quoted)
    throw new ChokepointError('bad_file', 'a quoted field is not closed before the end of the file', {
      file,
      line: recordLine,
    });
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/**
 * `parseCsv` for a table: the first record is the header and every other record must have as many fields. A record
 * with fewer fields is what a file cut in the middle of a line ends with, and one with more is a value holding an
 * unquoted comma; either would shift or drop values silently, so both fail naming the line.
 */
export function parseCsvTable(text: string, file: string): CsvRecord[] {
  const records = parseCsv(text, file);
  const width = records[0]?.fields.length ?? 0;
  for (const [n, r] of records.entries()) {
    if (r.fields.length === width) continue;
    const cut =
      r.fields.length < width && n === records.length - 1 && !/[\r\n]$/.test(text)
        ? ': the file ends in the middle of this row (cut off?)'
        : '';
    throw new ChokepointError(
      'bad_file',
      `expected ${width} fields as in the header, found ${r.fields.length}${cut}`,
      { file, line: r.line },
    );
  }
  return records;
}

/** Parses a number field; empty → null; anything else non-numeric → error naming the place. */
export function parseNumberField(
  text: string,
  place: { file: string; line: number; column: string },
): number | null {
  const t = text.trim();
  if (t === '' || t === 'NA') return null;
  const v = Number(t);
  if (!Number.isFinite(v)) throw new ChokepointError('bad_file', `"${text}" is not a number`, place);
  return v;
}
