import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { smtpRelay } from '../../config.ts';
import { renderTable } from '../table.ts';
import {
  addUserItem,
  ensureCriticalGoodsList,
  generateMajorityList,
  listItems,
  scanItem,
  EwsScheduler,
} from '../../data/ews/index.ts';
import { parseFlow } from '../../data/importers/index.ts';

/** `chokepoint ews items …`: monitored lists and items, and the scan of the items that are due. */
export function registerEwsItems(ews: Command, context: Parameters<RegisterCommand>[1]): void {
  const items = ews
    .command('items')
    .description(
      'monitored items (grade A–D, cadence): list, add, critical goods, generated lists, scan due',
    );

  items
    .command('list')
    .description('monitored items')
    .option('--list <id>', 'one list only')
    .action(async (o: { list?: string }, cmd: Command) => {
      const ctx = context(cmd);
      const rows = await listItems(await ctx.state(), { listId: o.list });
      ctx.print(rows, () =>
        rows.length === 0
          ? 'No monitored items. Add the critical goods with `chokepoint ews items critical-goods`.'
          : renderTable(
              [
                'list',
                'grade',
                'cadence',
                'reporter',
                'flow',
                'partner',
                'product',
                'label',
                'dataset',
                'next scan',
              ],
              rows.map((r) => [
                r.listId.slice(0, 20),
                r.grade,
                r.cadence,
                r.reporter,
                r.flow,
                r.partner ?? '(all)',
                r.hs,
                r.label.en,
                r.dataset ?? '',
                r.nextScanAt?.slice(0, 16) ?? '',
              ]),
            ),
      );
    });

  items
    .command('critical-goods')
    .description(
      'create the default list: the 12 specified critical goods with their HS6 codes (imports of the reporter)',
    )
    .option('--reporter <iso3>', 'reporter', 'JPN')
    .option('--dataset <id>', 'trade-monthly dataset to scan them on')
    .action(async (o: { reporter: string; dataset?: string }, cmd: Command) => {
      const ctx = context(cmd);
      const db = await ctx.state();
      const id = await ensureCriticalGoodsList(db, new Date(), o.reporter.toUpperCase(), o.dataset ?? null);
      const n = (await listItems(db, { listId: id })).length;
      ctx.print({ list: id, items: n }, () => `list ${id}: ${n} items`);
    });

  items
    .command('add')
    .description('add an item to a user list (created when missing)')
    .requiredOption('--list <name>', 'list name')
    .requiredOption('--reporter <iso3>', 'reporter')
    .requiredOption('--hs <code>', 'product (HS code or the dataset’s product label)')
    .option('--partner <iso3>', 'one partner (default: every partner)')
    .option('--flow <flow>', 'import|export', 'import')
    .option('--grade <A-D>', 'grade', 'B')
    .option('--dataset <id>', 'trade-monthly dataset to scan it on')
    .action(
      async (
        o: {
          list: string;
          reporter: string;
          hs: string;
          partner?: string;
          flow: string;
          grade: string;
          dataset?: string;
        },
        cmd: Command,
      ) => {
        const ctx = context(cmd);
        const { list: listId, added } = await addUserItem(
          { dataDir: ctx.dataDir, catalog: ctx.catalog, state: await ctx.state() },
          {
            list: o.list,
            reporter: o.reporter,
            hs: o.hs,
            partner: o.partner,
            flow: parseFlow(o.flow, { field: 'flow' })!,
            grade: o.grade,
            dataset: o.dataset,
          },
          new Date(),
        );
        ctx.print({ list: listId, added }, () => `list ${o.list} (${listId}): ${added} item added`);
      },
    );

  items
    .command('generate')
    .description(
      'generated list: every product of a monthly dataset with one partner above a share of the last 12 months',
    )
    .requiredOption('--dataset <id>', 'trade-monthly dataset')
    .option('--threshold <share>', 'share of the top partner', '0.5')
    .option('--reporter <iso3>', 'one reporter')
    .option('--flow <flow>', 'import|export', 'import')
    .action(
      async (o: { dataset: string; threshold: string; reporter?: string; flow: string }, cmd: Command) => {
        const ctx = context(cmd);
        const { update, found } = await generateMajorityList(
          {
            dataDir: ctx.dataDir,
            catalog: ctx.catalog,
            analytics: await ctx.analytics(),
            state: await ctx.state(),
          },
          {
            dataset: o.dataset,
            threshold: Number(o.threshold),
            reporter: o.reporter,
            flow: parseFlow(o.flow, { field: 'flow' })!,
          },
          new Date(),
        );
        ctx.print(
          { list: update.id, added: update.added, removed: update.removed, kept: update.kept, items: found },
          () =>
            `list ${update.id}: ${found.length} products (${update.added} added, ${update.removed} removed, ${update.kept} kept)\n` +
            renderTable(
              ['reporter', 'product', 'partner', 'share'],
              found.map((f) => [f.reporter, f.hs, f.partner, `${(f.share * 100).toFixed(1)} %`]),
            ),
        );
      },
    );

  items
    .command('scan-due')
    .description(
      'scan every item whose next scan is due, store new alerts and notify (what the server’s scheduler does)',
    )
    .action(async (_o: unknown, cmd: Command) => {
      const ctx = context(cmd);
      const state = await ctx.state();
      const services = {
        dataDir: ctx.dataDir,
        catalog: ctx.catalog,
        analytics: await ctx.analytics(),
        state,
      };
      const scheduler = new EwsScheduler({
        state,
        scan: (item) => scanItem(services, item),
        notify: { smtp: smtpRelay() },
      });
      const report = await scheduler.tick();
      ctx.print(
        report,
        () =>
          `${report.scanned.length} items scanned, ${report.scanned.reduce((a, s) => a + s.alerts, 0)} new alerts, ${report.deliveries.filter((d) => d.ok).length}/${report.deliveries.length} notifications sent`,
      );
    });
}
