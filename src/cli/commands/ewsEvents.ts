import type { Command } from 'commander';
import { randomUUID } from 'node:crypto';
import type { RegisterCommand } from './index.ts';
import { ChokepointError } from '../../errors.ts';
import { renderTable } from '../table.ts';
import { markingLevelNames, publicMarking } from '../../analysis/marking.ts';
import { resolveCountry } from '../../data/reference/index.ts';
import { importEvents } from '../../data/importers/index.ts';
import { recordedEvents, recordEvent } from '../../data/ews/index.ts';
import type { RecordedEvent } from '../../analysis/ews/events.ts';
import { encodingOf, withEncodingOption } from '../encodingOption.ts';

/** `chokepoint ews events …`: recorded events (export-control announcements) used by item scans and the API. */
export function registerEwsEvents(ews: Command, context: Parameters<RegisterCommand>[1]): void {
  const events = ews
    .command('events')
    .description('recorded events (export-control announcements): list, add, import');

  events
    .command('list')
    .description('the shipped seed list and the events users recorded')
    .action(async (_o: unknown, cmd: Command) => {
      const ctx = context(cmd);
      const list = await recordedEvents(await ctx.state());
      ctx.print(list, () =>
        renderTable(
          ['id', 'country', 'products', 'targets', 'announced', 'effective', 'marking', 'source'],
          list.map((e) => [
            e.id,
            e.country,
            e.hs.join(' '),
            e.targets.join(' '),
            e.announced,
            e.effective,
            [`${e.marking.level} ${markingLevelNames[e.marking.level].en}`, ...e.marking.compartments].join(
              ' ',
            ),
            e.source.slice(0, 60),
          ]),
        ),
      );
    });

  const store = async (ctx: ReturnType<typeof context>, list: RecordedEvent[]) => {
    const db = await ctx.state();
    await db.transaction(async (tx) => {
      for (const e of list) await recordEvent(tx, { ...e, marking: publicMarking }, null);
    });
  };

  events
    .command('add')
    .description('record an event')
    .requiredOption('--country <iso3>', 'country imposing the measure')
    .requiredOption('--hs <codes>', 'HS codes or prefixes, separated by commas')
    .requiredOption('--announced <YYYY-MM-DD>', 'announcement date')
    .requiredOption('--effective <YYYY-MM-DD>', 'date it takes effect')
    .requiredOption('--title <text>', 'what it is')
    .requiredOption('--source <text>', 'where it was published (URL or reference)')
    .option('--targets <iso3s>', 'destinations it targets, separated by commas (default: all)')
    .action(
      async (
        o: {
          country: string;
          hs: string;
          announced: string;
          effective: string;
          title: string;
          source: string;
          targets?: string;
        },
        cmd: Command,
      ) => {
        const ctx = context(cmd);
        const country = resolveCountry(o.country)?.iso3;
        if (!country)
          throw new ChokepointError('bad_input', `--country "${o.country}" is not a known country`, {
            field: 'country',
          });
        const hs = o.hs
          .split(',')
          .map((h) => h.trim())
          .filter(Boolean);
        if (hs.length === 0 || hs.some((h) => !/^\d{2,10}$/.test(h)))
          throw new ChokepointError('bad_input', '--hs must list HS codes', { field: 'hs' });
        for (const [field, v] of [
          ['announced', o.announced],
          ['effective', o.effective],
        ]) {
          if (!/^\d{4}-\d{2}-\d{2}$/.test(v))
            throw new ChokepointError('bad_input', `--${field} must be YYYY-MM-DD`, { field });
        }
        if (o.effective < o.announced)
          throw new ChokepointError('bad_input', '--effective is before --announced', { field: 'effective' });
        const targets = (o.targets ?? '')
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean)
          .map((t) => {
            const iso3 = resolveCountry(t)?.iso3;
            if (!iso3)
              throw new ChokepointError('bad_input', `target "${t}" is not a known country`, {
                field: 'targets',
              });
            return iso3;
          });
        const event: RecordedEvent = {
          id: randomUUID(),
          country,
          hs,
          targets,
          announced: o.announced,
          effective: o.effective,
          title: { ja: o.title, en: o.title },
          source: o.source,
        };
        await store(ctx, [event]);
        ctx.print(event, () => `recorded ${event.id}: ${country} ${hs.join(' ')} from ${o.effective}`);
      },
    );

  withEncodingOption(events.command('import'))
    .argument(
      '<file>',
      'CSV with the columns of events.csv (event_id, date_announcement, date_effective, policy, scope, hs_level, notes, source_url[, country, targets])',
    )
    .description('record the events of a CSV file')
    .option('--country <iso3>', 'country for rows without a country column')
    .action(async (file: string, o: { country?: string; encoding?: string }, cmd: Command) => {
      const ctx = context(cmd);
      const list = importEvents(file, o.country, encodingOf(o));
      await store(ctx, list);
      ctx.print({ recorded: list.length }, () => `${list.length} events recorded from ${file}`);
    });
}
