import type { StateDb } from '../state/db.ts';
import type { Dossier } from '../tech/dossier.ts';
import type { ReportInput } from './report.ts';

export type ReportFormat = 'pdf' | 'xlsx';

/**
 * The after-action report as a file (PDF or XLSX) with the document it renders (its marking, title). The report
 * builder and its writers (pdfkit, exceljs) load here on the first report: seconds of start-up otherwise, for the
 * server and for every CLI command.
 */
export async function renderExerciseReport(
  db: StateDb,
  input: ReportInput,
  format: ReportFormat,
): Promise<{ report: Dossier; file: Buffer }> {
  const { buildExerciseReport } = await import('./report.ts');
  const report = await buildExerciseReport(db, input);
  const file =
    format === 'pdf'
      ? await (await import('../tech/dossierPdf.ts')).dossierPdf(report)
      : await (await import('../tech/dossierXlsx.ts')).dossierXlsx(report);
  return { report, file };
}
