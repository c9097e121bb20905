import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { renderTable } from '../table.ts';
import { ChokepointError } from '../../errors.ts';
import { exposureReport, type ExposureReport } from '../../data/maritime/index.ts';
import { defaultFreightOptions } from '../../analysis/maritime/freightRules.ts';
import { defaultSpeedKnots } from '../../analysis/maritime/route.ts';

interface ExposureOptions {
  reporter: string;
  year: string;
  hs?: string;
  closed?: string;
  open?: string;
  speedKnots: string;
  dataset?: string;
  airThreshold: string;
  airProducts?: string;
  top: string;
  products: string;
}

/** `chokepoint exposure --reporter JPN --year 2024 [--hs 850511] [--closed ormuz]`. */
export function registerExposure(program: Command, context: (cmd: Command) => CliContext): void {
  program
    .command('exposure')
    .description("share of a reporter's import value passing each maritime chokepoint, and a closure what-if")
    .requiredOption('--reporter <country>', 'importing country: ISO3 (JPN), ISO2 or name')
    .requiredOption('--year <year>', 'year of the trade data')
    .option('--hs <code>', 'one product (HS6) or an HS prefix (2–6 digits); all products when absent')
    .option(
      '--closed <passages>',
      'passages closed in the what-if, comma-separated (e.g. ormuz,malacca) or all',
    )
    .option('--open <passages>', 'open passages closed by default (northwest)')
    .option(
      '--speed-knots <knots>',
      `speed for days at sea (default ${defaultSpeedKnots})`,
      String(defaultSpeedKnots),
    )
    .option('--dataset <id>', 'annual trade dataset (default: the first holding --year: real data before synthetic, latest year first)')
    .option(
      '--air-threshold <usdPerTonne>',
      'value per tonne above which a flow is assumed air-freighted',
      String(defaultFreightOptions.airValuePerTonneUsd),
    )
    .option(
      '--air-products <prefixes>',
      `HS prefixes always air-freighted (default ${defaultFreightOptions.airProducts.join(',')})`,
    )
    .option('--top <n>', 'rows per table in the text output', '10')
    .option('--products <n>', 'largest products broken down by passage in --json output', '200')
    .action(async (opts: ExposureOptions, cmd: Command) => {
      const ctx = context(cmd);
      const number = (v: string, field: string): number => {
        const n = Number(v);
        if (!Number.isFinite(n))
          throw new ChokepointError('bad_input', `--${field} must be a number, not "${v}"`, { field });
        return n;
      };
      const report = await exposureReport(
        { dataDir: ctx.dataDir, catalog: ctx.catalog, analytics: await ctx.analytics() },
        {
          reporter: opts.reporter,
          year: number(opts.year, 'year'),
          hs: opts.hs,
          closed: opts.closed,
          open: opts.open,
          speedKnots: number(opts.speedKnots, 'speed-knots'),
          tradeDataset: opts.dataset,
          productsWithPassages: number(opts.products, 'products'),
          freight: {
            airValuePerTonneUsd: number(opts.airThreshold, 'air-threshold'),
            ...(opts.airProducts !== undefined
              ? {
                  airProducts: opts.airProducts
                    .split(',')
                    .map((s) => s.trim())
                    .filter(Boolean),
                }
              : {}),
          },
        },
      );
      ctx.print(report, () => render(report, Math.max(1, number(opts.top, 'top'))));
    });
}

const musd = (kusd: number): string => (kusd / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 });
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function render(r: ExposureReport, top: number): string {
  const name = (id: string) => r.passageNames[id] ?? { en: id, ja: id };
  const partner = (code: string) => r.partnerNames[code]?.en ?? code;
  const out = [
    `${r.synthetic ? 'SYNTHETIC DATA — ' : ''}Chokepoint exposure of ${r.reporter.en} (${r.reporter.ja}) imports, ${r.year}` +
      `${r.hs ? `, HS ${r.hs}` : ', all products'}: ${musd(r.totalValueKusd)} million USD, of which sea-routed ${musd(r.seaValueKusd)}`,
    `arrival ports: ${r.reporterPorts.join(', ') || 'none'}; speed ${r.speedKnots} knots`,
    '',
    renderTable(
      ['freight rule', 'value (M USD)', 'flows'],
      r.byRule.map((x) => [`${x.rule}: ${x.en}`, musd(x.valueKusd), x.flows]),
    ),
    '',
    renderTable(
      ['passage', 'name', '名称', 'value (M USD)', 'share of imports', 'of sea imports', 'largest flow'],
      r.passages.map((p) => [
        p.passage,
        name(p.passage).en,
        name(p.passage).ja,
        musd(p.valueKusd),
        pct(p.shareOfImports),
        pct(p.shareOfSeaImports),
        p.topFlows[0]
          ? `${partner(p.topFlows[0].partner)} HS ${p.topFlows[0].product} ${musd(p.topFlows[0].valueKusd)}`
          : '',
      ]),
    ),
  ];
  if (r.scenario) {
    const s = r.scenario;
    out.push(
      '',
      `What-if: ${s.closed.map((id) => name(id).en).join(', ')} closed — affected imports ${musd(s.affectedValueKusd)} million USD ` +
        `(${pct(r.totalValueKusd ? s.affectedValueKusd / r.totalValueKusd : 0)}), with no sea route left ${musd(s.noRouteValueKusd)} million USD` +
        (s.meanExtraDays !== null ? `, rerouted value-weighted +${s.meanExtraDays.toFixed(1)} days` : ''),
      renderTable(
        ['partner', 'affected (M USD)', 'route now', 'rerouted', 'extra km', 'extra days'],
        r.partners
          .filter((p) => p.scenario && p.scenario.affectedValueKusd > 0)
          .sort((a, b) => b.scenario!.affectedValueKusd - a.scenario!.affectedValueKusd)
          .slice(0, top)
          .map((p) => [
            partner(p.partner),
            musd(p.scenario!.affectedValueKusd),
            p.route ? `${p.route.fromPort}→${p.route.toPort} ${p.route.passages.join('>')}` : '',
            p.scenario!.route ? p.scenario!.route.passages.join('>') || '(none)' : 'NO SEA ROUTE',
            p.scenario!.extraKm !== null ? Math.round(p.scenario!.extraKm).toLocaleString('en-US') : '',
            p.scenario!.extraDays !== null ? p.scenario!.extraDays.toFixed(1) : '',
          ]),
      ),
    );
  }
  out.push(
    '',
    renderTable(
      ['partner', 'value (M USD)', 'route', 'km', 'days'],
      r.partners
        .slice(0, top)
        .map((p) => [
          partner(p.partner),
          musd(p.valueKusd),
          p.route
            ? `${p.route.fromPort}→${p.route.toPort} ${p.route.passages.join('>')}`
            : Object.keys(p.byRule).join(','),
          p.route ? Math.round(p.route.distanceKm).toLocaleString('en-US') : '',
          p.route ? p.route.days.toFixed(1) : '',
        ]),
    ),
    '',
    `sources: ${r.provenance.trade.title} ${r.provenance.trade.version}${r.synthetic ? ' (SYNTHETIC)' : ''}; ${r.provenance.network.title} ${r.provenance.network.version}`,
  );
  return out.join('\n');
}
