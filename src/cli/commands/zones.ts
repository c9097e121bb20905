import fs from 'node:fs';
import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import type { CliContext } from '../context.ts';
import { renderTable } from '../table.ts';
import { ChokepointError } from '../../errors.ts';
import {
  assessZones,
  type AssessedEntry,
  type TechServices,
  type ZoneRequest,
  activeRuleSet,
  overrideZone,
  setActiveRuleSet,
  zoneOverrideHistory,
} from '../../data/tech/index.ts';
import { describeCondition, parseRuleSet } from '../../analysis/zones/rules.ts';
import { isZone, zoneLabel, type Zone } from '../../analysis/zones/zone.ts';
import { indicatorLabels } from '../../analysis/zones/indicators.ts';
import { intOption } from './tech.ts';

/** `chokepoint zones`: every critical good and technology in zone ①/②/③ with the rule that placed it. */
export interface ZoneCliOptions {
  reporter: string;
  rules?: string;
  entry?: string[];
  lang?: string;
  patents?: string;
  exports?: string;
  exportYear?: string;
  trade?: string;
  screen?: boolean;
  screenYear?: string;
}

export function lang(text = 'en'): 'ja' | 'en' {
  if (text !== 'ja' && text !== 'en')
    throw new ChokepointError('bad_input', `--lang must be ja or en, not "${text}"`, { field: 'lang' });
  return text;
}

export async function techServices(ctx: CliContext): Promise<TechServices> {
  return {
    dataDir: ctx.dataDir,
    catalog: ctx.catalog,
    analytics: await ctx.analytics(),
    state: await ctx.state(),
  };
}

export function readRuleFile(file: string) {
  if (!fs.existsSync(file)) throw new ChokepointError('not_found', 'no such rule file', { file });
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ChokepointError('bad_file', `not valid JSON: ${(error as Error).message}`, { file });
  }
  return parseRuleSet(raw, file);
}

export function zoneRequest(opts: ZoneCliOptions): ZoneRequest {
  return {
    reporter: opts.reporter,
    ruleSet: opts.rules ? readRuleFile(opts.rules) : undefined,
    entries: opts.entry,
    patentsDataset: opts.patents,
    exportsDataset: opts.exports,
    exportYear: intOption(opts.exportYear, 'export-year', 1900, 2200),
    screenDataset: opts.screen === false ? false : opts.trade,
    screenYear: intOption(opts.screenYear, 'screen-year', 1900, 2200),
  };
}

/** Options shared by zones, policy map and dossier. */
export function assessmentOptions(cmd: Command): Command {
  return cmd
    .option('--reporter <country>', 'reporter (ISO3 or name)', 'JPN')
    .option('--rules <file>', 'zone rule set JSON to use instead of the active one (see docs/zones.md)')
    .option('--patents <id>', 'patents dataset (default: the newest)')
    .option('--exports <id>', 'exports or trade dataset for RCA (default: newest exports, else trade)')
    .option('--export-year <year>', 'year of exports (default: latest)')
    .option('--trade <id>', 'annual trade dataset for the dependence screen (default: real data before synthetic, latest year first)')
    .option('--screen-year <year>', 'year of the screen (default: latest)')
    .option('--no-screen', 'leave the dependence screen out');
}

const pct = (x: number | null) => (x === null ? '' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null) => (x === null ? '' : x.toFixed(2));
const flag = (x: boolean | null) => (x === null ? '' : x ? 'yes' : 'no');

export function zoneText(e: AssessedEntry, l: 'ja' | 'en'): string {
  return zoneLabel(e.zone, l);
}

function table(entries: AssessedEntry[], l: 'ja' | 'en'): string {
  return renderTable(
    [
      'entry',
      'kind',
      l === 'ja' ? '名称' : 'name',
      l === 'ja' ? '領域' : 'zone',
      'by',
      'RTA',
      'RCA',
      'patent share',
      'export share',
      'dependence',
      'indisp.',
      'screen',
    ],
    entries.map((e) => [
      e.entry.id,
      e.entry.kind,
      e.entry.name[l],
      zoneText(e, l),
      e.override ? `override (${e.override.createdBy ?? '?'})` : (e.classification.rule?.id ?? '—'),
      num(e.indicators.rta),
      num(e.indicators.rca),
      pct(e.indicators.patentShare),
      pct(e.indicators.exportShare),
      flag(e.indicators.dependence),
      flag(e.indicators.indispensability),
      e.indicators.screenFlags ?? '',
    ]),
  );
}

/** The rule trace of one entry: every rule tried, its conditions with the figures, the one that fired. */
export function traceText(e: AssessedEntry, l: 'ja' | 'en'): string {
  const lines = [`${e.entry.id} — ${e.entry.name[l]}: ${zoneText(e, l)}`];
  if (e.override)
    lines.push(
      `  override by ${e.override.createdBy ?? '?'} at ${e.override.createdAt}: ${e.override.reason} (rule gave ${zoneLabel(e.classification.zone, l)})`,
    );
  for (const r of e.classification.trace) {
    lines.push(
      `  ${r.fired ? '→' : ' '} ${r.ruleId} [${zoneLabel(r.zone, l)}] ${r.fired ? 'fired' : 'not met'}`,
    );
    for (const c of r.conditions)
      lines.push(`      ${describeCondition(c)}   (${indicatorLabels[c.indicator][l]})`);
  }
  if (!e.classification.rule)
    lines.push(l === 'ja' ? '  どの規則も成立せず(分析者が判断)' : '  no rule held (an analyst decides)');
  return lines.join('\n');
}

export const registerZones: RegisterCommand = (program, context) => {
  const zones = assessmentOptions(
    program
      .command('zones')
      .description(
        'zones ① disruptive innovation ② technological advantage ③ external dependence of every critical good and technology',
      ),
  )
    .option('--entry <ids...>', 'only these entries')
    .option('--lang <ja|en>', 'language of names in the text output', 'en')
    .action(async (opts: ZoneCliOptions, cmd: Command) => {
      const ctx = context(cmd);
      const l = lang(opts.lang);
      const result = await assessZones(await techServices(ctx), zoneRequest(opts));
      ctx.print(result, () =>
        [
          `reporter ${result.reporter}; rules ${result.ruleSet.id} v${result.ruleSet.version}`,
          table(result.entries, l),
          ...result.notes.map((n) => `note: ${n[l]}`),
          'sources: ' +
            result.provenance
              .map((p) => `${p.dataset} (${p.publisher}, ${p.version}${p.synthetic ? ', SYNTHETIC' : ''})`)
              .join('; '),
        ].join('\n'),
      );
    });

  assessmentOptions(
    zones
      .command('show')
      .description('one entry: indicators and every rule tried, with the figures')
      .argument('<entry>', 'entry id'),
  )
    .option('--lang <ja|en>', 'language', 'en')
    .action(async (entry: string, opts: ZoneCliOptions, cmd: Command) => {
      const ctx = context(cmd);
      const l = lang(opts.lang);
      const result = await assessZones(await techServices(ctx), { ...zoneRequest(opts), entries: [entry] });
      const e = result.entries[0];
      ctx.print({ ...result, entries: undefined, entry: e }, () =>
        [traceText(e, l), ...result.notes.map((n) => `note: ${n[l]}`)].join('\n'),
      );
    });

  zones
    .command('override')
    .description(
      "place an entry in a zone by an analyst's decision (audited); --zone none withdraws the override",
    )
    .argument('<entry>', 'entry id')
    .requiredOption('--zone <zone>', 'disruptive | advantage | dependence | none')
    .requiredOption('--reason <text>', 'why (kept with the override and in the audit log)')
    .option('--reporter <country>', 'reporter', 'JPN')
    .option('--level <0-3>', 'marking level of the override', '0')
    .action(
      async (
        entry: string,
        opts: { zone: string; reason: string; reporter: string; level: string },
        cmd: Command,
      ) => {
        const ctx = context(cmd);
        const zone: Zone | null = opts.zone === 'none' ? null : isZone(opts.zone) ? opts.zone : null;
        if (opts.zone !== 'none' && zone === null)
          throw new ChokepointError('bad_input', '--zone must be disruptive, advantage, dependence or none', {
            field: 'zone',
          });
        const level = intOption(opts.level, 'level', 0, 3) as 0 | 1 | 2 | 3;
        const services = await techServices(ctx);
        const assessment = await assessZones(services, { reporter: opts.reporter, entries: [entry] });
        const [current] = assessment.entries;
        const override = await overrideZone(
          services.state,
          {
            entryId: entry,
            reporter: assessment.reporter,
            zone,
            reason: opts.reason,
            marking: { level, compartments: [], releasableTo: null },
            ruleZone: current.classification.zone,
            ruleId: current.classification.rule?.id ?? null,
          },
          { id: null, name: 'cli' },
        );
        ctx.print(
          override,
          () =>
            `${entry}: ${zone ? `override → ${zoneLabel(zone, 'en')}` : 'override withdrawn'} (rule: ${zoneLabel(current.classification.zone, 'en')}); audited`,
        );
      },
    );

  zones
    .command('history')
    .description('overrides of an entry, newest first')
    .argument('<entry>', 'entry id')
    .action(async (entry: string, _opts, cmd: Command) => {
      const ctx = context(cmd);
      const items = await zoneOverrideHistory(await ctx.state(), entry);
      ctx.print(items, () =>
        renderTable(
          ['at', 'reporter', 'zone', 'by', 'reason'],
          items.map((o) => [o.createdAt, o.reporter, o.zone ?? '(withdrawn)', o.createdBy, o.reason]),
        ),
      );
    });

  zones
    .command('rules')
    .description(
      'the zone rule set in use (JSON); --set FILE makes a checked file the active one, --reset restores the default',
    )
    .option('--set <file>', 'rule set JSON')
    .option('--reset', 'back to the shipped default rules')
    .action(async (opts: { set?: string; reset?: boolean }, cmd: Command) => {
      const ctx = context(cmd);
      const db = await ctx.state();
      const rules = opts.reset
        ? await setActiveRuleSet(db, null, 'cli')
        : opts.set
          ? await setActiveRuleSet(db, readRuleFile(opts.set), 'cli')
          : await activeRuleSet(db);
      process.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
    });
};
