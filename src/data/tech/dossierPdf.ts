import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { ChokepointError } from '../../errors.ts';
import { japaneseFontFile } from '../../config.ts';
import type { Dossier, DossierTable } from './dossier.ts';

/**
 * The dossier as PDF (pdfkit). All text is set in IPA Gothic (Debian fonts-ipafont-gothic), embedded as a subset
 * with a ToUnicode map so that Japanese text can be searched and extracted. The marking is printed at the top
 * and bottom of every page, and the whole document is labelled synthetic when any source is.
 */
export const defaultJapaneseFont = '/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf';

export function japaneseFont(): string {
  const file = japaneseFontFile(defaultJapaneseFont);
  if (!fs.existsSync(file)) {
    throw new ChokepointError(
      'not_found',
      `the Japanese font for PDF output is missing (${file}): install the Debian package fonts-ipafont-gothic (apt-get install fonts-ipafont-gothic), or point CHOKEPOINT_JA_FONT at a TrueType font with Japanese glyphs`,
      { file, field: 'font' },
    );
  }
  return file;
}

const margin = 50;

/** Rough printed width in Latin characters: CJK and other wide characters count double. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return w;
}
const bandHeight = 24;

function drawTable(doc: PDFKit.PDFDocument, table: DossierTable): void {
  const width = doc.page.width - 2 * margin;
  // Column widths in proportion to the longest cell of each column, at least 8 % each.
  // Wide (CJK) characters count double, as on a terminal.
  const longest = table.columns.map((c, i) =>
    Math.min(60, Math.max(textWidth(c), ...table.rows.map((r) => textWidth(String(r[i] ?? ''))), 4)),
  );
  const sum = longest.reduce((a, b) => a + b, 0);
  let widths = longest.map((l) => Math.max(0.08, l / sum));
  const scale = widths.reduce((a, b) => a + b, 0);
  widths = widths.map((x) => (x / scale) * width);
  const row = (cells: (string | number | null)[], bold: boolean) => {
    doc.fontSize(8);
    const texts = cells.map((c) => (c === null || c === undefined ? '—' : String(c)));
    const height = Math.max(...texts.map((t, i) => doc.heightOfString(t, { width: widths[i] - 4 }))) + 4;
    if (doc.y + height > doc.page.height - margin - bandHeight) doc.addPage();
    const y = doc.y;
    let x = margin;
    if (bold) doc.rect(margin, y, width, height).fill('#e8e8e8').fillColor('black');
    texts.forEach((t, i) => {
      doc.text(t, x + 2, y + 2, { width: widths[i] - 4 });
      x += widths[i];
    });
    doc
      .moveTo(margin, y + height)
      .lineTo(margin + width, y + height)
      .strokeColor('#bbbbbb')
      .lineWidth(0.5)
      .stroke();
    doc.x = margin;
    doc.y = y + height;
  };
  row(table.columns, true);
  for (const r of table.rows) row(r, false);
  doc.moveDown(0.5);
}

/** The watermark diagonally across the middle of the page, light grey, under nothing the reader needs. */
function drawWatermark(doc: PDFKit.PDFDocument, text: string): void {
  const { width, height } = doc.page;
  doc.save();
  doc.rotate(-35, { origin: [width / 2, height / 2] });
  doc.fontSize(22).fillColor('#c8c8c8').fillOpacity(0.5);
  doc.text(text, 0, height / 2 - 11, { width, align: 'center', lineBreak: false });
  doc.fillOpacity(1);
  doc.restore();
}

export async function dossierPdf(dossier: Dossier): Promise<Buffer> {
  const font = japaneseFont();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: margin + bandHeight, bottom: margin + bandHeight, left: margin, right: margin },
    bufferPages: true,
    info: { Title: dossier.title, Subject: `marking: ${dossier.markingText}`, Creator: 'chokepoint' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('ja', font);
  doc.font('ja');

  doc.fontSize(15).text(dossier.title);
  if (dossier.synthetic)
    doc.fontSize(10).fillColor('#b00000').text('SYNTHETIC DATA / 合成データ').fillColor('black');
  doc.moveDown(0.5);
  for (const s of dossier.sections) {
    if (doc.y > doc.page.height - margin - bandHeight - 60) doc.addPage();
    doc.fontSize(11).text(s.heading);
    doc.moveDown(0.2);
    for (const t of s.text ?? []) doc.fontSize(9).text(t);
    if (s.text?.length) doc.moveDown(0.3);
    if (s.table) drawTable(doc, s.table);
    doc.moveDown(0.4);
  }

  // The marking on every page, top and bottom (drawn inside the margins, so no page break is triggered).
  const range = doc.bufferedPageRange();
  const colour = dossier.marking.level > 0 ? '#b00000' : '#444444';
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const band = `${dossier.markingText}${dossier.synthetic ? ' — SYNTHETIC / 合成データ' : ''}`;
    doc.fontSize(8).fillColor(colour);
    doc.text(band, margin, margin / 2, {
      width: doc.page.width - 2 * margin,
      align: 'center',
      lineBreak: false,
    });
    doc.text(`${band} — ${i + 1} / ${range.count}`, margin, doc.page.height - margin / 2 - 8, {
      width: doc.page.width - 2 * margin,
      align: 'center',
      lineBreak: false,
    });
    if (dossier.watermark) drawWatermark(doc, dossier.watermark);
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
