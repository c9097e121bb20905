import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { renderTable } from '../table.ts';
import { intOption } from './tech.ts';
import { lang } from './zones.ts';
import type { Marking } from '../../analysis/marking.ts';
import type { InformKind } from '../../analysis/exportControl/informs.ts';
import { listInforms, recordInform, setInformStatus } from '../../data/exportControl/index.ts';

const cli = { id: null, name: 'cli' };

/** `chokepoint informs add|list|withdraw`: METI's inform notices (インフォーム), read by export-check. */
export const registerInforms: RegisterCommand = (program, context) => {
  const informs = program
    .command('informs')
    .description(
      "METI's inform notices (インフォーム: a licence is needed for these goods, destinations, end user); export-check applies them",
    );
  informs
    .command('add')
    .description('record an inform notice (marked level 1 by default; audited)')
    .requiredOption('--reference <text>', 'the notice number (文書番号)')
    .requiredOption('--kind <kind>', 'wmd (第三号ロ・第四号ロ) | conventional (第三号ニ・第四号ニ)')
    .requiredOption('--issued <date>', 'date of the notice, YYYY-MM-DD')
    .option('--until <date>', 'last day it applies, YYYY-MM-DD (default: until withdrawn)')
    .option('--item <items...>', 'HS codes or 別表第一 entries it names (default: any goods)')
    .option('--destination <iso3...>', 'destinations it names (default: any)')
    .option('--end-user <name>', 'the end user it names')
    .option('--end-user-country <iso3>', "the end user's country")
    .option('--exporter <name>', 'the exporter it was sent to, when this state serves several')
    .option('--notes <text>', 'notes', '')
    .option('--level <0-3>', 'marking level (default 1 取扱注意)')
    .option('--reason <text>', 'why a level below 1 is right (needed for --level 0)')
    .action(
      async (
        opts: {
          reference: string;
          kind: string;
          issued: string;
          until?: string;
          item?: string[];
          destination?: string[];
          endUser?: string;
          endUserCountry?: string;
          exporter?: string;
          notes: string;
          level?: string;
          reason?: string;
        },
        cmd: Command,
      ) => {
        const ctx = context(cmd);
        const level = intOption(opts.level, 'level', 0, 3) as Marking['level'] | undefined;
        const stored = await recordInform(
          await ctx.state(),
          {
            reference: opts.reference,
            kind: opts.kind as InformKind,
            issuedOn: opts.issued,
            validUntil: opts.until ?? null,
            items: opts.item,
            destinations: opts.destination,
            endUser: opts.endUser,
            endUserCountry: opts.endUserCountry,
            exporter: opts.exporter,
            notes: opts.notes,
            marking: level === undefined ? undefined : { level, compartments: [], releasableTo: null },
            belowDefaultReason: opts.reason,
          },
          cli,
        );
        ctx.print(
          stored,
          () => `inform ${stored.id} recorded / 記録しました (${stored.reference}, ${stored.kind})`,
        );
      },
    );
  informs
    .command('list')
    .description('the inform notices recorded (active ones unless --all)')
    .option('--all', 'also the withdrawn ones')
    .option('--lang <ja|en>', 'language', 'en')
    .action(async (opts: { all?: boolean; lang?: string }, cmd: Command) => {
      const ctx = context(cmd);
      const l = lang(opts.lang);
      const items = await listInforms(await ctx.state(), { status: opts.all ? undefined : 'active' });
      ctx.print(items, () =>
        renderTable(
          l === 'ja'
            ? ['id', '文書番号', '種別', '通知日', '期限', '貨物', '仕向地', '需要者', '状態']
            : ['id', 'reference', 'kind', 'issued', 'until', 'goods', 'destinations', 'end user', 'status'],
          items.map((i) => [
            i.id,
            i.reference,
            i.kind,
            i.issuedOn,
            i.validUntil ?? '',
            i.items.join(' ') || '*',
            i.destinations.join(' ') || '*',
            i.endUser ?? '',
            i.status,
          ]),
        ),
      );
    });
  informs
    .command('withdraw')
    .description('withdraw a notice METI has lifted (audited with the reason)')
    .argument('<id>', 'inform id')
    .requiredOption('--reason <text>', 'why')
    .action(async (id: string, opts: { reason: string }, cmd: Command) => {
      const ctx = context(cmd);
      const updated = await setInformStatus(
        await ctx.state(),
        id,
        { status: 'withdrawn', reason: opts.reason },
        cli,
      );
      ctx.print(updated, () => `inform ${id} withdrawn / 撤回しました`);
    });
};
