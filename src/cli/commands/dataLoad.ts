import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { loadDatasetIntoEngine } from '../../data/catalog/index.ts';
import { formatCount } from '../progress.ts';

/**
 * `chokepoint data load <dataset…> --analytics clickhouse://…`: puts datasets already in the data directory
 * (annual or monthly trade) into the ClickHouse engine, version by version (a version loaded before is left as it
 * is). Imports given --analytics load by themselves.
 */
export function registerDataLoad(data: Command, context: (cmd: Command) => CliContext): void {
  data
    .command('load')
    .description(
      'load datasets (annual or monthly trade) into the ClickHouse engine given by --analytics / ClickHouse エンジンへ読み込む',
    )
    .argument('<datasets...>', 'dataset ids (chokepoint data list)')
    .action(async (ids: string[], _opts: unknown, cmd: Command) => {
      const ctx = context(cmd);
      const engine = await ctx.analytics();
      const results: { dataset: string; version: string; table: string; rows: number; loaded: boolean }[] = [];
      for (const id of ids) {
        const entry = ctx.catalog.get(id);
        ctx.info(`loading ${id} (${entry.version}) into ${engine.location}`);
        const result = await loadDatasetIntoEngine(engine, ctx.dataDir, entry, (note) => ctx.info(`  ${note}`));
        results.push({ dataset: id, version: entry.version, ...result });
      }
      ctx.print(results, () =>
        results
          .map(
            (r) =>
              `${r.dataset} ${r.version}: ${r.loaded ? `loaded ${formatCount(r.rows)} rows into` : 'already in'} ${r.table} / ${r.loaded ? '読み込み完了' : '読み込み済み'}`,
          )
          .join('\n'),
      );
    });
}
