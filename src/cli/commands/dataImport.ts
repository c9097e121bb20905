import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import type { CatalogEntry } from '../../data/catalog/index.ts';
import { importBaci, type DuplicatePolicy } from '../../data/importers/index.ts';
import { ChokepointError } from '../../errors.ts';
import { renderTable } from '../table.ts';
import { formatCount, startProgress } from '../progress.ts';

/** `chokepoint data import <source> <files…>`: bring a user's file into the store (BACI today). */
export function registerDataImport(data: Command, context: (cmd: Command) => CliContext): void {
  const imports = data.command('import').description('import a downloaded file into the data directory');
  imports
    .command('baci')
    .description(
      'CEPII BACI: the zip archive (all years, with its country and product code tables) or bare t,i,j,k,v,q CSV files → Parquet by year',
    )
    .argument('<files...>', 'BACI_HS17_V202601.zip, or CSV files with the header t,i,j,k,v,q')
    .option('--hs <revision>', 'HS revision (HS92 … HS22); read from a name like BACI_HS17_… when not given')
    .option('--dataset <id>', 'dataset id (default baci-<hs>, e.g. baci-hs17)')
    .option('--version <version>', 'BACI release, e.g. V202601 (default from the file name, else "unknown")')
    .option(
      '--max-rejects <n>',
      'import even if up to N rows are rejected (default 0: any bad row fails)',
      '0',
    )
    .option(
      '--duplicates <fail|keep-first>',
      'a flow (t,i,j,k) given twice: fail naming both lines (default), or keep-first: drop rows that exactly copy an earlier one (rows that differ still fail)',
      'fail',
    )
    .option('--synthetic', 'mark the data as synthetic (set automatically for files written by `data synth`)')
    .action(async (files: string[], opts: ImportOptions, cmd: Command) => {
      const ctx = context(cmd);
      const entry = await runBaciImport(ctx, files, opts);
      ctx.print(entry, () => summary(entry));
    });
}

export interface ImportOptions {
  hs?: string;
  dataset?: string;
  version?: string;
  maxRejects?: string;
  duplicates?: string;
  synthetic?: boolean;
}

/** Runs the import with a progress bar; shared by `data import baci` and `data synth --import`. */
export async function runBaciImport(
  ctx: CliContext,
  files: string[],
  opts: ImportOptions,
): Promise<CatalogEntry> {
  const maxRejects = Number(opts.maxRejects ?? '0');
  if (!Number.isInteger(maxRejects) || maxRejects < 0) {
    throw new ChokepointError(
      'bad_input',
      `--max-rejects must be a whole number ≥ 0, not "${opts.maxRejects}"`,
      {
        field: 'max-rejects',
      },
    );
  }
  let progress: ReturnType<typeof startProgress> | undefined;
  let phase = '';
  const entry = await importBaci({
    dataDir: ctx.dataDir,
    inputs: files,
    hs: opts.hs,
    datasetId: opts.dataset,
    version: opts.version,
    maxRejects,
    // Checked by importBaci, which names the option when it is neither policy.
    duplicates: opts.duplicates as DuplicatePolicy | undefined,
    synthetic: opts.synthetic,
    // With --analytics clickhouse://…, the rows go into ClickHouse too before the entry is published.
    analytics: ctx.analyticsUrl ? await ctx.analytics() : undefined,
    onProgress: (done, total, note) => {
      if (note !== phase) {
        progress?.done();
        phase = note ?? '';
        progress = startProgress({ label: `import ${phase}`, total, unit: 'B', quiet: ctx.quiet });
      }
      progress?.update(done);
    },
  });
  progress?.done();
  return entry;
}

function summary(entry: CatalogEntry): string {
  const yearly = (entry.extra?.yearly ?? []) as {
    year: number;
    rows: number;
    value: number;
    withQuantity: number;
  }[];
  const rejects = (entry.extra?.rejects ?? []) as {
    file: string;
    line: number;
    column?: string;
    reason: string;
  }[];
  const total = yearly.reduce((s, y) => s + y.value, 0);
  const lines = [
    `${entry.synthetic ? 'SYNTHETIC ' : ''}${entry.title}`,
    `dataset ${entry.id}  version ${entry.version}  ${entry.hs ?? ''}  stored in ${entry.path}`,
    renderTable(
      ['year', 'rows', 'value (thousand USD)', 'with quantity'],
      yearly.map((y) => [
        y.year,
        formatCount(y.rows),
        y.value.toLocaleString('en-US', { maximumFractionDigits: 0 }),
        formatCount(y.withQuantity),
      ]),
    ),
    `${entry.rows.toLocaleString('en-US')} rows, value total ${total.toLocaleString('en-US', { maximumFractionDigits: 0 })} thousand USD, ${entry.rejectedRows} rejected`,
  ];
  const dropped = entry.extra?.duplicateRowsDropped as number | undefined;
  if (dropped)
    lines.push(`${formatCount(dropped)} rows that exactly copied an earlier row of their t,i,j,k dropped`);
  for (const r of rejects.slice(0, 5))
    lines.push(`  rejected: ${r.file} line ${r.line}${r.column ? `, column ${r.column}` : ''}: ${r.reason}`);
  return lines.join('\n');
}
