import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { renderTable } from '../table.ts';
import { lang } from './zones.ts';
import {
  importList,
  presentLists,
  readListDelta,
  listVersions,
  userCsvColumns,
  rescreenOpenCases,
  type RescreenChange,
} from '../../data/exportControl/index.ts';
import type { ListRole } from '../../analysis/exportControl/transactionCheck.ts';

/** `chokepoint lists import|versions|delta`: screening lists as versioned datasets (docs/export-control.md). */
export const registerLists: RegisterCommand = (program, context) => {
  const lists = program
    .command('lists')
    .description(
      'screening lists (外国ユーザーリスト, specified entities, sanctions, your own): import, versions, delta',
    );
  lists
    .command('import')
    .description(
      `import a list file as a new version of list ID; known lists: meti-eul (.xlsx or .csv), meti-russia (.csv), cn-mofcom (.json); any other ID reads a user CSV (columns ${userCsvColumns.join(', ')}) or FollowTheMoney .ndjson`,
    )
    .argument('<file>', 'the list file')
    .requiredOption('--list <id>', 'list id, e.g. meti-eul or my-blocklist')
    .option(
      '--format <format>',
      'meti-eul-csv | meti-eul-xlsx | meti-specified-csv | mofcom-json | ftm-ndjson | user-csv',
    )
    .option('--version <label>', 'version label (default: a YYYY-MM-DD date in the file name, else today)')
    .option(
      '--role <role>',
      'for your own lists: end-user-list | export-ban | sanctions | foreign-control | user',
      'user',
    )
    .option('--title <title>', 'title of your own list')
    .option(
      '--rescreen',
      're-screen the open party-screening cases against the new version (opens the state database)',
    )
    .action(
      async (
        file: string,
        opts: {
          list: string;
          format?: string;
          version?: string;
          role: string;
          title?: string;
          rescreen?: boolean;
        },
        cmd: Command,
      ) => {
        const ctx = context(cmd);
        const result = await importList({
          catalog: ctx.catalog,
          dataDir: ctx.dataDir,
          file,
          list: opts.list,
          format: opts.format,
          version: opts.version,
          role: opts.role as ListRole,
          title: opts.title,
        });
        let rescreened: RescreenChange[] | undefined;
        if (opts.rescreen && !result.unchanged)
          rescreened = await rescreenOpenCases(await ctx.state(), ctx.catalog, { id: null, name: 'cli' });
        const out = {
          rescreened,
          list: opts.list,
          dataset: result.entry.id,
          version: result.version,
          unchanged: result.unchanged,
          skipped: result.skipped,
          delta: result.delta && {
            added: result.delta.added.length,
            removed: result.delta.removed.length,
            changed: result.delta.changed.length,
            unchanged: result.delta.unchanged,
          },
        };
        ctx.print(out, () =>
          result.unchanged
            ? `${opts.list}: the same file as version ${result.version.version}; nothing changed / 変更なし`
            : [
                `${opts.list} version ${result.version.version}: ${result.version.entries} entries (${result.entry.id})`,
                out.delta
                  ? `delta / 差分: +${out.delta.added} added 追加, −${out.delta.removed} removed 削除, ${out.delta.changed} changed 変更, ${out.delta.unchanged} unchanged`
                  : 'first version / 初版',
                ...result.skipped.map((s) => `not screened / 照合対象外: ${s.count} ${s.what}`),
                ...(rescreened ?? []).map(
                  (c) =>
                    `case ${c.caseId} "${c.title}": +${c.added.length} hit(s), −${c.removed.length} (re-screened / 再照合)`,
                ),
              ].join('\n'),
        );
      },
    );
  lists
    .command('versions')
    .description('the lists present and their versions (or one list with --list)')
    .option('--list <id>', 'one list')
    .action((opts: { list?: string }, cmd: Command) => {
      const ctx = context(cmd);
      const metas = opts.list ? [listVersions(ctx.catalog, opts.list)] : presentLists(ctx.catalog);
      ctx.print(metas, () =>
        renderTable(
          ['list', 'role', 'version', 'entries', 'added', 'removed', 'changed', 'file', 'imported'],
          metas.flatMap((m) =>
            m.versions.map((v) => [
              m.list,
              m.role,
              v.version,
              v.entries,
              v.added,
              v.removed,
              v.changed,
              v.file,
              v.importedAt.slice(0, 19),
            ]),
          ),
        ),
      );
    });
  lists
    .command('delta')
    .description('entries added, removed and changed between two versions (default: the last two)')
    .requiredOption('--list <id>', 'list id')
    .option('--from <version>', 'earlier version (label or key)')
    .option('--to <version>', 'later version (label or key)')
    .option('--lang <ja|en>', 'language', 'en')
    .action((opts: { list: string; from?: string; to?: string; lang?: string }, cmd: Command) => {
      const ctx = context(cmd);
      const l = lang(opts.lang);
      const { from, to, delta } = readListDelta(ctx.catalog, opts.list, { from: opts.from, to: opts.to });
      ctx.print({ list: opts.list, from: from?.version ?? null, to: to.version, delta }, () => {
        if (!delta)
          return l === 'ja'
            ? `${opts.list} ${to.version} は初版です`
            : `${opts.list} ${to.version} is the first version`;
        const rows = [
          ...delta.added.map((e) => ['+', e.id, e.names[0], '']),
          ...delta.removed.map((e) => ['−', e.id, e.names[0], '']),
          ...delta.changed.map((c) => ['~', c.after.id, c.after.names[0], c.fields.join(', ')]),
        ];
        return [
          `${opts.list}: ${from!.version} → ${to.version}  +${delta.added.length} −${delta.removed.length} ~${delta.changed.length} =${delta.unchanged}`,
          renderTable(['', 'id', l === 'ja' ? '名称' : 'name', l === 'ja' ? '変更項目' : 'fields'], rows),
        ].join('\n');
      });
    });
};
