import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { renderTable } from '../table.ts';
import { findGroup, listGroups, setGroup, countryByIso3, exampleLabel } from '../../data/reference/index.ts';
import { notFound } from '../../errors.ts';
import { cliActor } from '../../config.ts';

/** `chokepoint groups list|show|set`: country groups usable as reporter or partner (EU27, G7, …). */
export const registerGroups: RegisterCommand = (program, context) => {
  const groups = program
    .command('groups')
    .description('country groups (EU27, G7, like-minded …): list, show, set');
  groups
    .command('list')
    .description('all groups with their member counts')
    .action(async (_opts, cmd: Command) => {
      const ctx = context(cmd);
      const items = await listGroups(await ctx.state());
      ctx.print(items, () =>
        renderTable(
          ['id', 'name', '名称', 'members', 'note'],
          items.map((g) => [
            g.id,
            g.en,
            g.ja,
            g.members.length,
            g.example ? exampleLabel.en : g.asOf ? `as of ${g.asOf}` : '',
          ]),
        ),
      );
    });
  groups
    .command('show')
    .description('one group with its members (ISO3, English and Japanese names)')
    .argument('<id>', 'group id, e.g. EU27')
    .action(async (id: string, _opts, cmd: Command) => {
      const ctx = context(cmd);
      const group = await findGroup(await ctx.state(), id);
      if (!group) throw notFound(`no group "${id}" (see chokepoint groups list)`, { field: 'id' });
      ctx.print(group, () =>
        [
          `${group.id}: ${group.en} / ${group.ja}${group.example ? `  [${exampleLabel.en} / ${exampleLabel.ja}]` : ''}`,
          group.source ? `source: ${group.source}${group.asOf ? ` (as of ${group.asOf})` : ''}` : '',
          group.note ? `note: ${group.note}` : '',
          renderTable(
            ['iso3', 'country', '国名'],
            group.members.map((m) => [m, countryByIso3(m)?.en, countryByIso3(m)?.ja]),
          ),
        ]
          .filter(Boolean)
          .join('\n'),
      );
    });
  groups
    .command('set')
    .description('create a group or replace its members (codes or names, comma-separated)')
    .argument('<id>', 'group id (A–Z, 0–9, _), e.g. LIKE_MINDED')
    .requiredOption('--members <list>', 'members, e.g. "JPN,USA,AUS" or "Japan,Korea"')
    .option('--name-en <name>', 'English name')
    .option('--name-ja <name>', 'Japanese name')
    .option('--note <text>', 'a note shown with the group')
    .option('--source <text>', 'where the membership is defined (treaty, ministry page)')
    .option('--as-of <date>', 'the date the membership describes, YYYY-MM-DD')
    .action(
      async (
        id: string,
        opts: { members: string; nameEn?: string; nameJa?: string; note?: string; source?: string; asOf?: string },
        cmd: Command,
      ) => {
        const ctx = context(cmd);
        const members = opts.members
          .split(',')
          .map((m) => m.trim())
          .filter(Boolean);
        const group = await setGroup(
          await ctx.state(),
          {
            id,
            members,
            en: opts.nameEn,
            ja: opts.nameJa,
            note: opts.note,
            source: opts.source,
            asOf: opts.asOf,
          },
          cliActor(),
        );
        ctx.print(group, () => `${group.id}: ${group.members.length} members (${group.members.join(' ')})`);
      },
    );
};
