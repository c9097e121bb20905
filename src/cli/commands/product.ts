import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { renderTable } from '../table.ts';
import { parseLang, parseThresholds, parseYear, screenServices } from './screen.ts';
import { productDossier, type ProductDossier, mineralView } from '../../data/screening/index.ts';
import { methods } from '../../analysis/methods/index.ts';
import { countryByIso3, countryName } from '../../data/reference/index.ts';

interface ProductOptions {
  reporter: string;
  year: string;
  dataset?: string;
  partner?: string;
  threshold?: string[];
  lang?: string;
}

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '' : `${(x * 100).toFixed(1)}%`);
const musd = (x: number) => (x / 1e6).toFixed(2);

function name(iso3: string, lang: 'en' | 'ja'): string {
  const c = countryByIso3(iso3);
  return c ? `${iso3} ${countryName(c, lang)}` : iso3;
}

function human(d: ProductDossier & { minerals?: Awaited<ReturnType<typeof mineralView>> }, lang: 'en' | 'ja'): string {
  const y = d.years.find((x) => x.year === d.year);
  const out: string[] = [];
  if (d.provenance.synthetic) out.push('*** SYNTHETIC DATA — not real trade / 合成データ ***');
  out.push(`${d.hs6}  ${d.labelEn}\n        ${d.labelJa}`);
  out.push(`reporter ${d.reporter}${d.reporterMembers.length > 1 ? ` (${d.reporterMembers.length} members, trade inside the group excluded)` : ''}, year ${d.year}` +
    (d.critical.length ? `; critical good: ${d.critical.join(', ')}` : ''));
  if (!y) out.push(`${d.reporter} imported none in ${d.year}.`);
  else {
    out.push(
      `imports USD ${musd(y.importValueUsd)} m from ${y.supplierCount} suppliers; HHI ${y.hhi.toFixed(3)}; top-3 ${pct(y.top3Share)}; ` +
        `${y.countriesTo75} countries to 75 %; concern ${pct(y.concernShare)}; like-minded ${pct(y.likeMindedShare)}; ` +
        `exports USD ${musd(y.exportValueUsd)} m; M/X ${y.noExports ? 'no exports (9999)' : y.importExportRatio.toFixed(2)}`,
    );
    out.push(renderTable(['supplier', 'USD m', 'share'], y.suppliers.slice(0, 15).map((s) => [name(s.partner, lang), musd(s.valueUsd), pct(s.share)])));
  }
  out.push('verdicts:');
  for (const v of d.verdicts) {
    const m = methods.find((x) => x.id === v.method)!;
    const numbers = v.criteria.map((c) => `${c.label[lang]} ${c.value === null ? 'n/a' : Number(c.value.toFixed(4))} ${c.op} ${c.threshold} ${c.met ? '✓' : '✗'}`).join('; ');
    const persist = v.persistence ? ` [${v.persistence.met} of ${v.persistence.of} years: ${v.persistence.metYears.join(', ') || 'none'}]` : '';
    out.push(`  ${v.flagged ? 'FLAG' : ' -  '} ${m.name[lang]}: ${numbers}${persist}`);
  }
  out.push(
    renderTable(
      ['year', 'imports USD m', 'top supplier', 'share', 'HHI', 'world HHI', 'M/X'],
      d.years.map((x) => [x.year, musd(x.importValueUsd), x.topSupplier, pct(x.topShare), x.hhi.toFixed(3), x.worldExportHhi?.toFixed(3), x.noExports ? 'no exp.' : x.importExportRatio.toFixed(2)]),
    ),
  );
  if (d.importTrend.growth !== null) out.push(`import trend ${d.importTrend.years[0]}–${d.importTrend.years.at(-1)}: ${pct(d.importTrend.growth)} a year (log-linear)`);
  out.push(`world exporters ${d.year}: ` + d.worldExporters.slice(0, 8).map((w) => `${w.partner} ${pct(w.share)}`).join(', '));
  if (d.minerals?.length) {
    for (const m of d.minerals) {
      const production = m.topProducer
        ? `top producer ${m.topProducer} ${pct(m.topProducerShare)} (${m.productionYear})`
        : 'USGS publishes no production figures by country';
      out.push(
        `mine ▸ refine ▸ trade — ${m.commodity}, ${m.stage} (USGS MCS2025): ${production}; top exporter ${m.topExporter ?? 'n/a'} ${pct(m.topExporterShare)} (${m.tradeYear})` +
          (m.exporterIsNotProducer ? '  ⚠ top exporter is not the top producer' : ''),
      );
    }
  }
  out.push(`source: ${d.provenance.title}, dataset ${d.provenance.dataset} version ${d.provenance.version}`);
  return out.join('\n');
}

/** `chokepoint product <hs6>`: the dossier of one product for one reporter. */
export const registerProduct: RegisterCommand = (program, context) => {
  program
    .command('product')
    .description('product dossier: suppliers over the years, world exporters, exports, every method’s verdict')
    .argument('<hs6>', 'HS6 code, e.g. 811292')
    .requiredOption('--reporter <code>', 'ISO3, country name or group (EU27 …)')
    .requiredOption('--year <year>', 'year, e.g. 2024')
    .option('--dataset <id>', 'annual trade dataset (default: the first holding --year: real data before synthetic, latest year first)')
    .option('--partner <code>', 'named partner for the majority method, e.g. CHN')
    .option('--threshold <name=value...>', 'override thresholds: method.name=value')
    .option('--lang <ja|en>', 'language of the text output', 'en')
    .addHelpText('after', '\nExample:\n  chokepoint product 811292 --reporter JPN --year 2024 --lang ja')
    .action(async (hs6: string, opts: ProductOptions, cmd: Command) => {
      const ctx = context(cmd);
      const services = await screenServices(ctx);
      const dossier = await productDossier(services, {
        hs6,
        reporter: opts.reporter,
        year: parseYear(opts.year),
        dataset: opts.dataset,
        partner: opts.partner,
        thresholds: parseThresholds(opts.threshold),
      });
      const minerals = await mineralView(services, hs6, parseYear(opts.year), dossier.provenance.dataset);
      const lang = parseLang(opts.lang);
      ctx.print({ ...dossier, minerals }, () => human({ ...dossier, minerals }, lang));
    });
};
