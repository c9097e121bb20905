import type { Row } from '../analytics/store.ts';
import { SqlBuilder } from '../analytics/sqlBuilder.ts';
import { countryByBaciCode } from '../reference/countries.ts';
import { criticalHsCodes } from '../reference/criticalGoodsRegistry.ts';
import { resolveScreen, type ResolvedScreen, type ScreenProvenance, type ScreenRequest, type ScreenServices } from './screen.ts';
import { shares } from '../../analysis/shares.ts';
import { hhi } from '../../analysis/hhi.ts';
import { topShares } from '../../analysis/topShares.ts';
import { countriesTo } from '../../analysis/countriesTo.ts';
import { groupShare } from '../../analysis/groupShare.ts';
import { importExportRatio } from '../../analysis/importExportRatio.ts';
import { unitValue } from '../../analysis/unitValue.ts';
import { logLinearTrend, type Trend } from '../../analysis/trend.ts';
import type { Indicators, Verdict } from '../../analysis/methods/method.ts';
import { ChokepointError } from '../../errors.ts';

/**
 * The dossier of one product for one reporter (CLI `chokepoint product`, API /api/products/:hs6): suppliers with
 * values and shares in every year of the dataset, world exporters, the reporter's exports, the indicators per
 * year computed with the pure functions of src/analysis/, and every method's verdict with the numbers behind it.
 */
export interface DossierSupplier {
  partner: string;
  valueUsd: number;
  share: number;
}

export interface DossierYear extends Indicators {
  suppliers: DossierSupplier[];
  top3Share: number;
  supplierCount: number;
  countriesTo75: number;
  concernShare: number;
  likeMindedShare: number;
  exportValueUsd: number;
  noExports: boolean;
  unitValueUsdPerTonne: number | null;
  worldExportValueUsd: number;
  topWorldExporter: string | null;
  topWorldExporterShare: number | null;
}

export interface ProductDossier {
  hs6: string;
  labelEn: string;
  labelJa: string;
  reporter: string;
  reporterMembers: string[];
  year: number;
  critical: string[];
  /** Every year of the dataset in which the reporter imported the product, oldest first. */
  years: DossierYear[];
  /** World exporters of the product in the target year, largest first. */
  worldExporters: DossierSupplier[];
  importTrend: Trend;
  verdicts: Verdict[];
  provenance: ScreenProvenance;
}

const iso3Of = (code: number): string => countryByBaciCode(code)?.iso3 ?? String(code);

interface FlowAgg extends Row {
  t: number;
  i: number;
  to_reporter: boolean | number;
  from_reporter: boolean | number;
  fv: number;
  fq: number | null;
  fvq: number | null;
}

export async function productDossier(
  services: ScreenServices,
  request: ScreenRequest & { hs6: string },
  /** The request already resolved (with critical: false), when the caller resolved it to key a cache. */
  resolvedScreen?: ResolvedScreen,
): Promise<ProductDossier> {
  const hs6 = request.hs6.trim();
  if (!/^\d{6}$/.test(hs6)) {
    throw new ChokepointError('unknown_code', `"${request.hs6}" is not an HS6 code (six digits, e.g. 811292)`, { field: 'hs6' });
  }
  const resolved = resolvedScreen ?? (await resolveScreen(services, { ...request, critical: false }));
  const label = services.labels?.label(hs6, resolved.entry.hs);
  const reporters = resolved.input.reporters as { reporter: string; members: number[] }[];
  const members = reporters[0].members;
  const b = new SqlBuilder(services.analytics.dialect);
  const d = b.dialect;
  const rows = (
    await services.analytics.select<FlowAgg>(
      b.done(`SELECT t, i, to_reporter, from_reporter, sum(v) AS fv, ${d.sumIf('q', 'q > 0')} AS fq, ${d.sumIf('v', 'q > 0')} AS fvq
       FROM (SELECT t, i, v, q, ${b.inList('j', members, 'int[]')} AS to_reporter, ${b.inList('i', members, 'int[]')} AS from_reporter
             FROM ${resolved.input.source} WHERE k = ${b.text(hs6)}) product_flows
       GROUP BY t, i, to_reporter, from_reporter ORDER BY t, i, to_reporter, from_reporter`),
    )
  ).map((r) => ({
    t: r.t,
    i: r.i,
    to_reporter: Boolean(r.to_reporter),
    from_reporter: Boolean(r.from_reporter),
    v: r.fv,
    q: r.fq,
    vq: r.fvq,
  }));
  if (rows.length === 0 && !services.labels?.known(hs6, resolved.entry.hs)) {
    throw new ChokepointError('unknown_code', `HS code ${hs6} is not in the HS nomenclature nor in dataset "${resolved.entry.id}"`, {
      field: 'hs6',
    });
  }
  const concern = new Set(resolved.provenance.concern);
  const likeMinded = new Set(resolved.provenance.likeMinded);
  const isGroup = members.length > 1;
  const allYears = [...new Set(rows.map((r) => r.t))].sort((a, b) => a - b);
  const partnerIso3 = resolved.provenance.partner;
  const years: DossierYear[] = [];
  let worldExporters: DossierSupplier[] = [];
  for (const t of allYears) {
    const ofYear = rows.filter((r) => r.t === t);
    const imports = new Map<string, number>();
    let q = 0;
    let vq = 0;
    let exports = 0;
    let intra = 0;
    const world = new Map<string, number>();
    for (const r of ofYear) {
      world.set(iso3Of(r.i), (world.get(iso3Of(r.i)) ?? 0) + r.v);
      if (r.to_reporter && !r.from_reporter) {
        imports.set(iso3Of(r.i), (imports.get(iso3Of(r.i)) ?? 0) + r.v);
        q += r.q ?? 0;
        vq += r.vq ?? 0;
      }
      if (r.from_reporter && !r.to_reporter) exports += r.v;
      if (r.from_reporter && r.to_reporter) intra += r.v;
    }
    const suppliers = [...imports.entries()].filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
    const worldList = [...world.entries()].filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
    const worldShares = shares(worldList.map(([, v]) => v));
    const worldTotal = worldList.reduce((a, [, v]) => a + v, 0);
    if (t === request.year) {
      worldExporters = worldList.map(([partner, v], n) => ({ partner, valueUsd: v * 1000, share: worldShares[n] }));
    }
    if (suppliers.length === 0) continue;
    const s = shares(suppliers.map(([, v]) => v));
    const total = suppliers.reduce((a, [, v]) => a + v, 0);
    const values = suppliers.map(([partner, value]) => ({ partner, value }));
    const top = topShares(s);
    const lmShare = groupShare(values, likeMinded);
    const mx = importExportRatio(total, exports);
    years.push({
      year: t,
      importValueUsd: total * 1000,
      hhi: hhi(s),
      topSupplier: suppliers[0][0],
      topShare: top.top1,
      top3Share: top.top3,
      supplierCount: suppliers.length,
      countriesTo75: countriesTo(s, 0.75),
      concernShare: groupShare(values, concern),
      likeMindedShare: lmShare,
      extraGroupShare: isGroup ? total / (total + intra) : 1 - lmShare,
      importExportRatio: mx.ratio,
      noExports: mx.noExports,
      exportValueUsd: exports * 1000,
      worldExportHhi: worldList.length ? hhi(worldShares) : null,
      worldExportValueUsd: worldTotal * 1000,
      topWorldExporter: worldList[0]?.[0] ?? null,
      topWorldExporterShare: worldList.length ? worldShares[0] : null,
      partnerShare: partnerIso3 ? groupShare(values, new Set([partnerIso3])) : null,
      unitValueUsdPerTonne: unitValue(vq * 1000, q > 0 ? q : null),
      suppliers: suppliers.map(([partner, v], n) => ({ partner, valueUsd: v * 1000, share: s[n] })),
    });
  }
  const verdicts = resolved.input.methods.map((m) => m.method.evaluate(years, request.year, m.thresholds, m.options));
  let critical: string[] = [];
  if (resolved.critical) critical = resolved.critical.get(hs6) ?? [];
  else if (services.state) critical = (await criticalHsCodes(services.state)).get(hs6) ?? [];
  return {
    hs6,
    labelEn: label?.en ?? '',
    labelJa: label?.ja ?? '',
    reporter: resolved.reporter,
    reporterMembers: resolved.reporterMembers,
    year: request.year,
    critical,
    years,
    worldExporters,
    importTrend: logLinearTrend(years.map((y) => ({ year: y.year, value: y.importValueUsd }))),
    verdicts,
    provenance: { ...resolved.provenance, method: 'all' },
  };
}
