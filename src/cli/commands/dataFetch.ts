import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { resolveMirror } from '../../config.ts';
import { findManifest, manifests } from '../../data/manifests/index.ts';
import { fetchDataset, type FetchResult } from '../../data/fetch/index.ts';
import { formatCount, startProgress, type Progress } from '../progress.ts';
import { renderTable } from '../table.ts';

/**
 * `chokepoint data fetch <dataset…|all> [--mirror DIR]`: download from the publisher (or copy from a mirror laid
 * out like ../shared/data), verify SHA-256, import, record provenance. `--list` shows what can be fetched.
 */
export function registerDataFetch(data: Command, context: (cmd: Command) => CliContext): void {
  data
    .command('fetch')
    .description('download a dataset (or copy it from a local mirror), verify its checksums and import it')
    .argument('[datasets...]', `dataset ids or "all" (${manifests.map((m) => m.id).join(', ')})`)
    .option(
      '--mirror <dir>',
      'copy from a folder laid out like ../shared/data instead of downloading (env CHOKEPOINT_MIRROR)',
    )
    .option('--list', 'list the datasets that can be fetched')
    .addHelpText('after', '\nExample: chokepoint data fetch all --mirror ../shared/data')
    .action(async (ids: string[], opts: { mirror?: string; list?: boolean }, cmd: Command) => {
      const ctx = context(cmd);
      if (opts.list || ids.length === 0) {
        const rows = manifests.map((m) => ({
          id: m.id,
          title: m.title,
          publisher: m.publisher,
          version: m.version,
          licence: m.licence,
          importer: m.importer,
          files: m.files.length,
          bytes: m.files.reduce((s, f) => s + f.bytes, 0),
          downloadable: m.files.every((f) => f.url),
        }));
        ctx.print(rows, () =>
          renderTable(
            ['dataset', 'publisher', 'version', 'files', 'size', 'download', 'title'],
            rows.map((r) => [
              r.id,
              r.publisher.slice(0, 40),
              r.version.slice(0, 24),
              r.files,
              `${formatCount(r.bytes)}B`,
              r.downloadable ? 'yes' : 'mirror only',
              r.title,
            ]),
          ),
        );
        return;
      }
      const wanted = ids.includes('all') ? [...manifests] : ids.map(findManifest);
      const mirror = resolveMirror(opts.mirror);
      const results: FetchResult[] = [];
      for (const manifest of wanted) {
        let bar: { name: string; progress: Progress } | undefined;
        ctx.info(
          `${manifest.id}: ${mirror ? `copying from ${mirror}` : 'downloading'} (${manifest.files.length} files)`,
        );
        const result = await fetchDataset(manifest, {
          dataDir: ctx.dataDir,
          mirror,
          analytics: manifest.derive ? await ctx.analytics() : undefined,
          onProgress: (file, done, total) => {
            if (bar?.name !== file) {
              bar = {
                name: file,
                progress: startProgress({ label: `  ${file}`, total, unit: 'B', quiet: ctx.quiet }),
              };
            }
            bar.progress.update(done);
          },
          onFileDone: (file) => {
            if (bar?.name === file) bar.progress.done('verified');
            bar = undefined;
          },
        });
        results.push(result);
      }
      const summary = results.flatMap((r) => r.entries.map((e) => ({ ...e, source: e.source })));
      ctx.print(summary, () =>
        renderTable(
          ['dataset', 'kind', 'version', 'rows', 'source', 'files'],
          summary.map((e) => [e.id, e.kind, e.version, formatCount(e.rows), e.source, e.files.length]),
        ),
      );
    });
}
