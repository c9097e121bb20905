import ExcelJS from 'exceljs';
import type { Dossier } from './dossier.ts';

/**
 * The dossier as XLSX (exceljs): one sheet, sections one after another, the marking in the first row and in the
 * print header and footer of every page; the workbook's subject carries it too.
 */
export async function dossierXlsx(dossier: Dossier): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chokepoint';
  wb.title = dossier.title;
  wb.subject = `marking: ${dossier.markingText}`;
  const band = `${dossier.markingText}${dossier.synthetic ? ' — SYNTHETIC / 合成データ' : ''}`;
  const ws = wb.addWorksheet('dossier', {
    headerFooter: {
      oddHeader: `&C${band.replaceAll('&', '&&')}`,
      oddFooter: `&C${band.replaceAll('&', '&&')} — &P / &N`,
    },
  });
  const marking = ws.addRow([band]);
  marking.font = { bold: true, color: { argb: dossier.marking.level > 0 ? 'FFB00000' : 'FF444444' } };
  ws.addRow([dossier.title]).font = { bold: true, size: 14 };
  ws.addRow([]);
  for (const s of dossier.sections) {
    ws.addRow([s.heading]).font = { bold: true, size: 12 };
    for (const t of s.text ?? []) ws.addRow([t]);
    if (s.table) {
      const head = ws.addRow(s.table.columns);
      head.font = { bold: true };
      head.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } }));
      for (const r of s.table.rows) ws.addRow(r.map((c) => c ?? ''));
    }
    ws.addRow([]);
  }
  ws.addRow([band]).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 48 : 22));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
