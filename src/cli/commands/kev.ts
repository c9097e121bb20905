import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { importKev } from '../../data/cyber/index.ts';

/** `chokepoint kev import FILE`: the CISA Known Exploited Vulnerabilities catalog (JSON or CSV) into dataset `kev`. */
export const registerKev: RegisterCommand = (program, context) => {
  program
    .command('kev')
    .description('CISA Known Exploited Vulnerabilities catalog / 既知の悪用された脆弱性')
    .command('import')
    .description('import known_exploited_vulnerabilities.json or .csv')
    .argument('<file>')
    .option('--dataset <id>', 'dataset id', 'kev')
    .action(async (file: string, opts: { dataset: string }, cmd: Command) => {
      const ctx = context(cmd);
      const { entry } = importKev({ dataDir: ctx.dataDir, file, datasetId: opts.dataset });
      ctx.print(
        { dataset: entry.id, version: entry.version, vulnerabilities: entry.rows },
        () => `Imported ${entry.rows} KEV entries (catalog ${entry.version}) into dataset ${entry.id}`,
      );
    });
};
