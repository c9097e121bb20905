import path from 'node:path';
import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { ChokepointError } from '../../errors.ts';
import { renderTable } from '../table.ts';
import { lang } from './zones.ts';
import { writeFileAtomic } from '../../data/catalog/index.ts';
import { joinMarkings, publicMarking } from '../../analysis/marking.ts';
import {
  dialogueKindNames,
  dialogueKinds,
  listDialogues,
  requireDialogue,
  type DialogueFilter,
  type DialogueKind,
} from '../../data/dialogue/index.ts';

/**
 * `chokepoint dialogue list|show|export`: the public-private dialogue records (官民対話) kept in this state, one
 * record with its findings and follow-ups, and records as one JSON file marked with the join of their markings.
 * The CLI is the state's owner: it reads every record.
 */
type ListOptions = Pick<DialogueFilter, 'from' | 'to' | 'product' | 'technology' | 'organisation' | 'q'> & {
  kind?: string;
  open?: boolean;
  limit: string;
};

function filterOf(opts: ListOptions): DialogueFilter {
  if (opts.kind !== undefined && !dialogueKinds.includes(opts.kind as DialogueKind))
    throw new ChokepointError(
      'bad_input',
      `--kind must be one of ${dialogueKinds.join(', ')}, not "${opts.kind}"`,
      {
        field: 'kind',
      },
    );
  for (const field of ['from', 'to'] as const)
    if (opts[field] !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts[field]!))
      throw new ChokepointError('bad_input', `--${field} must be a date YYYY-MM-DD`, { field });
  if (opts.product !== undefined && !/^\d{6}$/.test(opts.product))
    throw new ChokepointError('bad_input', `--product must be an HS6 code, not "${opts.product}"`, {
      field: 'product',
    });
  const limit = Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100_000)
    throw new ChokepointError('bad_input', '--limit must be a whole number from 1 to 100000', {
      field: 'limit',
    });
  return {
    kind: opts.kind as DialogueKind | undefined,
    from: opts.from,
    to: opts.to,
    product: opts.product,
    technology: opts.technology,
    organisation: opts.organisation,
    q: opts.q,
    openFollowUps: opts.open,
    limit,
    offset: 0,
  };
}

const withFilters = (cmd: Command) =>
  cmd
    .option('--kind <kind>', dialogueKinds.join(' | '))
    .option('--from <date>', 'held on or after (YYYY-MM-DD)')
    .option('--to <date>', 'held on or before (YYYY-MM-DD)')
    .option('--product <hs6>', 'linked to this HS6 product')
    .option('--technology <id>', 'linked to this technology (chokepoint tech list)')
    .option('--organisation <name>', 'with this organisation')
    .option('--q <words>', 'words in the title, summary or topics')
    .option('--open', 'only records with follow-ups not done')
    .option('--limit <n>', 'at most this many records', '1000');

export const registerDialogue: RegisterCommand = (program, context) => {
  const dialogue = program
    .command('dialogue')
    .description('public-private dialogue records (官民対話): list, show one, export as JSON');
  withFilters(dialogue.command('list').description('dialogue records, newest meeting first'))
    .option('--lang <ja|en>', 'language of the table', 'en')
    .action(async (opts: ListOptions & { lang: string }, cmd: Command) => {
      const ctx = context(cmd);
      const l = lang(opts.lang);
      const found = await listDialogues(await ctx.state(), filterOf(opts));
      ctx.print(found, () =>
        renderTable(
          l === 'ja'
            ? ['id', '開催日', '種類', '区分', '所見', '未了', '件名']
            : ['id', 'held on', 'kind', 'level', 'findings', 'open', 'title'],
          found.items.map((r) => [
            r.id,
            r.heldOn,
            dialogueKindNames[r.kind][l],
            String(r.marking.level),
            String(r.findingCount),
            String(r.openFollowUps),
            r.title,
          ]),
        ),
      );
    });
  dialogue
    .command('show')
    .description('one record with its participants, findings and follow-ups')
    .argument('<id>', 'the record id (chokepoint dialogue list)')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const ctx = context(cmd);
      const record = await requireDialogue(await ctx.state(), id);
      ctx.print(record, () =>
        [
          `${record.heldOn} ${dialogueKindNames[record.kind].en} — ${record.title}`,
          `marking level ${record.marking.level}`,
          `participants: ${record.participants.map((p) => p.name).join(', ') || '—'}`,
          `products: ${record.products.join(', ') || '—'}; technologies: ${record.technologies.join(', ') || '—'}`,
          'findings:',
          ...record.findings.map((f, i) => `  ${i + 1}. ${f.text}`),
          'follow-ups:',
          ...record.followUps.map(
            (f) => `  [${f.done ? 'x' : ' '}] ${f.dueOn ?? '—'} ${f.owner}: ${f.action}`,
          ),
        ].join('\n'),
      );
    });
  withFilters(
    dialogue.command('export').description('records with findings and follow-ups as one JSON file, marked'),
  )
    .requiredOption('--out <file>', 'the JSON file to write')
    .action(async (opts: ListOptions & { out: string }, cmd: Command) => {
      const ctx = context(cmd);
      const db = await ctx.state();
      const { items } = await listDialogues(db, filterOf(opts));
      const records = [];
      for (const r of items) records.push(await requireDialogue(db, r.id));
      const marking = joinMarkings([publicMarking, ...records.map((r) => r.marking)]);
      const file = path.resolve(opts.out);
      writeFileAtomic(
        file,
        `${JSON.stringify({ marking, exportedAt: new Date().toISOString(), records }, null, 2)}\n`,
      );
      ctx.info(`wrote ${records.length} records to ${file}`);
      ctx.print(
        { file, records: records.length, marking },
        () => `${file}: ${records.length} records, marking level ${marking.level}`,
      );
    });
};
