import fs from 'node:fs';
import { ChokepointError } from '../../errors.ts';
import { requireUtf8 } from './textEncoding.ts';

/**
 * Line-level checks of a BACI CSV (`t,i,j,k,v,q`) done in Node rather than DuckDB: the header (DuckDB is told
 * the columns, so it would not notice a wrong one), the encoding, and — only when DuckDB found out-of-domain
 * rows — finding those rows' line numbers, which a columnar pass does not keep.
 */
export const baciColumns = ['t', 'i', 'j', 'k', 'v', 'q'] as const;

/** BACI starts in 1995; HS itself in 1988. Later than the current year cannot be a published flow. */
export const minYear = 1988;
export function maxYear(): number {
  return new Date().getUTCFullYear();
}

export interface DomainRules {
  /** Known country codes (from the archive's country_codes file); any 1–999 code when absent. */
  countries?: Set<number>;
}

export interface RejectedLine {
  file: string;
  line: number;
  column?: string;
  reason: string;
  text: string;
}

/** Checks that the file is non-empty UTF-8 with the header t,i,j,k,v,q and at least one data row. */
export function checkBaciHeader(file: string, label: string): { padded: boolean } {
  const fd = fs.openSync(file, 'r');
  let head: Buffer;
  try {
    const buf = Buffer.alloc(64 * 1024);
    head = buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, 0));
  } finally {
    fs.closeSync(fd);
  }
  if (head.length === 0) throw new ChokepointError('bad_file', 'file is empty (0 bytes)', { file: label });
  requireUtf8(head, label);
  let text = head.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split('\n');
  const header = lines[0].replace(/\r$/, '');
  const names = header.split(',').map((f) => unquote(f).toLowerCase());
  if (names.join(',') !== baciColumns.join(',')) {
    throw new ChokepointError(
      'bad_file',
      `wrong header: expected t,i,j,k,v,q (BACI format), found "${header.slice(0, 120)}"`,
      { file: label, line: 1 },
    );
  }
  const hasRow = lines.slice(1).some((l) => l.trim() !== '');
  if (!hasRow && head.length < 64 * 1024) {
    throw new ChokepointError('bad_file', 'file has a header but no data rows', { file: label, line: 2 });
  }
  return { padded: /,"?\s+[\w.-]/.test(text.slice(header.length)) };
}

/** Strips surrounding spaces and one pair of double quotes, then spaces inside them ("   13.235"). */
function unquote(field: string): string {
  const f = field.trim();
  return (
    f.length >= 2 && f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1).replaceAll('""', '"') : f
  ).trim();
}

/**
 * Why a data line is out of domain, or undefined when it is fine. Mirrors the SQL predicate in baci.ts
 * (`validRow`); used only to name the lines of rows that predicate rejected.
 */
export function domainProblem(
  fields: string[],
  rules: DomainRules,
): { column: string; reason: string } | undefined {
  if (fields.length !== 6) return { column: 'q', reason: `expected 6 fields, found ${fields.length}` };
  const [t, i, j, k, v, q] = fields.map(unquote);
  const year = Number(t);
  if (!Number.isInteger(year) || year < minYear || year > maxYear()) {
    return { column: 't', reason: `year ${t} is out of range ${minYear}–${maxYear()}` };
  }
  for (const [name, value] of [
    ['i', i],
    ['j', j],
  ] as const) {
    const code = Number(value);
    if (!Number.isInteger(code) || code < 1 || code > 999) {
      return { column: name, reason: `country code "${value}" is not a number 1–999` };
    }
    if (rules.countries && !rules.countries.has(code)) {
      return { column: name, reason: `country code ${code} is not in the archive's country code table` };
    }
  }
  if (!/^[0-9]{5,6}$/.test(k))
    return { column: 'k', reason: `product code "${k}" is not an HS6 code (6 digits)` };
  const value = Number(v);
  if (v === '' || v === 'NA' || !Number.isFinite(value) || value < 0) {
    return { column: 'v', reason: `value "${v}" is missing, negative or not finite` };
  }
  if (q !== '' && q !== 'NA') {
    const quantity = Number(q);
    if (!Number.isFinite(quantity) || quantity < 0) {
      return { column: 'q', reason: `quantity "${q}" is negative or not finite` };
    }
  }
  return undefined;
}

/**
 * Streams `file` and returns the first `limit` out-of-domain lines (skipping `skipLines`, which DuckDB already
 * rejected). A line that is not UTF-8 fails at once: that is an encoding problem, not a bad value.
 */
export async function findDomainRejects(
  file: string,
  label: string,
  rules: DomainRules,
  limit: number,
  skipLines: Set<number>,
): Promise<RejectedLine[]> {
  const found: RejectedLine[] = [];
  await forEachDataLine(file, label, (text, line) => {
    if (skipLines.has(line)) return true;
    const problem = domainProblem(text.split(','), rules);
    if (problem) found.push({ file: label, line, column: problem.column, reason: problem.reason, text });
    return found.length < limit;
  });
  return found;
}

/** A row of a BACI CSV found by its key: where it is and its value and quantity as written. */
export interface KeyedLine {
  file: string;
  line: number;
  v: string;
  q: string;
}

/**
 * Streams `file` for the rows of year `t` whose `i,j,k` (numbers: "10121" and "010121" are one code) is in `keys`,
 * and adds each to `found` under its key until the key has `perKey` rows; stops once every key has them.
 */
export async function findKeyLines(
  file: string,
  label: string,
  t: number,
  keys: Set<string>,
  found: Map<string, KeyedLine[]>,
  perKey: number,
): Promise<void> {
  const full = () => [...keys].every((k) => (found.get(k)?.length ?? 0) >= perKey);
  if (full()) return;
  await forEachDataLine(file, label, (text, line) => {
    const [ft, fi, fj, fk, fv, fq] = text.split(',').map(unquote);
    if (Number(ft) !== t) return true;
    const key = `${Number(fi)},${Number(fj)},${Number(fk)}`;
    if (!keys.has(key)) return true;
    const rows = found.get(key) ?? [];
    if (rows.length < perKey) rows.push({ file: label, line, v: fv ?? '', q: fq ?? '' });
    found.set(key, rows);
    return !full();
  });
}

/**
 * Streams the data lines of `file` (after the header; blank lines skipped) as text without the line end, with
 * their 1-based line numbers, until `visit` returns false. A line that is not UTF-8 fails naming its first bad byte.
 */
async function forEachDataLine(
  file: string,
  label: string,
  visit: (text: string, line: number) => boolean,
): Promise<void> {
  let line = 0;
  let offset = 0;
  let rest: Buffer = Buffer.alloc(0);
  const next = (bytes: Buffer): boolean => {
    line++;
    const start = { offset, line };
    offset += bytes.length + 1;
    if (line === 1) return true;
    requireUtf8(bytes, label, start);
    const text = bytes.toString('utf8').replace(/\r$/, '');
    return text.trim() === '' || visit(text, line);
  };
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let data = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let nl = data.indexOf(0x0a, start); nl !== -1; nl = data.indexOf(0x0a, start)) {
      if (!next(data.subarray(start, nl))) return;
      start = nl + 1;
    }
    rest = Buffer.from(data.subarray(start));
    data = rest;
  }
  if (rest.length) next(rest);
}
