import path from 'node:path';
import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import type { CliContext } from '../context.ts';
import { renderTable } from '../table.ts';
import { startProgress } from '../progress.ts';
import {
  parseThresholds,
  runScreen,
  screenAllToFile,
  type ScreenResult,
  type ScreenServices,
  writeScreenCsv,
  writeScreenParquet,
  writeScreenXlsx,
  productLabelsFor,
} from '../../data/screening/index.ts';

export { parseThresholds };
import { methods } from '../../analysis/methods/index.ts';
import { ChokepointError } from '../../errors.ts';
import { storedGroupsIfUnchanged, vouchForRememberedGroups } from '../../data/reference/index.ts';

interface ScreenOptions {
  reporter: string;
  year: string;
  dataset?: string;
  method?: string;
  partner?: string;
  critical?: boolean;
  threshold?: string[];
  window?: string;
  lang?: string;
  csv?: string;
  xlsx?: string;
  parquet?: string;
  top?: string;
}

export function parseYear(text: string, field = 'year'): number {
  const year = Number(text);
  if (!Number.isInteger(year) || year < 1900 || year > 2200) {
    throw new ChokepointError('bad_input', `--${field} must be a year such as 2024, not "${text}"`, {
      field,
    });
  }
  return year;
}

export function parseWindow(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 50) {
    throw new ChokepointError('bad_input', `--window must be a number of years from 1 to 50, not "${text}"`, {
      field: 'window',
    });
  }
  return n;
}

export function parseLang(text = 'en'): 'en' | 'ja' {
  if (text !== 'en' && text !== 'ja')
    throw new ChokepointError('bad_input', `--lang must be ja or en, not "${text}"`, { field: 'lang' });
  return text;
}

export async function screenServices(ctx: CliContext): Promise<ScreenServices> {
  // Both stores open at once (the embedded state database takes ~1 s to open; DuckDB starts meanwhile).
  const [analytics, state] = await Promise.all([ctx.analytics(), ctx.state()]);
  return {
    dataDir: ctx.dataDir,
    catalog: ctx.catalog,
    analytics,
    state,
    labels: productLabelsFor(ctx.dataDir),
  };
}

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '' : `${(x * 100).toFixed(1)}%`;
const musd = (x: number) => (x / 1e6).toFixed(1);

function human(result: ScreenResult, lang: 'en' | 'ja', top: number): string {
  const p = result.provenance;
  const rows = result.items.slice(0, top).map((i) => [
    i.hs6,
    (lang === 'ja' ? i.labelJa || i.labelEn : i.labelEn || i.labelJa).slice(0, 40),
    musd(i.importValueUsd),
    i.topSupplier,
    pct(i.topShare),
    i.hhi.toFixed(3),
    i.countriesTo75,
    i.worldExportHhi === null ? '' : i.worldExportHhi.toFixed(3),
    i.noExports ? (lang === 'ja' ? '輸出なし' : 'no exports') : i.importExportRatio.toFixed(2),
    methods
      .filter((m) => i.flags[m.id])
      .map((m) => m.id)
      .join(' '),
  ]);
  const headers =
    lang === 'ja'
      ? [
          'HS6',
          '品目',
          '輸入額 (百万USD)',
          '最大輸入先',
          'シェア',
          'HHI',
          '75%国数',
          '世界輸出HHI',
          '輸入/輸出',
          '該当手法',
        ]
      : [
          'HS6',
          'product',
          'imports (USD m)',
          'top supplier',
          'share',
          'HHI',
          'to 75%',
          'world HHI',
          'M/X',
          'flagged by',
        ];
  const counts = methods.map((m) => `${m.id} ${result.counts[m.id]}`).join(', ');
  return [
    p.synthetic ? '*** SYNTHETIC DATA — not real trade / 合成データ ***' : '',
    `${result.reporter} ${result.year}: ${result.screened} products imported; flagged: ${counts}` +
      (p.method !== 'all' ? `; showing ${result.items.length} flagged by ${p.method}` : ''),
    renderTable(headers, rows),
    result.items.length > top
      ? `… ${result.items.length - top} more (use --json, --csv, --xlsx or --parquet for all)`
      : '',
    `source: ${p.title} (${p.publisher}), dataset ${p.dataset} version ${p.version}; M/X with no exports = 9999`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** `chokepoint screen`: every product a reporter imports, with concentration indicators and method flags. */
export const registerScreen: RegisterCommand = (program, context) => {
  program
    .command('screen')
    .description(
      'supply-chain screen (サプライチェーン分析): dependence and concentration of every imported HS6 product',
    )
    .requiredOption(
      '--reporter <code>',
      'ISO3, country name or group (EU27, G7 …); ALL = every reporter in one pass (to a file)',
    )
    .requiredOption('--year <year>', 'year, e.g. 2024')
    .option('--dataset <id>', 'annual trade dataset (default: the first holding --year: real data before synthetic, latest year first)')
    .option('--method <id>', `only products flagged by this method (${methods.map((m) => m.id).join('|')})`)
    .option('--partner <code>', 'named partner for the majority method, e.g. CHN')
    .option('--critical', 'only the critical goods (特定重要物資) in the registry')
    .option(
      '--threshold <name=value...>',
      'override thresholds: method.name=value, or name=value with --method',
    )
    .option('--window <years>', 'years looked at for persistence (default 3)')
    .option('--lang <ja|en>', 'language of labels in the text output', 'en')
    .option('--top <n>', 'rows shown in the text output', '30')
    .option('--csv <file>', 'write all rows as CSV')
    .option('--xlsx <file>', 'write all rows as an Excel workbook (with a provenance sheet)')
    .option('--parquet <file>', 'write all rows as Parquet')
    .addHelpText(
      'after',
      `\nMethods: ${methods.map((m) => `\n  ${m.id}: ${m.name.en} — ${m.thresholds.map((t) => `${t.name}=${t.default}`).join(', ')}`).join('')}\n\nExamples:\n  chokepoint screen --reporter JPN --year 2024 --method geodep\n  chokepoint screen --reporter EU27 --year 2024 --critical --json\n  chokepoint screen --reporter JPN --year 2024 --method majority --partner CHN --threshold share=0.5\n  chokepoint screen --reporter ALL --year 2024 --parquet all.parquet`,
    )
    .action(async (opts: ScreenOptions, cmd: Command) => {
      const ctx = context(cmd);
      const year = parseYear(opts.year);
      const lang = parseLang(opts.lang);
      const window = opts.window === undefined ? undefined : parseWindow(opts.window);
      const request = {
        dataset: opts.dataset,
        year,
        method: opts.method,
        partner: opts.partner,
        critical: opts.critical,
        thresholds: parseThresholds(opts.threshold),
        window,
      };
      if (opts.reporter.trim().toUpperCase() === 'ALL') {
        const file = opts.parquet ?? opts.csv;
        if (!file || opts.xlsx) {
          throw new ChokepointError(
            'bad_input',
            '--reporter ALL writes to a file: give --parquet FILE or --csv FILE',
            { field: 'reporter' },
          );
        }
        const progress = startProgress({ label: `screen ALL ${year}`, quiet: ctx.quiet });
        const format = opts.parquet ? 'parquet' : 'csv';
        // DuckDB starts (~0.15 s) while the country groups are found.
        const analyticsOpening = ctx.analytics();
        analyticsOpening.catch(() => undefined); // reported where it is awaited
        // The country groups (countries of concern, like-minded) are in the state database. The embedded one, when
        // untouched since they were last read from it, is not opened at all; otherwise DuckDB starts at once and
        // the database opens meanwhile (see ScreenAllOptions).
        const embedded = ctx.stateIsEmbedded;
        const storedGroups = embedded && !opts.critical ? storedGroupsIfUnchanged(ctx.dataDir) : undefined;
        // Needing the database while the server holds it: refused now, not after a first pass over every reporter.
        if (!storedGroups) ctx.assertStateAvailable();
        const stateOpening = storedGroups ? undefined : ctx.state();
        stateOpening?.catch(() => undefined); // reported by screenAllToFile
        const services = { dataDir: ctx.dataDir, catalog: ctx.catalog, analytics: await analyticsOpening };
        const out = await screenAllToFile(services, request, path.resolve(file), format, {
          stateOpening,
          storedGroups,
        });
        if (stateOpening && embedded && !opts.critical) {
          // The groups were just read from it and remembered: once it is closed, its files vouch for the copy.
          await ctx.closeState();
          vouchForRememberedGroups(ctx.dataDir);
        }
        progress.done(`written to ${out.file}`);
        ctx.print(
          { file: out.file, provenance: out.provenance },
          () => `${out.file}${out.provenance.synthetic ? ' (SYNTHETIC data)' : ''}`,
        );
        return;
      }
      const services = await screenServices(ctx);
      const result = await runScreen(services, { ...request, reporter: opts.reporter });
      if (opts.csv) writeScreenCsv(result, opts.csv);
      if (opts.xlsx) await writeScreenXlsx(result, opts.xlsx);
      if (opts.parquet)
        await writeScreenParquet(services.analytics, result, opts.parquet, ctx.dataDir.tmpDir);
      for (const f of [opts.csv, opts.xlsx, opts.parquet])
        if (f) ctx.info(`wrote ${result.items.length} rows to ${f}`);
      ctx.print(result.items, () => human(result, lang, Number(opts.top) || 30));
    });
};
