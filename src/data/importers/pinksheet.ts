import { ChokepointError } from '../../errors.ts';
import { parseCsvTable } from './csvRecords.ts';
import { normalisePeriod } from '../../analysis/ews/period.ts';
import { describeFile, readSourceText } from '../ews/monthlyImport.ts';
import type { SourceFile } from '../catalog/catalog.ts';
import type { TextEncoding } from './textEncoding.ts';

/**
 * World Bank Commodity Price Data (the Pink Sheet), monthly, nominal USD: the original workbook
 * (CMO-Historical-Data-Monthly.xlsx, sheet "Monthly Prices": names on row 5, units on row 6, codes on row 7 from column B,
 * months "1960M01" in column A from row 8, "…" for no quote) or a CSV with a `month` column and one column per series code.
 */
export interface PriceRow {
  series: string;
  period: string;
  value: number;
}

export interface PriceSeriesInfo {
  code: string;
  name: string;
  unit: string;
}

export interface PriceImport {
  series: PriceSeriesInfo[];
  rows: PriceRow[];
  /** Cells that held no quote ("…", empty): not prices, so not rows; counted. */
  emptyCells: number;
  file: SourceFile;
}

/** No quote: empty, "…" or dots. */
const isEmpty = (v: unknown) =>
  v === null || v === undefined || (typeof v === 'string' && /^\s*(…|\.*)\s*$/.test(v));

export async function importPinkSheet(
  file: string,
  seriesListCsv?: string,
  encoding?: TextEncoding,
): Promise<PriceImport> {
  return file.toLowerCase().endsWith('.xlsx')
    ? importWorkbook(file)
    : importCsv(file, seriesListCsv, encoding);
}

async function importWorkbook(file: string): Promise<PriceImport> {
  const source = describeFile(file);
  // exceljs takes over a second to load: only workbook imports pay for it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet('Monthly Prices');
  if (!sheet)
    throw new ChokepointError('bad_file', 'the workbook has no sheet "Monthly Prices"', {
      file: source.name,
    });
  const names = sheet.getRow(5).values as unknown[];
  const units = sheet.getRow(6).values as unknown[];
  const codes = sheet.getRow(7).values as unknown[];
  const series: PriceSeriesInfo[] = [];
  const columns: number[] = [];
  for (let c = 2; c < codes.length; c++) {
    if (typeof codes[c] !== 'string' || !codes[c]) continue;
    columns.push(c);
    series.push({
      code: String(codes[c]),
      name: String(names[c] ?? codes[c]),
      unit: String(units[c] ?? '').replace(/^\(|\)$/g, ''),
    });
  }
  if (series.length === 0)
    throw new ChokepointError('bad_file', 'no series codes on row 7 of "Monthly Prices"', {
      file: source.name,
      line: 7,
    });
  const rows: PriceRow[] = [];
  let emptyCells = 0;
  for (let r = 8; r <= sheet.rowCount; r++) {
    const values = sheet.getRow(r).values as unknown[];
    const label = values[1];
    if (label === null || label === undefined || label === '') continue;
    const period = normalisePeriod(String(label));
    if (!period)
      throw new ChokepointError('bad_file', `month "${String(label)}" is not YYYYMmm`, {
        file: source.name,
        line: r,
        column: 'A',
      });
    columns.forEach((c, k) => {
      const v = values[c];
      if (isEmpty(v)) {
        emptyCells++;
        return;
      }
      const n = typeof v === 'number' ? v : Number(v);
      if (!Number.isFinite(n))
        throw new ChokepointError('bad_file', `price "${String(v)}" is not a number`, {
          file: source.name,
          line: r,
          field: series[k].code,
        });
      rows.push({ series: series[k].code, period, value: n });
    });
  }
  return { series, rows, emptyCells, file: source };
}

function importCsv(file: string, seriesListCsv?: string, encoding?: TextEncoding): PriceImport {
  const { text, file: source } = readSourceText(file, encoding);
  const records = parseCsvTable(text, source.name);
  const header = records[0]?.fields.map((h) => h.trim()) ?? [];
  if (header[0] !== 'month')
    throw new ChokepointError('bad_file', 'a Pink Sheet CSV starts with a "month" column', {
      file: source.name,
      line: 1,
    });
  const info = new Map<string, PriceSeriesInfo>();
  if (seriesListCsv) {
    const list = parseCsvTable(readSourceText(seriesListCsv).text, seriesListCsv);
    for (const rec of list.slice(1))
      info.set(rec.fields[0], {
        code: rec.fields[0],
        name: rec.fields[1],
        unit: (rec.fields[2] ?? '').replace(/^\(|\)$/g, ''),
      });
  }
  const series = header.slice(1).map((code) => info.get(code) ?? { code, name: code, unit: '' });
  const rows: PriceRow[] = [];
  let emptyCells = 0;
  for (const { line, fields } of records.slice(1)) {
    const period = normalisePeriod(fields[0]);
    if (!period)
      throw new ChokepointError('bad_file', `month "${fields[0]}" is not YYYY-MM`, {
        file: source.name,
        line,
        column: 'month',
      });
    for (let c = 1; c < header.length; c++) {
      const v = (fields[c] ?? '').trim();
      if (isEmpty(v)) {
        emptyCells++;
        continue;
      }
      const n = Number(v);
      if (!Number.isFinite(n))
        throw new ChokepointError('bad_file', `price "${v}" is not a number`, {
          file: source.name,
          line,
          column: header[c],
        });
      rows.push({ series: header[c], period, value: n });
    }
  }
  return { series, rows, emptyCells, file: source };
}
