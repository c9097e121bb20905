import type { Dossier } from './dossier.ts';

export type DocumentFormat = 'pdf' | 'xlsx' | 'docx';

export const documentContentTypes: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * A document model (sections of text and tables, marked: the dossier's) as a PDF, XLSX or DOCX file, the marking on
 * every page. The writers (pdfkit, exceljs, docx) load on the first file: seconds of start-up otherwise, for the
 * server and for every CLI command.
 */
export async function renderDocument(document: Dossier, format: DocumentFormat): Promise<Buffer> {
  if (format === 'pdf') return (await import('./dossierPdf.ts')).dossierPdf(document);
  if (format === 'xlsx') return (await import('./dossierXlsx.ts')).dossierXlsx(document);
  return (await import('./dossierDocx.ts')).dossierDocx(document);
}
