import type { StateDb } from '../state/db.ts';
import type { Marking } from '../../analysis/marking.ts';
import { ChokepointError } from '../../errors.ts';
import { getOrganisation } from '../security/organisations.ts';
import { readSubmissionFile, type SubmissionFormat } from './submissionFile.ts';
import { validateSubmission, type RowProblem } from './validateSubmission.ts';
import { saveSubmission, type MatchCounts, type SubmissionSummary } from './submissionStore.ts';

/**
 * Reads, checks and stores one submission file for an organisation: every problem of the file is reported at once
 * (by sheet, row and column) and nothing is stored unless there is none. The error's `details.problems` holds
 * them for the API and the CLI.
 */
export class SubmissionProblems extends ChokepointError {
  constructor(
    file: string,
    readonly problems: RowProblem[],
  ) {
    super(
      'bad_input',
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the submission; nothing was stored`,
      { file },
      { problems },
    );
  }
}

export async function importSubmission(
  db: StateDb,
  input: {
    organisationId: string;
    content: Buffer;
    fileName: string;
    format?: SubmissionFormat;
    marking: Marking;
    submittedBy: string | null;
    synthetic?: boolean;
  },
): Promise<{ submission: SubmissionSummary; matches: MatchCounts }> {
  const org = await getOrganisation(db, input.organisationId);
  const read = await readSubmissionFile(input.content, input.fileName, input.format);
  const checked = validateSubmission(read.rows);
  const problems = [...read.problems, ...(checked.ok ? [] : checked.problems)];
  if (problems.length || !checked.ok) throw new SubmissionProblems(input.fileName, problems);
  return saveSubmission(db, {
    organisationId: org.id,
    sourceName: input.fileName,
    rows: checked.rows,
    marking: input.marking,
    submittedBy: input.submittedBy,
    synthetic: input.synthetic,
  });
}
