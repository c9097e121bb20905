import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { ChokepointError } from '../../errors.ts';
import { renderTable } from '../table.ts';
import { startProgress } from '../progress.ts';
import { parseFlow, importEvents } from '../../data/importers/index.ts';
import {
  loadRuleSet,
  loadSeriesFile,
  priceSeriesOf,
  scanLoaded,
  seedEvents,
  type LoadedFile,
  importSummary,
  parseValueUnit,
  publishMonthly,
  publishPrices,
} from '../../data/ews/index.ts';
import { backtest } from '../../analysis/ews/backtest.ts';
import { levelLabel } from '../../analysis/ews/levels.ts';
import type { Alert } from '../../analysis/ews/rules.ts';
import type { RecordedEvent } from '../../analysis/ews/events.ts';
import { registerEwsItems } from './ewsItems.ts';
import { registerEwsEvents } from './ewsEvents.ts';
import { encodingOf, withEncodingOption } from '../encodingOption.ts';

interface SeriesOptions {
  map?: string;
  reporter?: string;
  flow?: string;
  unit?: string;
  rules?: string;
  events?: string[];
  seedEvents?: boolean;
  prices?: string;
  product?: string;
  encoding?: string;
}

const withSeriesOptions = (cmd: Command): Command =>
  withEncodingOption(cmd)
    .option(
      '--map <mapping>',
      'CSV column mapping: period=…,partner=…,hs=…,value=…[,quantity=…,unit=…,reporter=…,flow=…]',
    )
    .option('--reporter <iso3>', 'reporter of every row (when the file has no reporter column)')
    .option('--flow <flow>', 'import|export for every row (when the file has no flow column)')
    .option('--unit <unit>', 'unit of the quantity column (default "unit")')
    .option('--rules <file>', 'rule set (JSON or YAML); default: the documented default rules (docs/ews.md)')
    .option(
      '--events <file...>',
      'recorded events CSV(s) (columns of events.csv) in addition to the seed list',
    )
    .option('--no-seed-events', 'do not use the shipped list of export-control events')
    .option('--prices <file>', 'Pink Sheet prices (xlsx or CSV) to link related commodity prices')
    .option(
      '--product <label=hs,...>',
      'give product labels of the file HS codes (e.g. "Graphite=2504"), so recorded events and prices match',
    );

async function prepare(file: string, o: SeriesOptions) {
  const flow = o.flow ? parseFlow(o.flow, { field: 'flow' }) : undefined;
  const loaded = await loadSeriesFile(file, {
    map: o.map,
    reporter: o.reporter,
    flow,
    unit: o.unit,
    encoding: encodingOf(o),
  });
  if (o.product && loaded.kind === 'trade') relabelProducts(loaded.imported.rows, o.product);
  const events: RecordedEvent[] = [
    ...(o.seedEvents === false ? [] : seedEvents()),
    ...(o.events ?? []).flatMap((f) => importEvents(f)),
  ];
  let prices;
  if (o.prices) {
    const p = await loadSeriesFile(o.prices);
    if (p.kind !== 'prices')
      throw new ChokepointError('bad_input', `--prices ${o.prices} is not a Pink Sheet file`, {
        file: o.prices,
      });
    prices = priceSeriesOf(p.imported);
  }
  return { loaded, events, prices, ruleSet: loadRuleSet(o.rules) };
}

/** "Graphite=2504,Gallium/Germanium=811292": product labels of a file → HS codes. */
function relabelProducts(rows: { hs: string }[], text: string): void {
  const map = new Map<string, string>();
  for (const part of text.split(',')) {
    const at = part.lastIndexOf('=');
    const label = part.slice(0, at).trim();
    const code = part.slice(at + 1).trim();
    if (at <= 0 || !/^\d{2,10}$/.test(code))
      throw new ChokepointError('bad_input', `--product entry "${part}" must be LABEL=HS code`, {
        field: 'product',
      });
    map.set(label, code);
  }
  for (const row of rows) row.hs = map.get(row.hs) ?? row.hs;
}

/** Keeps the rows of these product codes (exact, as the API's `hs`); a code the file lacks is an error. */
function onlyProducts(loaded: LoadedFile, text: string): void {
  if (loaded.kind !== 'trade')
    throw new ChokepointError('bad_input', '--hs is for trade series, not prices', { field: 'hs' });
  const codes = new Set(text.split(',').map((c) => c.trim()));
  const present = new Set(loaded.imported.rows.map((r) => r.hs));
  const missing = [...codes].filter((c) => !present.has(c));
  if (missing.length)
    throw new ChokepointError(
      'bad_input',
      `--hs ${missing.join(', ')}: not in the file (products: ${[...present].sort().join(', ')})`,
      { field: 'hs' },
    );
  loaded.imported.rows = loaded.imported.rows.filter((r) => codes.has(r.hs));
}

/** 0.667 for a ratio, "—" where it has no denominator. */
const ratio = (x: number | null) => (x === null ? '—' : x.toFixed(3));

function loadNotes(loaded: LoadedFile): string {
  return loaded.kind === 'trade'
    ? importSummary(loaded.imported)
    : `${loaded.imported.series.length} price series, ${loaded.imported.rows.length} monthly prices`;
}

function alertTable(alerts: Alert[]): string {
  if (alerts.length === 0) return 'No alerts.';
  return renderTable(
    ['period', 'level', 'reporter', 'flow', 'partner', 'product', 'rules', 'indicators'],
    alerts.map((a) => [
      a.period,
      levelLabel(a.level),
      a.reporter,
      a.flow,
      a.partner,
      a.hs,
      a.rules.map((r) => r.id).join(', '),
      a.indicators
        .map(
          (i) =>
            `${i.name} ${Number.isInteger(i.value) ? i.value : i.value.toFixed(2)} ${i.op} ${i.threshold}`,
        )
        .join('; '),
    ]),
  );
}

export const registerEws: RegisterCommand = (program, context) => {
  const ews = program
    .command('ews')
    .description('early warning (早期警戒): scan monthly series, backtest rules, monitored items');

  withSeriesOptions(
    ews
      .command('scan')
      .argument(
        '<file>',
        'monthly series: Comtrade+ CSV/JSON, Japan Customs summary, Pink Sheet xlsx/CSV, or any CSV with --map',
      )
      .description('scan a file of monthly series and list the alerts (default: the latest month)')
      .option('--from <YYYY-MM>', 'first month to alert on')
      .option('--to <YYYY-MM>', 'last month to alert on')
      .option('--all', 'alert on every month of the history')
      .option('--min-level <n>', 'only alerts at this level or above', '1'),
  ).action(
    async (
      file: string,
      o: SeriesOptions & { from?: string; to?: string; all?: boolean; minLevel: string },
      cmd: Command,
    ) => {
      const ctx = context(cmd);
      const { loaded, events, prices, ruleSet } = await prepare(file, o);
      ctx.info(`${file}: ${loadNotes(loaded)}`);
      const scan = scanLoaded(loaded, { ruleSet, events, prices, from: o.from, to: o.to, all: o.all });
      const min = Number(o.minLevel);
      const alerts = scan.alerts.filter((a) => a.level >= min);
      ctx.print(alerts, () => alertTable(alerts));
    },
  );

  withSeriesOptions(
    ews
      .command('backtest')
      .argument('<file>', 'monthly series (as for scan)')
      .description(
        'run the rules over the whole history: alerts per rule and when, precision and recall against the recorded events (with them, and on statistics only); false alarms on a quiet period',
      )
      .option('--hs <codes>', 'only these product codes (comma-separated, after --product)')
      .option('--quiet-from <YYYY-MM>', 'start of a period with no known event, to measure false alarms')
      .option('--quiet-to <YYYY-MM>', 'end of that period'),
  ).action(
    async (
      file: string,
      o: SeriesOptions & { hs?: string; quietFrom?: string; quietTo?: string },
      cmd: Command,
    ) => {
      const ctx = context(cmd);
      const progress = startProgress({ label: 'backtest', quiet: ctx.quiet });
      const { loaded, events, prices, ruleSet } = await prepare(file, o);
      if (o.hs) onlyProducts(loaded, o.hs);
      // The backtest computes the event indicators itself, without look-ahead: the scan needs none.
      const scan = scanLoaded(loaded, { ruleSet, events: [], prices, all: true });
      const quiet = o.quietFrom && o.quietTo ? { from: o.quietFrom, to: o.quietTo } : undefined;
      const { report } = backtest(scan.panel, scan.indicators, ruleSet, { events, quiet });
      progress.done(`${scan.panel.series.length} series × ${scan.panel.months} months`);
      ctx.print(
        { file, ruleSet: ruleSet.id, series: scan.panel.series.length, months: scan.panel.months, ...report },
        () => {
          const s = report.score;
          const lines = [
            `${file}: ${scan.panel.series.length} series × ${scan.panel.months} months (${report.periods.from} … ${report.periods.to}), rule set ${ruleSet.id}`,
            `alerts: ${report.alerts} (level 1: ${report.byLevel[1]}, 2: ${report.byLevel[2]}, 3: ${report.byLevel[3]}, 4: ${report.byLevel[4]})`,
            `scored against ${s.episodes} episodes (recorded event × series, announcement month … entry into force + ${s.afterEffective} months) of ${s.events.join(', ') || 'no recorded event'}; P = precision, R = recall`,
            renderTable(
              [
                'rule',
                'level',
                'alerts',
                'series',
                'P events',
                'R events',
                'P statistics',
                'R statistics',
                'first months',
              ],
              [
                ...report.rules.map((r) => [
                  r.rule,
                  r.level,
                  r.alerts,
                  r.series,
                  ratio(r.score.withEvents.precision),
                  ratio(r.score.withEvents.recall),
                  ratio(r.score.statisticsOnly.precision),
                  ratio(r.score.statisticsOnly.recall),
                  r.when
                    .slice(0, 4)
                    .map((w) => `${w.period} ${w.partner}`)
                    .join(', '),
                ]),
                [
                  'any rule',
                  '',
                  s.withEvents.alerts,
                  '',
                  ratio(s.withEvents.precision),
                  ratio(s.withEvents.recall),
                  ratio(s.statisticsOnly.precision),
                  ratio(s.statisticsOnly.recall),
                  '',
                ],
              ],
            ),
          ];
          if (report.quiet) {
            const q = report.quiet;
            lines.push(
              `quiet period ${q.from} … ${q.to}: ${q.alerts} alerts on ${q.series} series without recorded events over ${q.seriesYears.toFixed(1)} series-years = ${q.alertsPerSeriesYear.toFixed(3)} alerts per series-year`,
            );
          }
          return lines.join('\n');
        },
      );
    },
  );

  withSeriesOptions(
    ews
      .command('import')
      .argument('<file>', 'monthly series (as for scan) or Pink Sheet prices')
      .description('import monthly series (or prices) into the series store, registered in the catalog')
      .requiredOption('--dataset <id>', 'dataset id')
      .option('--title <title>', 'title')
      .option('--publisher <name>', 'publisher', 'user file')
      .option(
        '--value-unit <unit>',
        'unit of the value column of a CSV read with --map, e.g. USD, "thousand USD", "billion JPY" (default: recorded as unknown)',
      ),
  ).action(
    async (
      file: string,
      o: SeriesOptions & { dataset: string; title?: string; publisher: string; valueUnit?: string },
      cmd: Command,
    ) => {
      const ctx = context(cmd);
      const flow = o.flow ? parseFlow(o.flow, { field: 'flow' }) : undefined;
      const valueUnit = o.valueUnit === undefined ? undefined : parseValueUnit(o.valueUnit);
      const loaded = await loadSeriesFile(file, {
        map: o.map,
        reporter: o.reporter,
        flow,
        unit: o.unit,
        valueUnit,
        encoding: encodingOf(o),
      });
      const analytics = await ctx.analytics();
      const meta = { id: o.dataset, title: o.title ?? file, publisher: o.publisher };
      const entry =
        loaded.kind === 'trade'
          ? await publishMonthly(ctx.dataDir.ensure(), ctx.catalog, analytics, loaded.imported, meta)
          : await publishPrices(ctx.dataDir.ensure(), ctx.catalog, analytics, loaded.imported, meta);
      ctx.print(entry, () => `${entry.id}: ${entry.kind}, ${loadNotes(loaded)}; stored in ${entry.path}`);
    },
  );

  registerEwsItems(ews, context);
  registerEwsEvents(ews, context);
};
