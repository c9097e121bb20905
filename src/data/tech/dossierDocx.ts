import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Dossier, DossierTable } from './dossier.ts';

/**
 * The document model as DOCX (the `docx` library), for readers who edit the report: the marking in the header and
 * footer of every page and as the first and last line, sections as headings with their text and tables, the
 * document's subject carrying the marking too. Text is Unicode: Word renders Japanese with the reader's fonts.
 */
export async function dossierDocx(dossier: Dossier): Promise<Buffer> {
  const band = `${dossier.markingText}${dossier.synthetic ? ' — SYNTHETIC / 合成データ' : ''}`;
  const marked = dossier.marking.level > 0;
  const bandParagraph = () =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: band, bold: true, color: marked ? 'B00000' : '444444' })],
    });
  const body: (Paragraph | Table)[] = [
    bandParagraph(),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(dossier.title)] }),
  ];
  for (const section of dossier.sections) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading)] }));
    for (const text of section.text ?? []) body.push(new Paragraph({ children: [new TextRun(text)] }));
    if (section.table) body.push(docxTable(section.table), new Paragraph({}));
  }
  body.push(bandParagraph());
  const document = new Document({
    creator: 'chokepoint',
    title: dossier.title,
    subject: `marking: ${dossier.markingText}`,
    sections: [
      {
        headers: { default: new Header({ children: [bandParagraph()] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `${band} — `, bold: true, color: marked ? 'B00000' : '444444' }),
                  new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function docxTable(table: DossierTable): Table {
  const cell = (value: string | number | null, head: boolean) =>
    new TableCell({
      ...(head ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8E8E8' } } : {}),
      children: [
        new Paragraph({
          alignment: typeof value === 'number' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text: value === null ? '—' : String(value), bold: head, size: 18 })],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: table.columns.map((c) => cell(c, true)) }),
      ...table.rows.map((r) => new TableRow({ children: r.map((v) => cell(v, false)) })),
    ],
  });
}
