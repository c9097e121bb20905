import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { renderTable } from '../table.ts';
import { formatCount } from '../progress.ts';
import { registerDataImport } from './dataImport.ts';
import { registerDataFetch } from './dataFetch.ts';
import { registerDataSynth } from './dataSynth.ts';
import { registerDataImportUsgs } from './minerals.ts';
import { registerDataLoad } from './dataLoad.ts';

/** `chokepoint data …`: list, fetch, import, synth, remove. Subcommands live in data-*.ts files. */
export const registerData: RegisterCommand = (program, context) => {
  const data = program.command('data').description('datasets: list, fetch, import, generate');
  data
    .command('list')
    .description('datasets present in the data directory, with provenance')
    .action((_opts, cmd: Command) => {
      const ctx = context(cmd);
      const entries = ctx.catalog.list();
      ctx.print(entries, () =>
        entries.length === 0
          ? `No datasets in ${ctx.dataDir.root}. Fetch one (chokepoint data fetch --help), import a file (chokepoint data import --help) or generate synthetic data (chokepoint data synth --help).`
          : renderTable(
              ['dataset', 'kind', 'version', 'rows', 'rejected', 'source', 'retrieved', 'synthetic'],
              entries.map((e) => [
                e.id,
                e.kind,
                e.version,
                formatCount(e.rows),
                e.rejectedRows,
                e.source,
                e.retrievedAt.slice(0, 10),
                e.synthetic ? 'SYNTHETIC' : '',
              ]),
            ),
      );
    });
  for (const extend of dataSubcommands) extend(data, context);
};

/** Other modules add `data` subcommands here (fetch, import, synth …). */
export const dataSubcommands: ((data: Command, context: Parameters<RegisterCommand>[1]) => void)[] = [
  registerDataImport,
  registerDataFetch,
  registerDataSynth,
  registerDataImportUsgs,
  registerDataLoad,
];
