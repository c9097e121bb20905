import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import type { CliContext } from '../context.ts';
import { renderTable } from '../table.ts';
import { startProgress } from '../progress.ts';
import { ChokepointError } from '../../errors.ts';
import { provenanceOf } from '../../data/catalog/index.ts';
import { iso3OfName, resolveCountry } from '../../data/reference/index.ts';
import { importPatents, importExports } from '../../data/importers/index.ts';
import { findPatentDataset, patentFields, rcaReport, rtaReport } from '../../data/tech/index.ts';
import { worldBases, type WorldBasis } from '../../analysis/tech/fieldWindow.ts';
import { encodingOf, withEncodingOption } from '../encodingOption.ts';

/**
 * `chokepoint tech rta|rca|fields`: revealed technological advantage from patents, revealed comparative
 * advantage from exports; and `data import patents|exports` to bring those datasets in.
 */
const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '' : `${(x * 100).toFixed(1)}%`;
const num = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined ? '' : x.toFixed(digits);

export function reporterIso3(text: string): string {
  const c = resolveCountry(text);
  if (!c)
    throw new ChokepointError(
      'unknown_code',
      `"${text}" is not a known country (give ISO3 such as JPN, or a name)`,
      { field: 'reporter' },
    );
  return c.iso3;
}

export function intOption(
  text: string | undefined,
  field: string,
  min: number,
  max: number,
): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ChokepointError(
      'bad_input',
      `--${field} must be a whole number from ${min} to ${max}, not "${text}"`,
      { field },
    );
  return n;
}

/** `a=b,c=d` → {a: b, c: d} for --map. */
function parseMap<K extends string>(
  text: string | undefined,
  keys: readonly K[],
): Partial<Record<K, string>> | undefined {
  if (!text) return undefined;
  const out: Partial<Record<K, string>> = {};
  for (const pair of text.split(',')) {
    const [k, v] = pair.split('=').map((s) => s.trim());
    if (!keys.includes(k as K) || !v) {
      throw new ChokepointError(
        'bad_input',
        `--map "${pair}" must be one of ${keys.join(', ')} = a column name`,
        { field: 'map' },
      );
    }
    out[k as K] = v;
  }
  return out;
}

function worldOption(text: string | undefined): WorldBasis | undefined {
  if (text === undefined) return undefined;
  if (!(worldBases as readonly string[]).includes(text))
    throw new ChokepointError('bad_input', `--world must be ${worldBases.join(' or ')}, not "${text}"`, {
      field: 'world',
    });
  return text as WorldBasis;
}

async function rtaCommand(
  ctx: CliContext,
  opts: { field: string; dataset?: string; window?: string; top?: string; reporter?: string; world?: string },
) {
  const report = await rtaReport(
    { dataDir: ctx.dataDir, catalog: ctx.catalog, analytics: await ctx.analytics() },
    {
      field: opts.field,
      dataset: opts.dataset,
      window: intOption(opts.window, 'window', 2, 50),
      world: worldOption(opts.world),
    },
  );
  const reporter = opts.reporter ? reporterIso3(opts.reporter) : undefined;
  const top = intOption(opts.top, 'top', 1, 1000) ?? 20;
  const { dataset: entry, ...result } = report;
  const table = report.items;
  ctx.print(result, () => {
    const shown = table.slice(0, top);
    if (reporter && !shown.some((r) => r.country === reporter)) {
      const own = table.find((r) => r.country === reporter);
      if (own) shown.push(own);
    }
    return [
      `${report.source}/${report.field} ${report.year}: ${report.worldCount.toFixed(0)} patents of the listed countries, growth ${pct(report.worldGrowth)}/yr (all fields ${pct(report.worldGrowthAllFields)}/yr) over ${report.window[0]}–${report.year}`,
      worldLine(report.world),
      `leader ${report.topCountry} ${pct(report.topShare)}, lead ratio ${num(report.leadRatio)} over ${report.runnerUp}, ${report.countriesTo75} countries to 75 %, HHI ${num(report.hhi, 3)}`,
      renderTable(
        ['rank', 'country', 'patents', 'share', 'RTA', 'RTA trend/yr'],
        shown.map((r) => [
          table.indexOf(r) + 1,
          r.country,
          r.count.toFixed(0),
          pct(r.share),
          num(r.rta),
          num(r.rtaTrend, 3),
        ]),
      ),
      `source: ${entry.title} (${entry.publisher}), dataset ${entry.id} version ${entry.version}`,
    ].join('\n');
  });
}

/** Which world the RTA used, with both figures, so that the two definitions can be told apart. */
function worldLine(w: Awaited<ReturnType<typeof rtaReport>>['world']): string {
  const counts = (c: { field: number; allFields: number }) =>
    `${c.field.toFixed(0)} of ${c.allFields.toFixed(0)}`;
  const published = w.published ? `published World row ${counts(w.published)}` : 'no published World row';
  const used = w.used === 'published' ? 'the published World row' : 'the sum over the listed countries';
  return (
    `RTA world: ${used} (${published}; sum over the listed countries ${counts(w.sum)})` +
    (w.requested !== w.used
      ? ' — the published world was asked for but the dataset has none for every year'
      : '')
  );
}

async function rcaCommand(
  ctx: CliContext,
  opts: { reporter: string; dataset?: string; year?: string; products?: string; top?: string },
) {
  const report = await rcaReport(
    { dataDir: ctx.dataDir, catalog: ctx.catalog, analytics: await ctx.analytics() },
    {
      reporter: reporterIso3(opts.reporter),
      dataset: opts.dataset,
      year: intOption(opts.year, 'year', 1900, 2200),
      products: opts.products?.split(',').map((p) => p.trim()),
    },
  );
  const { dataset: entry, ...result } = report;
  const cells = report.items;
  if (cells.length === 0) {
    throw new ChokepointError(
      'no_data',
      `no exports of ${report.reporter}${opts.products ? ' in those products' : ''} in ${entry.id} ${report.year}`,
      { field: 'reporter' },
    );
  }
  const top = intOption(opts.top, 'top', 1, 100000) ?? 20;
  ctx.print(result, () =>
    [
      `${report.reporter} ${report.year}, HS${report.productDigits}: ${cells.length} products exported; ${cells.filter((c) => (c.rca ?? 0) > 1).length} with RCA > 1`,
      report.coverage === 'dataset-products'
        ? `note: the dataset holds only ${report.products} products; X_c and X_w are over those products`
        : '',
      renderTable(
        ['product', 'exports (USD)', 'RCA', 'world share'],
        cells
          .slice(0, opts.products ? cells.length : top)
          .map((c) => [c.product, c.exports.toFixed(0), num(c.rca), pct(c.worldShare)]),
      ),
      `source: ${entry.title} (${entry.publisher}), dataset ${entry.id} version ${entry.version}`,
    ]
      .filter(Boolean)
      .join('\n'),
  );
}

interface ExportsCommandOptions {
  map?: string;
  year?: string;
  dataset: string;
  encoding?: string;
}

function registerImports(program: Command, context: (cmd: Command) => CliContext): void {
  const data = program.commands.find((c) => c.name() === 'data');
  if (!data) return;
  const imports =
    data.commands.find((c) => c.name() === 'import') ??
    data.command('import').description('import a downloaded file into the data directory');
  withEncodingOption(imports.command('patents'))
    .description(
      'patent (or capability) counts by country × field × year: NSF NCSES tables, or any CSV with country, field, year, count',
    )
    .argument(
      '<file>',
      'patents_by_country_field_year.csv (with ncses_tables.csv beside it) or a CSV of the same shape',
    )
    .option('--format <ncses|csv>', 'layout (default: ncses for the NCSES file name, else csv)')
    .option(
      '--map <pairs>',
      'column names for csv, e.g. "country=Economy,field=Area,year=Year,count=N,source=Office"',
    )
    .option('--source <name>', 'source name when the CSV has no source column (e.g. pct, uspto, aspi)')
    .option('--dataset <id>', 'dataset id', 'patents')
    .action(
      async (
        file: string,
        opts: { format?: string; map?: string; source?: string; dataset: string; encoding?: string },
        cmd: Command,
      ) => {
        const ctx = context(cmd);
        if (opts.format && opts.format !== 'ncses' && opts.format !== 'csv')
          throw new ChokepointError('bad_input', '--format must be ncses or csv', { field: 'format' });
        const progress = startProgress({ label: 'import patents', unit: 'rows', quiet: ctx.quiet });
        const result = await importPatents({
          catalog: ctx.catalog,
          dataDir: ctx.dataDir,
          analytics: await ctx.analytics(),
          file,
          format: opts.format as 'ncses' | 'csv' | undefined,
          map: parseMap(opts.map, ['country', 'field', 'year', 'count', 'source'] as const),
          source: opts.source,
          id: opts.dataset,
          resolveCountry: iso3OfName,
          onProgress: (done) => progress.update(done),
          encoding: encodingOf(opts),
        });
        progress.done(`${result.entry.rows} rows`);
        ctx.print(result, () =>
          [
            `dataset ${result.entry.id} version ${result.entry.version}: ${result.entry.rows} rows, years ${result.entry.years?.[0]}–${result.entry.years?.at(-1)}`,
            `fields: ${(result.entry.extra?.sources as string[]).join(', ')}`,
            `${result.emptyCounts} rows without a count (rejected, counted); ${result.aggregates.length} regions/groups kept as aggregates`,
            result.unresolved.length
              ? `not resolved to a country (kept as 'unresolved', left out of indicators):\n` +
                renderTable(
                  ['name', 'rows', 'first line'],
                  result.unresolved.map((u) => [u.name, u.rows, u.firstLine]),
                )
              : 'every name resolved',
          ].join('\n'),
        );
      },
    );
  withEncodingOption(imports.command('exports'))
    .description('exports by exporter × product (e.g. Open Trade Statistics world_trade_2017 by HS4) for RCA')
    .argument('<file>', 'CSV or CSV.gz with exporter, product, value (and year) columns')
    .option(
      '--map <pairs>',
      'column names, e.g. "exporter=reporter_iso,product=product_code,value=export_value_usd,year=year"',
    )
    .option('--year <year>', 'the year when the file has no year column (default: from a name like …_2017)')
    .option('--dataset <id>', 'dataset id', 'exports')
    .action(async (file: string, opts: ExportsCommandOptions, cmd: Command) => {
      const ctx = context(cmd);
      const result = await importExports({
        catalog: ctx.catalog,
        dataDir: ctx.dataDir,
        analytics: await ctx.analytics(),
        file,
        map: parseMap(opts.map, ['exporter', 'product', 'value', 'year'] as const),
        year: intOption(opts.year, 'year', 1900, 2200),
        id: opts.dataset,
        resolveCountry: iso3OfName,
        encoding: encodingOf(opts),
      });
      ctx.print(result, () =>
        [
          `dataset ${result.entry.id} version ${result.entry.version}: ${result.entry.rows} rows, years ${result.entry.years?.join(', ')}`,
          `${result.emptyValues} rows without a value (NA: rejected, counted)`,
          result.unresolved.length
            ? `exporter codes not in the country table, kept as written: ${result.unresolved.map((u) => `${u.name} (line ${u.firstLine})`).join(', ')}`
            : 'every exporter resolved',
        ].join('\n'),
      );
    });
}

export const registerTech: RegisterCommand = (program, context) => {
  registerImports(program, context);
  const tech = program.command('tech').description('technology analysis: RTA from patents, RCA from exports');
  tech
    .command('fields')
    .description('patent fields present (source/field, years, countries)')
    .option('--dataset <id>', 'patents dataset (default: the newest)')
    .action(async (opts: { dataset?: string }, cmd: Command) => {
      const ctx = context(cmd);
      const entry = findPatentDataset(ctx.catalog, opts.dataset);
      const fields = await patentFields(await ctx.analytics(), ctx.dataDir, entry);
      ctx.print({ fields, provenance: provenanceOf(entry) }, () =>
        renderTable(
          ['field', 'years', 'countries'],
          fields.map((f) => [`${f.source}/${f.field}`, `${f.firstYear}–${f.lastYear}`, f.countries]),
        ),
      );
    });
  tech
    .command('rta')
    .description(
      'revealed technological advantage of every country in a field, with concentration and growth',
    )
    .requiredOption(
      '--field <source/field>',
      'e.g. uspto/semiconductors or pct/electrical-engineering (see tech fields)',
    )
    .option('--reporter <country>', 'always show this country')
    .option('--window <years>', 'years for trend and growth (default from the zone rules)')
    .option('--top <n>', 'countries shown in the text output', '20')
    .option('--dataset <id>', 'patents dataset (default: the newest)')
    .option(
      '--world <published|sum>',
      "world of the RTA: the publisher's World row (default, where the dataset has one) or the sum over the listed countries",
    )
    .action(async (opts, cmd: Command) => rtaCommand(context(cmd), opts));
  tech
    .command('rca')
    .description('revealed comparative advantage (Balassa) of a reporter per product from exports')
    .requiredOption('--reporter <country>', 'ISO3 or name, e.g. JPN')
    .option('--year <year>', 'year (default: the latest in the dataset)')
    .option('--products <codes>', 'only these product codes, comma-separated (e.g. 8505,8542)')
    .option('--top <n>', 'products shown in the text output', '20')
    .option('--dataset <id>', 'exports or annual trade dataset (default: the newest exports, else trade)')
    .action(async (opts, cmd: Command) => rcaCommand(context(cmd), opts));
};
