import type { Dossier } from './dossier.ts';

export type DocumentFormat = 'pdf' | 'xlsx';

export const documentContentTypes: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * A document model (sections of text and tables, marked: the dossier's) as a PDF or XLSX file, the marking on every
 * page. The writers (pdfkit, exceljs) load on the first file: seconds of start-up otherwise, for the server and
 * for every CLI command.
 */
export async function renderDocument(document: Dossier, format: DocumentFormat): Promise<Buffer> {
  return format === 'pdf'
    ? (await import('./dossierPdf.ts')).dossierPdf(document)
    : (await import('./dossierXlsx.ts')).dossierXlsx(document);
}
