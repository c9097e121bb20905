import type { StateDb } from '../state/db.ts';
import type { Dossier } from '../tech/dossier.ts';
import { renderDocument, type DocumentFormat } from '../tech/documentFile.ts';
import type { ReportInput } from './report.ts';

export type ReportFormat = DocumentFormat;

/**
 * The after-action report as a file (PDF or XLSX) with the document it renders (its marking, title). The report
 * builder loads here on the first report, as the writers do (renderDocument).
 */
export async function renderExerciseReport(
  db: StateDb,
  input: ReportInput,
  format: ReportFormat,
): Promise<{ report: Dossier; file: Buffer }> {
  const { buildExerciseReport } = await import('./report.ts');
  const report = await buildExerciseReport(db, input);
  return { report, file: await renderDocument(report, format) };
}

/** The after-action report's document model itself (sections, marking), for a shared snapshot (issue 24). */
export async function exerciseReportModel(db: StateDb, input: ReportInput): Promise<Dossier> {
  const { buildExerciseReport } = await import('./report.ts');
  return buildExerciseReport(db, input);
}
