import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { renderTable } from '../table.ts';
import { intOption } from './tech.ts';
import { screenServices } from './screen.ts';
import { registryActor } from './critical.ts';
import {
  alternativePartners,
  assessmentHistory,
  coercionReport,
  importSurges,
  leakageReport,
  mineralChainReport,
  monthlySurges,
  recordAssessment,
  riskRegisterView,
  supplierPush,
  type Direction,
  type EvidenceItem,
} from '../../data/identification/index.ts';
import { isRiskLevel, isRiskTypeId, riskTypes, type RiskLevel } from '../../analysis/risks/riskTypes.ts';
import { ChokepointError } from '../../errors.ts';
import { getRegistryEntry } from '../../data/reference/index.ts';

/**
 * `chokepoint identify …`: identification beyond disruption (issue 25, docs/identification.md) — coercion
 * exposure and alternative markets, overcapacity signals, mine ▸ refine ▸ trade, leakage, and the risk register.
 * Every command takes --json; tables show USD millions and shares in per cent.
 */
const pct = (x: number | null | undefined) => (x === null || x === undefined ? '' : `${(x * 100).toFixed(1)}%`);
const musd = (x: number) => (x / 1e6).toFixed(1);
const num = (x: number | null | undefined, digits = 2) => (x === null || x === undefined ? '' : x.toFixed(digits));
const codes = (text?: string) => (text ? text.split(',').map((c) => c.trim()).filter(Boolean) : undefined);

function yearOf(text: string): number {
  return intOption(text, 'year', 1950, 2100)!;
}

function directionOf(text = 'exports'): Direction {
  if (text !== 'exports' && text !== 'imports')
    throw new ChokepointError('bad_input', `--direction must be exports or imports, not "${text}"`, { field: 'direction' });
  return text;
}

function shareOption(text: string | undefined, field: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new ChokepointError('bad_input', `--${field} must be a number ≥ 0`, { field });
  return n;
}

export const registerIdentify: RegisterCommand = (program, context) => {
  const identify = program
    .command('identify')
    .description('identification beyond disruption: coercion, overcapacity, mine ▸ refine ▸ trade, leakage, risk register (威圧・過剰生産・リスク台帳)');

  identify
    .command('coercion')
    .description('a reporter’s exports to (or imports from) a coercer by product: reliance and how replaceable it is')
    .requiredOption('--reporter <party>', 'ISO3 or group')
    .option('--coercer <party>', 'ISO3 or group (default CONCERN)')
    .requiredOption('--year <year>')
    .option('--direction <dir>', 'exports (import ban) or imports (export cut)', 'exports')
    .option('--hs <codes>', 'only these HS6 codes, comma-separated')
    .option('--critical', 'only the HS6 codes of the registry’s entries in force')
    .option('--dataset <id>')
    .option('--min-coercer-share <x>', 'reliant at this share (default 0.5)')
    .option('--max-absorption <x>', 'hard to replace at this share of the open market (default 0.1)')
    .option('--max-alternative-hhi <x>', 'hard to replace at this HHI of the alternatives (default 0.4)')
    .action(async (opts, cmd: Command) => {
      const ctx = context(cmd);
      const parameters = Object.fromEntries(
        (
          [
            ['minCoercerShare', shareOption(opts.minCoercerShare, 'min-coercer-share')],
            ['maxAbsorption', shareOption(opts.maxAbsorption, 'max-absorption')],
            ['maxAlternativeHhi', shareOption(opts.maxAlternativeHhi, 'max-alternative-hhi')],
          ] as const
        ).filter(([, v]) => v !== undefined),
      );
      const r = await coercionReport(await screenServices(ctx), {
        dataset: opts.dataset,
        reporter: opts.reporter,
        coercer: opts.coercer,
        year: yearOf(opts.year),
        direction: directionOf(opts.direction),
        hs: codes(opts.hs),
        critical: Boolean(opts.critical),
        parameters,
      });
      ctx.print(r, () =>
        [
          `${r.reporter.id} ${r.direction} ${r.direction === 'exports' ? 'to' : 'from'} ${r.coercer.id}, ${r.year}: ` +
            `${r.counts.products} products, ${r.counts.atRisk} at risk 要注意 (${musd(r.atRiskUsd)} M USD)`,
          renderTable(
            ['hs6', 'with coercer M USD', 'coercer share', 'absorption', 'alt. HHI', 'RCA', 'at risk', 'label'],
            r.items.map((i) => [
              i.hs6,
              musd(i.withCoercerUsd),
              pct(i.coercerShare),
              pct(i.absorption),
              num(i.alternativeHhi, 3),
              num(i.rca),
              i.atRisk ? 'yes' : '',
              i.labelEn,
            ]),
          ),
          ...r.notes.map((n) => `note: ${n.en} / ${n.ja}`),
          `source: ${r.provenance.title} ${r.provenance.version}`,
        ].join('\n'),
      );
    });

  identify
    .command('alternatives')
    .description('other importers (exports) or exporters (imports) of one product, ranked by headroom (代替市場)')
    .requiredOption('--reporter <party>')
    .option('--coercer <party>', 'ISO3 or group (default CONCERN)')
    .requiredOption('--year <year>')
    .requiredOption('--hs6 <code>')
    .option('--direction <dir>', 'exports or imports', 'exports')
    .option('--years <n>', 'growth over n years (default 3)')
    .option('--min-growth <x>', 'only partners growing at least this fast a year')
    .option('--limit <n>', 'default 25')
    .option('--dataset <id>')
    .action(async (opts, cmd: Command) => {
      const ctx = context(cmd);
      const minGrowth = opts.minGrowth === undefined ? undefined : Number(opts.minGrowth);
      if (minGrowth !== undefined && !Number.isFinite(minGrowth))
        throw new ChokepointError('bad_input', '--min-growth must be a number', { field: 'min-growth' });
      const r = await alternativePartners(await screenServices(ctx), {
        dataset: opts.dataset,
        reporter: opts.reporter,
        coercer: opts.coercer,
        year: yearOf(opts.year),
        hs6: opts.hs6,
        direction: directionOf(opts.direction),
        years: intOption(opts.years, 'years', 1, 20),
        minGrowth,
        limit: intOption(opts.limit, 'limit', 1, 250),
      });
      ctx.print(r, () =>
        [
          `alternatives for ${r.reporter.id}, HS ${r.hs6}, ${r.year} (growth from ${r.fromYear ?? '—'}), without ${r.coercer.id}`,
          renderTable(
            ['#', 'country', 'M USD', 'headroom M USD', 'reporter share', 'coercer share', 'growth/yr', 'groups'],
            r.items.map((i) => [
              String(i.rank),
              i.country,
              musd(i.value),
              musd(i.headroom),
              pct(i.reporterShare),
              pct(i.coercerShare),
              pct(i.growth),
              i.groups.join(' '),
            ]),
          ),
        ].join('\n'),
      );
    });

  identify
    .command('surges')
    .description('import surges at falling unit values, this year against last (単価下落を伴う輸入急増)')
    .requiredOption('--reporter <party>')
    .option('--supplier <party>', 'only imports from this country or group')
    .requiredOption('--year <year>')
    .option('--hs <codes>')
    .option('--critical')
    .option('--dataset <id>')
    .action(async (opts, cmd: Command) => {
      const ctx = context(cmd);
      const r = await importSurges(await screenServices(ctx), {
        dataset: opts.dataset,
        reporter: opts.reporter,
        supplier: opts.supplier,
        year: yearOf(opts.year),
        hs: codes(opts.hs),
        critical: Boolean(opts.critical),
      });
      ctx.print(r, () =>
        [
          `${r.reporter.id} imports${r.supplier ? ` from ${r.supplier.id}` : ''}, ${r.year} vs ${r.baseYear}: ` +
            `${r.counts.surges} surges of ${r.counts.products} products (${r.counts.noQuantity} without quantities)`,
          renderTable(
            ['hs6', 'M USD', 'value', 'volume', 'unit value', 'surge', 'why not judged'],
            r.items.map((i) => [
              i.hs6,
              musd(i.value),
              pct(i.valueGrowth),
              pct(i.volumeGrowth),
              pct(i.unitValueChange),
              i.surge ? 'yes' : '',
              i.missing ?? '',
            ]),
          ),
        ].join('\n'),
      );
    });

  identify
    .command('surges-monthly')
    .description('surges at falling unit values in a monthly series, rolling twelve months')
    .requiredOption('--dataset <id>')
    .requiredOption('--reporter <code>')
    .requiredOption('--hs <product>', 'as stored in the dataset')
    .option('--flow <flow>', 'import or export', 'import')
    .option('--partner <code>', 'one partner (default all summed)')
    .action(async (opts, cmd: Command) => {
      const ctx = context(cmd);
      if (opts.flow !== 'import' && opts.flow !== 'export')
        throw new ChokepointError('bad_input', '--flow must be import or export', { field: 'flow' });
      const r = await monthlySurges(await screenServices(ctx), {
        dataset: opts.dataset,
        reporter: opts.reporter,
        flow: opts.flow,
        hs: opts.hs,
        partner: opts.partner,
      });
      ctx.print(r, () =>
        [
          `${r.reporter} ${r.flow} of ${r.hs}${r.partner ? ` with ${r.partner}` : ''}: surges in ${r.surges.join(', ') || 'no month'}`,
          renderTable(
            ['month', 'volume', 'unit value', 'surge'],
            r.points.map((p) => [p.period, pct(p.volumeGrowth), pct(p.unitValueChange), p.surge ? 'yes' : '']),
          ),
        ].join('\n'),
      );
    });

  identify
    .command('supplier-push')
    .description('suppliers’ world export share growth against world demand growth for one product')
    .requiredOption('--hs6 <code>')
    .requiredOption('--year <year>')
    .option('--years <n>', 'compare with n years before (default 3)')
    .option('--limit <n>')
    .option('--dataset <id>')
    .action(async (opts, cmd: Command) => {
      const ctx = context(cmd);
      const r = await supplierPush(await screenServices(ctx), {
        dataset: opts.dataset,
        hs6: opts.hs6,
        year: yearOf(opts.year),
        years: intOption(opts.years, 'years', 1, 20),
        limit: intOption(opts.limit, 'limit', 1, 250),
      });
      ctx.print(r, () =>
        [
          `HS ${r.hs6}, ${r.fromYear} → ${r.year}: world ${musd(r.worldUsd.from)} → ${musd(r.worldUsd.to)} M USD`,
          renderTable(
            ['supplier', 'share then', 'share now', 'excess growth/yr', 'share effect M USD', 'push'],
            r.items.map((i) => [
              i.supplier,
              pct(i.share0),
              pct(i.share1),
              pct(i.excessGrowth),
              i.shareEffect === null ? '' : musd(i.shareEffect),
              i.push ? 'yes' : '',
            ]),
          ),
        ].join('\n'),
      );
    });

  identify
    .command('mineral-chains')
    .description('mine ▸ refine ▸ trade: concentration at each stage for seven minerals (採掘▸精錬▸貿易)')
    .requiredOption('--reporter <party>')
    .requiredOption('--year <year>')
    .option('--mineral <ids>', 'lithium,nickel,cobalt,graphite,rare-earths,gallium,germanium')
    .option('--dataset <id>')
    .action(async (opts, cmd: Command) => {
      const ctx = context(cmd);
      const r = await mineralChainReport(await screenServices(ctx), {
        dataset: opts.dataset,
        reporter: opts.reporter,
        year: yearOf(opts.year),
        minerals: codes(opts.mineral),
      });
      ctx.print(r, () =>
        r.items
          .map((m) =>
            [
              `${m.en} / ${m.ja} (HS ${m.refinedHs.join(', ')}): bottleneck ${m.bottleneck ?? '—'}`,
              renderTable(
                ['stage', 'HHI', 'leader', 'leader share', 'countries to 75 %'],
                m.stages.map((s) => [s.stage, num(s.hhi, 3), s.leader ?? '', pct(s.leaderShare), String(s.countriesTo75 ?? '')]),
              ),
              ...m.notes.map((n) => `note: ${n.en}`),
            ].join('\n'),
          )
          .join('\n\n'),
      );
    });

  identify
    .command('leakage')
    .description('share of sales to like-minded partners that could pass on to countries of concern (同志国経由の流出)')
    .requiredOption('--reporter <party>')
    .requiredOption('--year <year>')
    .requiredOption('--hs <codes>')
    .option('--via <party>', 'default LIKE_MINDED')
    .option('--concern <party>', 'default CONCERN')
    .option('--dataset <id>')
    .action(async (opts, cmd: Command) => {
      const ctx = context(cmd);
      const r = await leakageReport(await screenServices(ctx), {
        dataset: opts.dataset,
        reporter: opts.reporter,
        via: opts.via,
        concern: opts.concern,
        year: yearOf(opts.year),
        hs: codes(opts.hs) ?? [],
      });
      ctx.print(r, () =>
        renderTable(
          ['hs6', 'to partners M USD', 'could pass on M USD', 'share'],
          r.items.map((i) => [i.hs6, musd(i.fromReporter), musd(i.passThroughValue), pct(i.passThroughShare)]),
        ),
      );
    });

  const risks = identify.command('risks').description('the risk register: four risk types per good and technology (リスク台帳)');
  risks
    .command('list')
    .requiredOption('--reporter <code>')
    .option('--entry <id>')
    .action(async (opts, cmd: Command) => {
      const ctx = context(cmd);
      const rows = await riskRegisterView(await ctx.state(), opts.reporter, { entryId: opts.entry });
      ctx.print({ reporter: opts.reporter, items: rows }, () =>
        renderTable(
          ['entry', ...riskTypes.map((t) => `${t.en} / ${t.ja}`)],
          rows.map((r) => [r.entry.id, ...r.risks.map((c) => c.assessment?.level ?? '')]),
        ),
      );
    });
  risks
    .command('assess')
    .description('record a judgement (level none withdraws it), audited')
    .requiredOption('--reporter <code>')
    .requiredOption('--entry <id>')
    .requiredOption('--risk <type>', riskTypes.map((t) => t.id).join(' | '))
    .requiredOption('--level <level>', 'low | medium | high | critical | none')
    .requiredOption('--judgement <text>')
    .option('--evidence <ref...>', 'API paths (/api/…), URLs, or note:text')
    .action(async (opts, cmd: Command) => {
      const ctx = context(cmd);
      if (!isRiskTypeId(opts.risk))
        throw new ChokepointError('bad_input', `--risk must be one of ${riskTypes.map((t) => t.id).join(', ')}`, { field: 'risk' });
      const level: RiskLevel | null = opts.level === 'none' ? null : opts.level;
      if (level !== null && !isRiskLevel(level))
        throw new ChokepointError('bad_input', '--level must be low, medium, high, critical or none', { field: 'level' });
      const evidence: EvidenceItem[] = ((opts.evidence as string[] | undefined) ?? []).map((e) =>
        e.startsWith('note:')
          ? { kind: 'note', ref: '', note: e.slice(5) }
          : { kind: e.startsWith('/api/') ? 'analysis' : 'link', ref: e, note: '' },
      );
      const db = await ctx.state();
      const entry = await getRegistryEntry(db, opts.entry);
      const saved = await recordAssessment(
        db,
        { entryId: entry.id, reporter: opts.reporter, riskType: opts.risk, level, judgement: opts.judgement, evidence, marking: entry.marking },
        registryActor(),
      );
      ctx.print(saved, () => `recorded #${saved.id}: ${saved.entryId} ${saved.riskType} ${saved.level ?? 'withdrawn'}`);
    });
  risks
    .command('history')
    .requiredOption('--reporter <code>')
    .requiredOption('--entry <id>')
    .action(async (opts, cmd: Command) => {
      const ctx = context(cmd);
      const items = await assessmentHistory(await ctx.state(), opts.reporter, opts.entry);
      ctx.print({ items }, () =>
        renderTable(
          ['#', 'at', 'by', 'risk', 'level', 'judgement'],
          items.map((a) => [String(a.id), a.createdAt, a.createdBy ?? '', a.riskType, a.level ?? 'withdrawn', a.judgement]),
        ),
      );
    });
};
