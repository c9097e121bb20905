import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { renderTable } from '../table.ts';
import { startProgress } from '../progress.ts';
import { lang } from './zones.ts';
import { ChokepointError } from '../../errors.ts';
import {
  partyFileColumns,
  screenParty,
  screenPartyFile,
  withDecisions,
  type ScreenMatch,
} from '../../data/exportControl/index.ts';

function threshold(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = Number(text);
  if (!(t > 0 && t <= 1))
    throw new ChokepointError('bad_input', `--threshold must be in (0, 1], not "${text}"`, {
      field: 'threshold',
    });
  return t;
}

function matchRows(matches: ScreenMatch[], l: 'ja' | 'en'): (string | number)[][] {
  return matches.map((m) => [
    m.score.toFixed(3),
    m.list,
    m.entryId,
    m.name,
    m.state ? m.state.status + (m.state.reopened ? ' (entry changed)' : '') : '',
    m.explanation[0]?.[l] ?? '',
  ]);
}

/** `chokepoint screen-party "NAME" | --file parties.csv`: party screening against the screening lists present. */
export const registerScreenParty: RegisterCommand = (program, context) => {
  program
    .command('screen-party')
    .description(
      `screen a party name (or a CSV of counterparties with --file; columns ${partyFileColumns.join(', ')}, name required) against the screening lists; score 0–1, matches ≥ 0.70 by default (yente logic-v2)`,
    )
    .argument('[name]', 'the party name, in any script (漢字, カナ, 中文, кириллица, Latin)')
    .option('--country <iso3>', "the party's country (ISO3, ISO2 or name)")
    .option('--list <ids...>', 'only these lists (default: every list present)')
    .option('--file <csv>', 'screen every row of a CSV of counterparties')
    .option('--threshold <score>', 'lowest score reported (default 0.70)')
    .option('--limit <n>', 'at most n matches per party', '10')
    .option('--with-decisions', 'show the decisions recorded on each hit (opens the state database)')
    .option('--lang <ja|en>', 'language of the explanation', 'en')
    .action(
      async (
        name: string | undefined,
        opts: {
          country?: string;
          list?: string[];
          file?: string;
          threshold?: string;
          limit: string;
          withDecisions?: boolean;
          lang?: string;
        },
        cmd: Command,
      ) => {
        const ctx = context(cmd);
        const l = lang(opts.lang);
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1)
          throw new ChokepointError('bad_input', '--limit must be a positive integer', { field: 'limit' });
        if (!name && !opts.file)
          throw new ChokepointError('bad_input', 'give a NAME or --file parties.csv', { field: 'name' });
        if (name && opts.file)
          throw new ChokepointError('bad_input', 'give either a NAME or --file, not both', { field: 'file' });
        if (opts.file) {
          const progress = startProgress({ label: 'screen-party', unit: 'parties', quiet: ctx.quiet });
          const results = screenPartyFile(ctx.catalog, opts.file, {
            lists: opts.list,
            threshold: threshold(opts.threshold),
            limit,
            onProgress: (done) => progress.update(done),
          });
          const matched = results.filter((r) => r.result.matches.length > 0);
          progress.done(`${results.length} parties, ${matched.length} with a match`);
          const out = {
            parties: results.length,
            matched: matched.length,
            results: results.map((r) => ({
              line: r.line,
              id: r.id,
              query: r.result.query,
              matches: r.result.matches,
            })),
          };
          ctx.print(out, () =>
            renderTable(
              [
                'line',
                'id',
                'party',
                'score',
                'list',
                'entry',
                l === 'ja' ? 'リスト上の名称' : 'listed name',
              ],
              matched.flatMap((r) =>
                r.result.matches.map((m) => [
                  r.line,
                  r.id,
                  r.result.query.name,
                  m.score.toFixed(3),
                  m.list,
                  m.entryId,
                  m.name,
                ]),
              ),
            ),
          );
          return;
        }
        let result = screenParty(ctx.catalog, {
          name: name!,
          country: opts.country,
          lists: opts.list,
          threshold: threshold(opts.threshold),
          limit,
        });
        if (opts.withDecisions) result = await withDecisions(await ctx.state(), result);
        ctx.print(result, () =>
          result.matches.length === 0
            ? `${l === 'ja' ? '該当なし' : 'no match'} (${result.lists.map((x) => `${x.list} ${x.version}`).join(', ')}; threshold ${result.query.threshold})`
            : [
                renderTable(
                  [
                    'score',
                    'list',
                    'entry',
                    l === 'ja' ? '名称' : 'name',
                    l === 'ja' ? '判断' : 'decision',
                    l === 'ja' ? '根拠' : 'why',
                  ],
                  matchRows(result.matches, l),
                ),
                '',
                ...result.matches.flatMap((m) => [
                  `${m.list} ${m.entryId} (${m.score.toFixed(3)}):`,
                  ...m.explanation.map((e) => `  - ${e[l]}`),
                ]),
              ].join('\n'),
        );
      },
    );
};
