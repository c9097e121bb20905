import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { renderTable } from '../table.ts';
import { lang } from './zones.ts';
import { intOption } from './tech.ts';
import { ChokepointError } from '../../errors.ts';
import { monitorCircumvention, listProductLists } from '../../data/exportControl/index.ts';
import type { YearPair } from '../../analysis/exportControl/circumvention.ts';

function numberOption(text: string | undefined, field: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0)
    throw new ChokepointError('bad_input', `--${field} must be a number ≥ 0, not "${text}"`, { field });
  return n;
}

const growth = (g: YearPair) =>
  g.isNew ? 'new' : g.growth === null ? '—' : `${g.growth >= 0 ? '+' : ''}${(g.growth * 100).toFixed(0)} %`;
const musd = (v: number) => (v / 1e6).toFixed(1);

/** `chokepoint circumvention`: third countries whose imports from Japan and partners and exports to a target surge. */
export const registerCircumvention: RegisterCommand = (program, context) => {
  program
    .command('circumvention')
    .description(
      'circumvention monitor (迂回輸出の監視): third countries whose imports of controlled goods from Japan and a partner group surge while their exports of the same goods to the target rise; needs an annual trade dataset',
    )
    .option('--target <iso3>', 'the country the goods are controlled against', 'RUS')
    .option(
      '--sources <group>',
      'partner group besides Japan (G7, LIKE_MINDED …), or one country (JPN: Japan alone, so Group A countries are third countries too)',
      'G7',
    )
    .option('--list <id>', 'product list (default chpl, the Common High Priority List)')
    .option('--products <hs6...>', 'HS6 codes instead of a list')
    .option('--base-year <year>', 'base year (default: three years before --year)')
    .option('--year <year>', 'later year (default: the dataset’s latest)')
    .option('--dataset <id>', 'annual trade dataset')
    .option('--surge <ratio>', 'minimum growth of imports from the sources, 0.5 = +50 %')
    .option('--rise <ratio>', 'minimum growth of exports to the target')
    .option('--min-usd <usd>', 'floor of both flows in the later year (USD)')
    .option('--lists', 'show the product lists instead')
    .option('--all', 'show every third country, not only the flagged ones')
    .option('--lang <ja|en>', 'language', 'en')
    .action(
      async (
        opts: {
          target: string;
          sources: string;
          list?: string;
          products?: string[];
          baseYear?: string;
          year?: string;
          dataset?: string;
          surge?: string;
          rise?: string;
          minUsd?: string;
          lists?: boolean;
          all?: boolean;
          lang?: string;
        },
        cmd: Command,
      ) => {
        const ctx = context(cmd);
        const l = lang(opts.lang);
        const state = await ctx.state();
        if (opts.lists) {
          const lists = await listProductLists(state);
          ctx.print(lists, () =>
            renderTable(
              ['id', l === 'ja' ? '名称' : 'title', 'HS6', l === 'ja' ? '出典' : 'source'],
              lists.map((x) => [x.id, x.title[l], x.products.length, x.source]),
            ),
          );
          return;
        }
        const report = await monitorCircumvention(
          { catalog: ctx.catalog, dataDir: ctx.dataDir, analytics: await ctx.analytics(), state },
          {
            target: opts.target,
            sources: opts.sources,
            productList: opts.list,
            products: opts.products?.map((hs6) => ({ hs6, note: '' })),
            baseYear: intOption(opts.baseYear, 'base-year', 1900, 2200),
            year: intOption(opts.year, 'year', 1900, 2200),
            dataset: opts.dataset,
            surge: numberOption(opts.surge, 'surge'),
            rise: numberOption(opts.rise, 'rise'),
            minValueUsd: numberOption(opts.minUsd, 'min-usd'),
          },
        );
        const { dataset: _dataset, ...out } = report;
        const shown = opts.all ? report.countries : report.countries.filter((c) => c.flagged);
        const p = report.parameters;
        ctx.print(out, () =>
          [
            `${report.target} ← ${report.sources.group} (${report.sources.members.join(' ')}), ${p.baseYear} → ${p.year}, ${report.products.length} HS6 (${report.productList ?? 'given'}), ${report.provenance.dataset} ${report.provenance.version}`,
            `${l === 'ja' ? '対象国への直接輸出' : 'direct exports to the target'}: ${musd(report.totals.direct.base)} → ${musd(report.totals.direct.later)} M USD (${growth(report.totals.direct)})`,
            ...(report.productsWithoutFlows.length
              ? [
                  `${l === 'ja' ? '取引なしの品目' : 'products without flows'}: ${report.productsWithoutFlows.join(' ')}`,
                ]
              : []),
            renderTable(
              [
                l === 'ja' ? '第三国' : 'third country',
                l === 'ja' ? 'グループA' : 'Group A',
                l === 'ja' ? '判定' : 'flagged',
                `${l === 'ja' ? '供給国群から' : 'from sources'} (M USD)`,
                l === 'ja' ? '伸び' : 'growth',
                `${l === 'ja' ? '対象国へ' : 'to target'} (M USD)`,
                l === 'ja' ? '伸び' : 'growth',
                l === 'ja' ? '対象国輸入シェア' : 'share of target imports',
              ],
              shown.map((c) => [
                c.country,
                c.groupA === null ? '?' : c.groupA ? 'A' : '',
                c.flagged ? '●' : '',
                `${musd(c.fromSources.base)} → ${musd(c.fromSources.later)}`,
                growth(c.fromSources),
                `${musd(c.toTarget.base)} → ${musd(c.toTarget.later)}`,
                growth(c.toTarget),
                c.shareOfTargetImports.later === null
                  ? '—'
                  : `${(c.shareOfTargetImports.later * 100).toFixed(1)} %`,
              ]),
            ),
          ].join('\n'),
        );
      },
    );
};
