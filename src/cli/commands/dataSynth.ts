import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { defaultRows, generateSyntheticBaci, readProductCodes } from '../../data/synth/index.ts';
import { ChokepointError } from '../../errors.ts';
import { formatCount, startProgress } from '../progress.ts';
import { runBaciImport } from './dataImport.ts';

/** `chokepoint data synth`: a SYNTHETIC BACI-format year at real scale, optionally imported at once. */
export function registerDataSynth(data: Command, context: (cmd: Command) => CliContext): void {
  data
    .command('synth')
    .description(
      'generate a SYNTHETIC BACI-format CSV (t,i,j,k,v,q) at real scale: ≈230 countries, ≈5,400 HS6 codes, heavy-tailed values; marked synthetic wherever it is shown',
    )
    .requiredOption('--year <year>', 'year of the flows (t)')
    .option('--rows <n>', 'number of flows', String(defaultRows))
    .option('--seed <n>', 'random seed (same seed, same file)', '1')
    .option(
      '--out <file>',
      'CSV to write (default synthetic-baci-<year>-seed<seed>.csv; with --import and no --out, a temporary file)',
    )
    .option(
      '--hs-codes <file>',
      'take HS6 codes from a CSV with a code or hscode column instead of generating them',
    )
    .option('--import', 'import the generated file (as synthetic) into the data directory')
    .option('--dataset <id>', 'dataset id for --import (default baci-hs17-synthetic)')
    .action(async (opts: SynthCliOptions, cmd: Command) => {
      const ctx = context(cmd);
      const year = whole(opts.year, 'year');
      const rows = whole(opts.rows, 'rows');
      const seed = whole(opts.seed, 'seed');
      const temporary = opts.import && !opts.out ? ctx.dataDir.scratch('synth') : undefined;
      const out = opts.out ?? path.join(temporary ?? '.', `synthetic-baci-${year}-seed${seed}.csv`);
      try {
        const progress = startProgress({ label: 'synth', total: rows, unit: 'rows', quiet: ctx.quiet });
        const result = await generateSyntheticBaci({
          year,
          rows,
          seed,
          out,
          products: opts.hsCodes ? readProductCodes(opts.hsCodes) : undefined,
          onProgress: (done) => progress.update(done),
        });
        progress.done(`${formatCount(result.rows)} rows, ${formatCount(result.bytes)}B → ${out}`);
        const entry = opts.import
          ? await runBaciImport(ctx, [out], { dataset: opts.dataset, synthetic: true })
          : undefined;
        ctx.print(
          { ...result, file: temporary ? undefined : result.file, synthetic: true, imported: entry },
          () =>
            [
              `SYNTHETIC data (not real trade): ${result.rows.toLocaleString('en-US')} flows, ${result.countries} countries, ${result.products} HS6 codes, year ${year}, seed ${seed}`,
              temporary ? undefined : `written to ${out} (sidecar ${result.sidecar})`,
              entry ? `imported as dataset ${entry.id} (${entry.path}), marked synthetic` : undefined,
            ]
              .filter(Boolean)
              .join('\n'),
        );
      } finally {
        if (temporary) fs.rmSync(temporary, { recursive: true, force: true });
      }
    });
}

interface SynthCliOptions {
  year: string;
  rows: string;
  seed: string;
  out?: string;
  hsCodes?: string;
  import?: boolean;
  dataset?: string;
}

function whole(value: string, field: string): number {
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 0) {
    throw new ChokepointError('bad_input', `--${field} must be a whole number, not "${value}"`, { field });
  }
  return n;
}
