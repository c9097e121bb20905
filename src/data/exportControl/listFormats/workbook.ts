import type { Workbook } from 'exceljs';
import { ChokepointError } from '../../../errors.ts';

/** Opens an Excel list file (exceljs loads only when a workbook is read); an unreadable file names itself. */
export async function openWorkbook(file: string): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    throw new ChokepointError('bad_file', `not a readable Excel file (${(error as Error).message})`, {
      file,
    });
  }
  return workbook;
}

/** The text of a cell as shown: rich text joined, a formula's result, a date as YYYY-MM-DD. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: string };
    if (v.richText) return v.richText.map((t) => t.text).join('');
    if (v.text !== undefined) return String(v.text);
    if (v.result !== undefined) return String(v.result);
  }
  return String(value);
}
