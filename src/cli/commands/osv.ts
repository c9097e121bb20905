import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { importOsvDatabase } from '../../data/cyber/index.ts';

/** `chokepoint osv import DIR_OR_ZIP`: an offline OSV database into the dataset `osv`. */
export const registerOsv: RegisterCommand = (program, context) => {
  program
    .command('osv')
    .description('offline OSV vulnerability database / OSV 脆弱性データベース')
    .command('import')
    .description(
      'import OSV JSON records from a folder, a zip (osv.dev <Ecosystem>/all.zip) or a folder of zips',
    )
    .argument('<dir-or-zip>')
    .option('--dataset <id>', 'dataset id', 'osv')
    .action(async (source: string, opts: { dataset: string }, cmd: Command) => {
      const ctx = context(cmd);
      const result = await importOsvDatabase({
        dataDir: ctx.dataDir,
        source,
        datasetId: opts.dataset,
        onProgress: (files) => ctx.info(`${files.toLocaleString('en-US')} files read …`),
      });
      ctx.print(
        {
          dataset: result.entry.id,
          version: result.entry.version,
          records: result.records,
          rejected: result.rejected,
          withdrawn: result.withdrawn,
          ecosystems: result.ecosystems,
        },
        () =>
          `Imported ${result.records} OSV records into dataset ${result.entry.id} (${Object.entries(
            result.ecosystems,
          )
            .map(([e, n]) => `${e} ${n}`)
            .join(', ')}; ` +
          `${result.withdrawn} withdrawn, ${result.rejected} rejected${result.rejected ? ': see `data list --json` extra.rejected' : ''})`,
      );
    });
};
