import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { ChokepointError } from '../../errors.ts';
import { renderTable } from '../table.ts';
import { lang } from './zones.ts';
import { writeDocumentFiles } from '../documentFiles.ts';
import {
  caseEvents,
  caseKinds,
  caseStatuses,
  getCase,
  listCases,
  type CaseKind,
  type CaseStatus,
  caseDocument,
} from '../../data/exportControl/index.ts';

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  field: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T))
    throw new ChokepointError(
      'bad_input',
      `--${field} must be one of ${allowed.join(', ')}, not "${value}"`,
      {
        field,
      },
    );
  return value as T;
}

/**
 * `chokepoint cases list|export`: the export-control cases kept in this state (screens, checks, circumvention
 * reports, prior reports) and a case as PDF and/or XLSX with its marking on every page (as the API's
 * /export-control/cases/:id/export). The CLI is the state's owner: it reads every case.
 */
export const registerCases: RegisterCommand = (program, context) => {
  const cases = program
    .command('cases')
    .description('export-control cases: list them, or write one as PDF/XLSX');
  cases
    .command('list')
    .description('cases, most recently changed first')
    .option('--kind <kind>', caseKinds.join(' | '))
    .option('--status <status>', caseStatuses.join(' | '))
    .option('--lang <ja|en>', 'language of the table', 'en')
    .action(async (opts: { kind?: string; status?: string; lang: string }, cmd: Command) => {
      const ctx = context(cmd);
      const l = lang(opts.lang);
      const found = await listCases(await ctx.state(), {
        kind: oneOf<CaseKind>(opts.kind, caseKinds, 'kind'),
        status: oneOf<CaseStatus>(opts.status, caseStatuses, 'status'),
      });
      const items = found.map(({ result: _result, ...c }) => c);
      ctx.print({ items, total: items.length }, () =>
        renderTable(
          l === 'ja'
            ? ['id', '種類', '状態', '担当者', '区分', '更新', '件名']
            : ['id', 'kind', 'status', 'assignee', 'level', 'changed', 'title'],
          items.map((c) => [
            c.id,
            c.kind,
            c.status,
            c.assignee ?? '',
            String(c.marking.level),
            c.updatedAt.slice(0, 16),
            c.title,
          ]),
        ),
      );
    });
  cases
    .command('export')
    .description(
      'write a case (result as kept, trail, sources) as PDF and/or XLSX, its marking on every page',
    )
    .argument('<id>', 'the case id (chokepoint cases list)')
    .option('--lang <ja|en>', 'language of the document', 'ja')
    .option('--pdf <file>', 'write the PDF here')
    .option('--xlsx <file>', 'write the XLSX here')
    .action(async (id: string, opts: { lang: string; pdf?: string; xlsx?: string }, cmd: Command) => {
      const ctx = context(cmd);
      if (!opts.pdf && !opts.xlsx)
        throw new ChokepointError('bad_input', 'give --pdf FILE and/or --xlsx FILE', { field: 'pdf' });
      const db = await ctx.state();
      const found = await getCase(db, id);
      const document = caseDocument(found, await caseEvents(db, id), lang(opts.lang));
      const written = await writeDocumentFiles(document, opts);
      ctx.print(
        { id, title: document.title, marking: document.marking, written },
        () => `${document.title}\nmarking: ${document.markingText}\nwritten: ${written.join(', ')}`,
      );
    });
};
