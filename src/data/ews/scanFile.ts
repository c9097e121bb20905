import fs from 'node:fs';
import path from 'node:path';
import { ChokepointError } from '../../errors.ts';
import { packageRoot } from '../../packageRoot.ts';
import { buildPanel, type Flow, type SeriesPanel } from '../../analysis/ews/panel.ts';
import { computeIndicators, type PanelIndicators, type PriceSeries } from '../../analysis/ews/indicators.ts';
import {
  defaultRuleSet,
  evaluateRules,
  parseRuleSet,
  type Alert,
  type RuleSet,
} from '../../analysis/ews/rules.ts';
import { pricePanel } from '../../analysis/ews/pricePanel.ts';
import { periodIndex } from '../../analysis/ews/period.ts';
import type { RecordedEvent } from '../../analysis/ews/events.ts';
import { importMonthlyCsv, parseColumnMap } from '../importers/monthlyCsv.ts';
import { importCustomsJapan } from '../importers/customsJapan.ts';
import { importComtradeMonthly } from '../importers/comtradeMonthly.ts';
import { importPinkSheet, type PriceImport } from '../importers/pinksheet.ts';
import { importEvents } from '../importers/events.ts';
import type { MonthlyImport } from './monthlyImport.ts';
import { priceLinks } from './priceLinks.ts';
import { readSourceText } from './monthlyImport.ts';
import type { ValueUnit } from './valueUnit.ts';
import type { TextEncoding } from '../importers/textEncoding.ts';

/** What `ews scan FILE` reads: the format is recognised from the file (or given by --map for any CSV). */
export interface LoadOptions {
  map?: string;
  reporter?: string;
  flow?: Flow;
  unit?: string;
  /** `--value-unit` of a CSV read with --map (other formats carry their unit). */
  valueUnit?: ValueUnit;
  /** `--encoding` of a CSV file; else textEncoding.ts decides. */
  encoding?: TextEncoding;
}

export type LoadedFile =
  { kind: 'trade'; imported: MonthlyImport } | { kind: 'prices'; imported: PriceImport };

export async function loadSeriesFile(file: string, options: LoadOptions = {}): Promise<LoadedFile> {
  if (!fs.existsSync(file)) throw new ChokepointError('not_found', `no file ${file}`, { file });
  if (options.valueUnit && !options.map)
    throw new ChokepointError(
      'bad_input',
      '--value-unit is for a CSV read with --map; Japan Customs and Comtrade files carry their unit',
      { field: 'value-unit' },
    );
  if (file.toLowerCase().endsWith('.xlsx')) return { kind: 'prices', imported: await importPinkSheet(file) };
  if (options.map) {
    return {
      kind: 'trade',
      imported: importMonthlyCsv(file, {
        map: parseColumnMap(options.map),
        reporter: options.reporter,
        flow: options.flow,
        unit: options.unit,
        valueUnit: options.valueUnit,
        encoding: options.encoding,
      }),
    };
  }
  const { encoding } = options;
  const head = readSourceText(file, encoding).text.slice(0, 4096);
  if (/^\s*[[{]/.test(head)) return { kind: 'trade', imported: importComtradeMonthly(file, encoding) };
  const firstLine = head.split(/\r?\n/)[0].replace(/^\uFEFF/, '');
  const columns = firstLine.split(',').map((c) => c.replaceAll('"', '').trim());
  if (columns[0] === 'Exp or Imp') return { kind: 'trade', imported: importCustomsJapan(file, encoding) };
  if (columns.includes('freqCode') && columns.includes('cmdCode'))
    return { kind: 'trade', imported: importComtradeMonthly(file, encoding) };
  if (columns[0] === 'month')
    return { kind: 'prices', imported: await importPinkSheet(file, undefined, encoding) };
  throw new ChokepointError(
    'bad_input',
    `cannot tell the format of ${path.basename(file)} (columns: ${columns.slice(0, 8).join(', ')}…); map its columns with --map period=…,partner=…,hs=…,value=…[,quantity=…] --reporter ISO3 --flow import|export`,
    { file },
  );
}

export function priceSeriesOf(imported: PriceImport): PriceSeries[] {
  const bySeries = new Map<string, { period: string; value: number }[]>();
  for (const r of imported.rows) {
    let list = bySeries.get(r.series);
    if (!list) bySeries.set(r.series, (list = []));
    list.push(r);
  }
  const out: PriceSeries[] = [];
  for (const info of imported.series) {
    const list = bySeries.get(info.code);
    if (!list?.length) continue;
    list.sort((a, b) => a.period.localeCompare(b.period));
    const start = periodIndex(list[0].period);
    const values = new Float64Array(periodIndex(list[list.length - 1].period) - start + 1).fill(NaN);
    for (const r of list) values[periodIndex(r.period) - start] = r.value;
    out.push({
      code: info.code,
      name: info.name,
      unit: info.unit,
      start,
      values,
      hs: priceLinks[info.code] ?? [],
    });
  }
  return out;
}

/** The seed list of recorded export-control events shipped with chokepoint (with sources). */
export const seedEventsFile = path.join(packageRoot(), 'src', 'data', 'ews', 'seedEvents.csv');

export function seedEvents(): RecordedEvent[] {
  return importEvents(seedEventsFile);
}

export function loadRuleSet(file?: string): RuleSet {
  if (!file) return defaultRuleSet;
  if (!fs.existsSync(file)) throw new ChokepointError('not_found', `no rule set file ${file}`, { file });
  return parseRuleSet(fs.readFileSync(file, 'utf8'), path.basename(file));
}

export interface Scan {
  panel: SeriesPanel;
  indicators: PanelIndicators;
  alerts: Alert[];
  ruleSet: RuleSet;
}

/** Scans loaded series: indicators for the whole history, rules on [from, to] (default: the latest month). */
export function scanLoaded(
  loaded: LoadedFile,
  options: {
    ruleSet?: RuleSet;
    events?: RecordedEvent[];
    prices?: PriceSeries[];
    from?: string;
    to?: string;
    all?: boolean;
  },
): Scan {
  const ruleSet = options.ruleSet ?? defaultRuleSet;
  let panel: SeriesPanel;
  let indicators: PanelIndicators | undefined;
  if (loaded.kind === 'prices') {
    ({ panel, indicators } = pricePanel(priceSeriesOf(loaded.imported)));
  } else {
    panel = buildPanel(loaded.imported.rows, {
      file: loaded.imported.file.name,
      missing: loaded.imported.missing,
    });
  }
  const last = panel.months - 1;
  const from = options.all
    ? 0
    : options.from
      ? periodIndex(options.from, { field: 'from' }) - panel.start
      : options.to
        ? periodIndex(options.to, { field: 'to' }) - panel.start
        : last;
  const to = options.all ? last : options.to ? periodIndex(options.to, { field: 'to' }) - panel.start : last;
  if (loaded.kind === 'trade') {
    indicators = computeIndicators(
      panel,
      ruleSet.parameters,
      options.events ?? [],
      options.prices ?? [],
      undefined,
      Math.max(0, from),
    );
  }
  return {
    panel,
    indicators: indicators!,
    alerts: evaluateRules(panel, indicators!, ruleSet, from, to),
    ruleSet,
  };
}
