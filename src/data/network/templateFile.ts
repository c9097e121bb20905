import { recordColumn, recordKinds, sheetNames, templateColumns } from './templateColumns.ts';

/**
 * The empty submission template in Japanese or English: XLSX with one sheet per record kind and a notes sheet
 * describing every column; CSV as one table with the `record` column first (docs/network.md § Template).
 */
export type TemplateLanguage = 'ja' | 'en';

const csvField = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

export function templateCsv(lang: TemplateLanguage): string {
  const headers = [recordColumn[lang], ...recordKinds.flatMap((k) => templateColumns[k].map((c) => c[lang]))];
  // A byte-order mark so that Excel opens the Japanese headers as UTF-8.
  return `\ufeff${headers.map(csvField).join(',')}\r\n`;
}

/**
 * Built once per language and process: the workbook is the same every time, and a ZIP written anew would carry
 * new timestamps, so two downloads would differ by the clock alone.
 */
const built = new Map<TemplateLanguage, Promise<Buffer>>();

export function templateXlsx(lang: TemplateLanguage): Promise<Buffer> {
  let file = built.get(lang);
  if (!file) {
    built.set(lang, (file = buildTemplateXlsx(lang)));
    file.catch(() => built.delete(lang));
  }
  return file;
}

async function buildTemplateXlsx(lang: TemplateLanguage): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'chokepoint';
  workbook.created = workbook.modified = new Date(Date.UTC(2026, 0, 1));
  for (const kind of recordKinds) {
    const sheet = workbook.addWorksheet(sheetNames[kind][lang]);
    sheet.addRow(templateColumns[kind].map((c) => c[lang]));
    sheet.getRow(1).font = { bold: true };
    templateColumns[kind].forEach(
      (c, i) => (sheet.getColumn(i + 1).width = Math.max(12, c[lang].length + 4)),
    );
  }
  const notes = workbook.addWorksheet(lang === 'ja' ? '記入方法' : 'notes');
  notes.addRow(
    lang === 'ja' ? ['シート', '列', '必須', '内容'] : ['sheet', 'column', 'required', 'what to write'],
  );
  notes.getRow(1).font = { bold: true };
  for (const kind of recordKinds)
    for (const c of templateColumns[kind])
      notes.addRow([
        sheetNames[kind][lang],
        c[lang],
        c.required ? (lang === 'ja' ? '必須' : 'yes') : '',
        c.hint[lang],
      ]);
  notes.columns.forEach((c, i) => (c.width = [12, 20, 8, 60][i]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
