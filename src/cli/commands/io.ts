import path from 'node:path';
import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { renderTable } from '../table.ts';
import { importConcordance, importIoTable, loadIoTable, readIoTableFile } from '../../data/scenario/index.ts';
import { provenanceOf } from '../../data/catalog/index.ts';
import { outputMultiplierTable } from '../../analysis/io/multipliers.ts';
import type { IoTable } from '../../analysis/io/table.ts';
import { badInput } from '../../errors.ts';
import { encodingOf, withEncodingOption } from '../encodingOption.ts';

/** `chokepoint io import|concordance|multipliers`: input-output tables (Japan MIC national tables, OECD ICIO). */
export const registerIo: RegisterCommand = (program, context) => {
  const io = program.command('io').description('input-output tables: import, output multipliers');
  withEncodingOption(io.command('import'))
    .description(
      "import an input-output table CSV (Japan MIC long or wide form with a sibling _ja.csv, or OECD ICIO) as an 'io-table' dataset",
    )
    .argument('<file>', 'CSV file')
    .option('--id <id>', 'dataset id (default io-<file name>)')
    .option('--title <title>', 'dataset title')
    .action((file: string, opts: { id?: string; title?: string; encoding?: string }, cmd: Command) => {
      const ctx = context(cmd);
      const entry = importIoTable({
        dataDir: ctx.dataDir.ensure(),
        catalog: ctx.catalog,
        file: path.resolve(file),
        id: opts.id,
        title: opts.title,
        encoding: encodingOf(opts),
      });
      ctx.print(
        entry,
        () =>
          `Imported ${entry.id}: ${entry.title}\n${entry.publisher}, version ${entry.version}${entry.notes ? `\n${entry.notes}` : ''}`,
      );
    });
  io.command('concordance')
    .description(
      "import a concordance HS → IO sectors (YAML/JSON: id, table, source, groups?, map) as a 'concordance' dataset that scenarios name in propagation.concordance",
    )
    .argument('<file>', 'YAML or JSON file')
    .option('--id <id>', "dataset id (default the file's own id)")
    .action((file: string, opts: { id?: string }, cmd: Command) => {
      const ctx = context(cmd);
      ctx.dataDir.ensure();
      const entry = importConcordance({ catalog: ctx.catalog, file, id: opts.id });
      ctx.print(entry, () => `Imported ${entry.id}: ${entry.title}, ${entry.rows} mapped prefixes or groups (${entry.notes})`);
    });
  io.command('multipliers')
    .description(
      'output multipliers: column sums of (I − A)⁻¹ (closed) and [I − (I − M̂)A]⁻¹ (open, competitive imports)',
    )
    .option('--table <file>', 'input-output table CSV')
    .option('--dataset <id>', "an imported 'io-table' dataset instead of a file")
    .action((opts: { table?: string; dataset?: string }, cmd: Command) => {
      const ctx = context(cmd);
      if (opts.table && opts.dataset)
        throw badInput('give --table FILE or --dataset ID, not both', { field: 'table' });
      let table: IoTable;
      let source: string;
      if (opts.table) {
        table = readIoTableFile(path.resolve(opts.table)).table;
        source = `${opts.table} (${table.unit})`;
      } else {
        const loaded = loadIoTable(ctx.catalog, opts.dataset);
        table = loaded.table;
        const p = provenanceOf(loaded.entry);
        source = `${p.dataset}: ${p.title}, ${p.publisher}, version ${p.version}`;
      }
      const multipliers = outputMultiplierTable(table);
      // The issue's shape: sector codes as strings, aligned with the multipliers; labels (en/ja) beside them.
      const result = {
        sectors: multipliers.sectors.map((s) => s.code),
        outputMultiplier: multipliers.outputMultiplier,
        sectorLabels: multipliers.sectors,
      };
      ctx.print(result, () =>
        [
          renderTable(
            ['code', 'sector', '部門', 'closed (I−A)⁻¹', 'open [I−(I−M̂)A]⁻¹'],
            result.sectorLabels.map((s, j) => [
              s.code,
              s.en,
              s.ja,
              result.outputMultiplier.closed[j].toFixed(4),
              result.outputMultiplier.open[j].toFixed(4),
            ]),
          ),
          `Source: ${source}. Method: Leontief output multipliers (Miller & Blair 2009, §6.2), Gauss–Seidel solution of (I − A)ᵀm = 1.`,
        ].join('\n'),
      );
    });
};
