import { parseCsv } from '../importers/csvRecords.ts';
import { cellText } from '../exportControl/listFormats/workbook.ts';
import { ChokepointError } from '../../errors.ts';
import {
  columnKey,
  recordColumn,
  recordKindOf,
  recordKinds,
  sheetNames,
  templateColumns,
  type RecordKind,
} from './templateColumns.ts';
import type { RawRow, RowProblem } from './validateSubmission.ts';

/**
 * Reads a submission file (CSV or XLSX, docs/network.md § Template) into rows of cells keyed by column, with the
 * problems of its layout (unknown or missing columns, unknown record kinds) by sheet, row and column.
 */
export type SubmissionFormat = 'csv' | 'xlsx';

export function formatOfName(name: string): SubmissionFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  throw new ChokepointError('bad_input', 'a submission is a .csv or .xlsx file', { file: name });
}

function headerProblems(
  sheet: string,
  headers: string[],
  kind: RecordKind | 'csv',
  required: string[],
): { keys: (string | undefined)[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const keys = headers.map((h) => (h.trim() ? columnKey(h, kind) : undefined));
  headers.forEach((h, i) => {
    if (h.trim() && !keys[i])
      problems.push({
        sheet,
        row: 1,
        column: h,
        message: `unknown column "${h}"`,
        messageJa: `不明な列「${h}」`,
      });
  });
  for (const key of required)
    if (!keys.includes(key))
      problems.push({
        sheet,
        row: 1,
        column: key,
        message: `column ${key} is missing`,
        messageJa: `列 ${key} がありません`,
      });
  return { keys, problems };
}

export function readSubmissionCsv(text: string, file: string): { rows: RawRow[]; problems: RowProblem[] } {
  const records = parseCsv(text, file);
  if (!records.length) return { rows: [], problems: [] };
  const { keys, problems } = headerProblems(file, records[0].fields, 'csv', [recordColumn.key]);
  const rows: RawRow[] = [];
  const recordAt = keys.indexOf(recordColumn.key);
  for (const rec of records.slice(1)) {
    if (rec.fields.every((f) => !f.trim())) continue;
    const word = recordAt >= 0 ? (rec.fields[recordAt] ?? '') : '';
    const kind = recordKindOf(word);
    if (!kind) {
      problems.push({
        sheet: file,
        row: rec.line,
        column: recordColumn.key,
        message: `record must be one of ${recordKinds.join(', ')} (found "${word}")`,
        messageJa: `種別は 製品・拠点・仕入先 のいずれかです（「${word}」）`,
      });
      continue;
    }
    const cells: Record<string, string> = {};
    keys.forEach((k, i) => {
      if (k && k !== recordColumn.key) cells[k] = rec.fields[i] ?? '';
    });
    rows.push({ kind, sheet: file, row: rec.line, cells });
  }
  return { rows, problems };
}

export async function readSubmissionXlsx(
  content: Buffer,
  file: string,
): Promise<{ rows: RawRow[]; problems: RowProblem[] }> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    throw new ChokepointError('bad_file', `not a readable Excel file (${(error as Error).message})`, {
      file,
    });
  }
  const rows: RawRow[] = [];
  const problems: RowProblem[] = [];
  for (const kind of recordKinds) {
    const sheet = workbook.worksheets.find((ws) => {
      const n = ws.name.normalize('NFKC').trim().toLowerCase();
      return n === sheetNames[kind].en || n === sheetNames[kind].ja;
    });
    if (!sheet) {
      if (kind === 'supplier')
        problems.push({
          sheet: sheetNames[kind].en,
          row: 1,
          column: '',
          message: `the workbook has no sheet "${sheetNames[kind].en}" (or "${sheetNames[kind].ja}")`,
          messageJa: `シート「${sheetNames[kind].ja}」（${sheetNames[kind].en}）がありません`,
        });
      continue;
    }
    const headerRow = sheet.getRow(1);
    const headers: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) headers.push(cellText(headerRow.getCell(c).value));
    const required = templateColumns[kind].filter((c) => c.required).map((c) => c.key);
    const found = headerProblems(sheet.name, headers, kind, required);
    problems.push(...found.problems);
    for (let r = 2; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const values = headers.map((_h, i) => cellText(row.getCell(i + 1).value));
      if (values.every((v) => !v.trim())) continue;
      const cells: Record<string, string> = {};
      found.keys.forEach((k, i) => {
        if (k) cells[k] = values[i];
      });
      rows.push({ kind, sheet: sheet.name, row: r, cells });
    }
  }
  return { rows, problems };
}

export async function readSubmissionFile(
  content: Buffer,
  file: string,
  format: SubmissionFormat = formatOfName(file),
): Promise<{ rows: RawRow[]; problems: RowProblem[] }> {
  return format === 'csv'
    ? readSubmissionCsv(content.toString('utf8'), file)
    : readSubmissionXlsx(content, file);
}
