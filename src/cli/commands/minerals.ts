import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { renderTable } from '../table.ts';
import { parseYear, screenServices } from './screen.ts';
import { mineralView } from '../../data/screening/index.ts';
import { ChokepointError } from '../../errors.ts';
import { importUsgsMcs } from '../../data/importers/index.ts';
import { encodingOf, withEncodingOption } from '../encodingOption.ts';

const pct = (x: number | null) => (x === null ? '' : `${(x * 100).toFixed(1)}%`);

/** `chokepoint minerals`: mine ▸ refine ▸ trade for every mapped mineral product. */
export const registerMinerals: RegisterCommand = (program, context) => {
  program
    .command('minerals')
    .description('mine ▸ refine ▸ trade: USGS world production shares next to world export shares, per mineral HS6')
    .requiredOption('--year <year>', 'trade year, e.g. 2024 (production is USGS MCS2025: 2024 estimates)')
    .option('--dataset <id>', 'annual trade dataset (default: real data before synthetic, latest year first)')
    .option('--flagged', 'only products whose top exporter is not the top producer')
    .action(async (opts: { year: string; dataset?: string; flagged?: boolean }, cmd: Command) => {
      const ctx = context(cmd);
      const services = await screenServices(ctx);
      if (!ctx.catalog.ofKind('minerals').length) {
        throw new ChokepointError('not_found', 'no minerals dataset: import USGS data with `chokepoint data import usgs MCS2025_World_Data.csv`', {
          field: 'dataset',
        });
      }
      let views = await mineralView(services, 'ALL', parseYear(opts.year), opts.dataset);
      if (opts.flagged) views = views.filter((v) => v.exporterIsNotProducer);
      ctx.print(views, () =>
        [
          renderTable(
            ['commodity', 'stage', 'hs6', 'top producer', 'share', 'top exporter', 'share', 'refiner ≠ source'],
            views.map((v) => [v.commodity, v.stage, v.hs6, v.topProducer, pct(v.topProducerShare), v.topExporter, pct(v.topExporterShare), v.exporterIsNotProducer ? '⚠' : '']),
          ),
          views[0] ? `production: ${views[0].provenance.production.title}; trade: ${views[0].provenance.trade.title} ${views[0].tradeYear}` : '',
        ].join('\n'),
      );
    });
};

/** `chokepoint data import usgs <file>`: the USGS Mineral Commodity Summaries world data CSV. */
export function registerDataImportUsgs(data: Command, context: Parameters<RegisterCommand>[1]): void {
  const imports =
    data.commands.find((c) => c.name() === 'import') ?? data.command('import').description('import a downloaded file into the data directory');
  withEncodingOption(imports.command('usgs'))
    .description('USGS Mineral Commodity Summaries world data (MCS2025_World_Data.csv) → dataset kind minerals')
    .argument('<file>', 'MCS2025_World_Data.csv')
    .option('--dataset <id>', 'dataset id (default usgs-mcs2025)')
    .action(async (file: string, opts: { dataset?: string; encoding?: string }, cmd: Command) => {
      const ctx = context(cmd);
      const entry = await importUsgsMcs({
        dataDir: ctx.dataDir.ensure(),
        input: file,
        datasetId: opts.dataset,
        encoding: encodingOf(opts),
      });
      const unresolved = (entry.extra?.unresolvedCountries as string[] | undefined) ?? [];
      ctx.print(entry, () =>
        `${entry.id} ${entry.version}: ${entry.rows} rows (${entry.title})` +
          (unresolved.length ? `\n${unresolved.length} country cells match no country and are kept as such: ${unresolved.slice(0, 8).join('; ')}${unresolved.length > 8 ? ' …' : ''}` : ''),
      );
    });
}
